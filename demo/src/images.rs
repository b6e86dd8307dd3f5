//! Placeholder evidence pictures: a "photo" of the seized goods laid out on an inspection
//! table (JPEG) and an "X-ray" of a container or parcel with dense shapes in it (PNG).
//! Drawn with the `image` crate from the demo's random generator, so they are reproducible.

use image::{ImageFormat, Rgb, RgbImage};
use rand::rngs::StdRng;
use rand::Rng;
use std::io::Cursor;

const W: u32 = 800;
const H: u32 = 600;

/// The colour of the goods of a commodity group in a photo.
fn goods_colour(group: &str) -> [u8; 3] {
    match group {
        "drugs" => [235, 235, 225],
        "tobacco" => [200, 40, 40],
        "alcohol" => [60, 120, 60],
        "currency" => [120, 170, 120],
        "ipr" => [60, 60, 70],
        "medicines" => [230, 230, 250],
        "weapons" => [50, 50, 55],
        "wildlife" => [225, 215, 190],
        "timber" => [140, 90, 50],
        _ => [170, 130, 80],
    }
}

fn fill(img: &mut RgbImage, x0: u32, y0: u32, w: u32, h: u32, c: [u8; 3]) {
    for y in y0..(y0 + h).min(img.height()) {
        for x in x0..(x0 + w).min(img.width()) {
            img.put_pixel(x, y, Rgb(c));
        }
    }
}

fn outline(img: &mut RgbImage, x0: u32, y0: u32, w: u32, h: u32, c: [u8; 3], t: u32) {
    fill(img, x0, y0, w, t, c);
    fill(img, x0, (y0 + h).saturating_sub(t), w, t, c);
    fill(img, x0, y0, t, h, c);
    fill(img, (x0 + w).saturating_sub(t), y0, t, h, c);
}

/// A JPEG "photo": a grey table with a measuring grid, an evidence tag, and packages.
pub fn photo(rng: &mut StdRng, group: &str) -> Vec<u8> {
    let base = [
        rng.random_range(90..130),
        rng.random_range(90..130),
        rng.random_range(95..135),
    ];
    let mut img = RgbImage::from_fn(W, H, |x, y| {
        let shade = ((x + y) / 40) as u8;
        let grid = x % 50 == 0 || y % 50 == 0;
        let v = |c: u8| {
            if grid {
                c.saturating_add(25)
            } else {
                c.saturating_add(shade / 2)
            }
        };
        Rgb([v(base[0]), v(base[1]), v(base[2])])
    });
    let colour = goods_colour(group);
    let n = rng.random_range(4..14);
    for _ in 0..n {
        let w = rng.random_range(60..180);
        let h = rng.random_range(40..120);
        let x = rng.random_range(20..W - w - 20);
        let y = rng.random_range(20..H - h - 90);
        let jitter = |c: u8, rng: &mut StdRng| c.saturating_sub(rng.random_range(0..40));
        let c = [
            jitter(colour[0], rng),
            jitter(colour[1], rng),
            jitter(colour[2], rng),
        ];
        fill(&mut img, x + 6, y + 6, w, h, [40, 40, 45]);
        fill(&mut img, x, y, w, h, c);
        outline(&mut img, x, y, w, h, [30, 30, 30], 2);
        // Tape across the package.
        fill(&mut img, x, y + h / 2 - 4, w, 8, [190, 170, 90]);
    }
    // Evidence tag and scale bar.
    fill(&mut img, 30, H - 70, 160, 50, [250, 250, 240]);
    outline(&mut img, 30, H - 70, 160, 50, [200, 30, 30], 3);
    for i in 0..10 {
        let c = if i % 2 == 0 {
            [20, 20, 20]
        } else {
            [240, 240, 240]
        };
        fill(&mut img, W - 330 + i * 30, H - 45, 30, 12, c);
    }
    let mut out = Cursor::new(Vec::new());
    let _ = image::DynamicImage::ImageRgb8(img).write_to(&mut out, ImageFormat::Jpeg);
    out.into_inner()
}

/// A PNG "X-ray": the outline of a container, trailer or parcel in greyscale with denser
/// (darker) anomalies where the goods are hidden.
pub fn xray(rng: &mut StdRng) -> Vec<u8> {
    let mut img = RgbImage::from_fn(W, H, |x, y| {
        let noise = ((x * 7 + y * 13) % 17) as u8;
        Rgb([225 + noise / 2, 228 + noise / 2, 232 + noise / 2])
    });
    let (x0, y0, w, h) = (40, 120, W - 80, 300);
    fill(&mut img, x0, y0, w, h, [200, 202, 206]);
    outline(&mut img, x0, y0, w, h, [60, 60, 66], 6);
    // Corrugations of the container walls.
    for i in 0..(w / 24) {
        fill(&mut img, x0 + i * 24, y0, 3, h, [170, 172, 176]);
    }
    // Regular cargo.
    for i in 0..rng.random_range(6..14) {
        let cw = rng.random_range(40..90);
        let ch = rng.random_range(60..200);
        let cx = x0 + 10 + (i * 55) % (w - cw - 20);
        fill(&mut img, cx, y0 + h - ch - 8, cw, ch, [150, 152, 158]);
    }
    // The anomaly.
    for _ in 0..rng.random_range(1..4) {
        let aw = rng.random_range(50..160);
        let ah = rng.random_range(30..90);
        let ax = rng.random_range(x0 + 10..x0 + w - aw - 10);
        let ay = rng.random_range(y0 + 10..y0 + h - ah - 10);
        fill(&mut img, ax, ay, aw, ah, [55, 55, 62]);
    }
    // Wheels / chassis line.
    fill(&mut img, x0, y0 + h + 20, w, 10, [80, 80, 86]);
    for i in 0..4 {
        fill(
            &mut img,
            x0 + 60 + i * 180,
            y0 + h + 30,
            50,
            40,
            [70, 70, 76],
        );
    }
    let gray = image::DynamicImage::ImageRgb8(img).to_luma8();
    let mut out = Cursor::new(Vec::new());
    let _ = gray.write_to(&mut out, ImageFormat::Png);
    out.into_inner()
}

/// A PNG "scan" of a signed page: text lines, a stamp and a signature, slightly grey.
pub fn scan(seed: u64) -> Vec<u8> {
    use rand::SeedableRng;
    let mut rng = StdRng::seed_from_u64(seed);
    let (w, h) = (620, 877);
    let mut img = RgbImage::from_pixel(w, h, Rgb([246, 245, 240]));
    // the title, then paragraphs of lines of varying length
    fill(&mut img, 160, 70, 300, 14, [40, 40, 45]);
    let mut y = 130;
    while y < 640 {
        let len = rng.random_range(300..520);
        fill(&mut img, 60, y, len, 6, [95, 95, 100]);
        y += if rng.random_bool(0.15) { 34 } else { 18 };
    }
    // the stamp and the signature
    outline(&mut img, 80, 690, 150, 110, [150, 40, 40], 5);
    fill(&mut img, 105, 735, 100, 8, [150, 40, 40]);
    let mut x = 360u32;
    let mut sy = 760i32;
    while x < 540 {
        sy = (sy + rng.random_range(-6..=6)).clamp(730, 790);
        fill(&mut img, x, sy as u32, 3, 3, [20, 30, 90]);
        x += 1;
    }
    let mut out = Cursor::new(Vec::new());
    // writing to memory does not fail for a well-formed RGB image
    let _ = img.write_to(&mut out, ImageFormat::Png);
    out.into_inner()
}
