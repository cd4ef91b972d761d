//! QR codes as vector graphics: one SVG path of dark modules, which the PDF keeps as vectors,
//! each with the text a screen reader reads in its place.

use qrcode::{EcLevel, QrCode};
use serde::Serialize;

/// A QR code as the template places it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Code {
    /// The image (see [`svg`]).
    pub svg: String,
    /// Its text alternative: which page it opens, and its address (the tagged PDF's `/Alt`).
    pub alt: String,
}

/// The code of `url` with its text alternative `alt`, or `None` if the URL is too long to
/// encode.
pub fn code(url: &str, alt: String) -> Option<Code> {
    Some(Code {
        svg: svg(url)?,
        alt,
    })
}

/// Modules of light margin around the code, as the QR standard asks (4).
const QUIET_ZONE: usize = 4;

/// An SVG image of a QR code that opens `url`, or `None` if the text is too long to encode.
///
/// Medium error correction: codes survive a crease or a smudge of a handed-out brochure. Runs of
/// dark modules in a row are drawn as one rectangle, so the path stays short.
pub fn svg(url: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let dark: Vec<bool> = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    let size = width + 2 * QUIET_ZONE;
    let mut path = String::with_capacity(width * width);
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if !dark[y * width + x] {
                x += 1;
                continue;
            }
            let run_start = x;
            while x < width && dark[y * width + x] {
                x += 1;
            }
            path.push_str(&format!(
                "M{} {}h{}v1h-{}z",
                run_start + QUIET_ZONE,
                y + QUIET_ZONE,
                x - run_start,
                x - run_start
            ));
        }
    }
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" \
         shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/>\
         <path fill=\"#000\" d=\"{path}\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_service_url_makes_a_square_vector_code() {
        let svg = svg("https://uslugi-ruse.example.org/uslugi/tsop-ksuds/").unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("viewBox=\"0 0 41 41\""), "{svg}");
        assert!(svg.contains("<path fill=\"#000\" d=\"M4 4h7v1h-7z"));
    }

    #[test]
    fn too_long_text_gives_none() {
        assert!(svg(&"x".repeat(5000)).is_none());
    }
}
