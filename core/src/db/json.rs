//! Reading rows that PostgreSQL rendered as JSON (`to_json(row)`), for statements that return
//! a whole document in one value. Column names are the field names, as in the diesel rows.

use serde::{Deserialize, Deserializer};

/// A `bytea` column: PostgreSQL writes it as `"\\x0a1b…"` (hex output format, the default).
pub fn bytea<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
    // Owned: the backslash is escaped in JSON, so the text cannot be borrowed from the input.
    let text = String::deserialize(d)?;
    let digits = text
        .strip_prefix("\\x")
        .ok_or_else(|| serde::de::Error::custom("bytea is not in hex format"))?;
    hex::decode(digits).map_err(serde::de::Error::custom)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    #[derive(serde::Deserialize)]
    struct Row {
        #[serde(deserialize_with = "super::bytea")]
        b: Vec<u8>,
    }

    #[test]
    fn reads_hex_bytea() {
        let row: Row = serde_json::from_str(r#"{"b":"\\x00ff10"}"#).unwrap();
        assert_eq!(row.b, vec![0, 255, 16]);
        assert!(serde_json::from_str::<Row>(r#"{"b":"00ff"}"#).is_err());
    }
}
