//! Names folded to lower-case ASCII, for user names and e-mail addresses.

pub(super) fn ascii_fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            let base = match c {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
                'ç' | 'č' | 'ć' => 'c',
                'è' | 'é' | 'ê' | 'ë' => 'e',
                'ì' | 'í' | 'î' | 'ï' | 'ı' => 'i',
                'ñ' => 'n',
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
                'ù' | 'ú' | 'û' | 'ü' => 'u',
                'ş' | 'š' | 'ś' => 's',
                'ğ' => 'g',
                'đ' => 'd',
                'ž' | 'ż' | 'ź' => 'z',
                'ł' => 'l',
                c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
                c if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
                _ => return None,
            };
            Some(base)
        })
        .collect::<String>()
        .to_lowercase()
}
