//! Every file of a segment directory is stored gzip-compressed (format 3):
//! the browser inflates it with the platform's `DecompressionStream`, so
//! the wasm carries no decompressor, and any static host serves the files
//! as they are. The core builds and reads plain bytes; only this edge of
//! the CLI compresses (writing) and inflates (reading back for updates).

use std::io::{Read, Write};

use flate2::{read::GzDecoder, write::GzEncoder, Compression};

/// `bytes` gzip-compressed at the best level (files are written once and
/// fetched many times).
pub fn compress(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(
        Vec::with_capacity(bytes.len() / 2 + 32),
        Compression::best(),
    );
    enc.write_all(bytes).expect("writing to memory");
    enc.finish().expect("writing to memory")
}

/// The plain bytes of a gzip file, or why not.
pub fn inflate(gz: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(gz.len() * 3);
    GzDecoder::new(gz)
        .read_to_end(&mut out)
        .map_err(|e| format!("not gzip: {e}"))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_plain_bytes() {
        let text = "宝鸡市高质量发展".repeat(50);
        let gz = compress(text.as_bytes());
        assert!(gz.len() < text.len() / 4, "{} bytes", gz.len());
        assert_eq!(inflate(&gz).unwrap(), text.as_bytes());
        assert!(inflate(text.as_bytes()).is_err());
    }
}
