//! Writes `N` JPEG photos of `W`×`H` pixels into `DIR` (`photo1.jpg`…): gradients with noise,
//! about as heavy as a phone's photos, for `bench/report.sh`.
//! `cargo run -p ncen-tests --example photos -- DIR N W H`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let dir = std::path::PathBuf::from(args.get(1).ok_or("usage: photos DIR N W H")?);
    let n: u32 = args.get(2).map_or(Ok(10), |v| v.parse())?;
    let w: u32 = args.get(3).map_or(Ok(1600), |v| v.parse())?;
    let h: u32 = args.get(4).map_or(Ok(1200), |v| v.parse())?;
    let mut seed: u32 = 2_463_534_242;
    for i in 1..=n {
        let img = image::RgbImage::from_fn(w, h, |x, y| {
            // xorshift noise over a gradient that differs per photo
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let noise = (seed % 48) as u8;
            image::Rgb([
                ((x * 255 / w) as u8)
                    .wrapping_add(noise)
                    .wrapping_add((i * 40) as u8),
                ((y * 255 / h) as u8).wrapping_add(noise),
                (((x + y) * 127 / (w + h)) as u8).wrapping_add(noise / 2),
            ])
        });
        img.save_with_format(dir.join(format!("photo{i}.jpg")), image::ImageFormat::Jpeg)?;
    }
    Ok(())
}
