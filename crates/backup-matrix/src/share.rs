//! A shareable link for a whole form state: `v1.` then the config's JSON in base64url (no
//! padding). Decoding goes through `Config::parse_with`, so a link gets every check and limit a
//! config gets; a link from another version of the widget, or a damaged one, is told apart.
//! The JSON text is printed and parsed by the platform (the browser's `JSON` in the widget,
//! serde_json natively with the `text` feature), so the wasm carries no JSON code of its own.

use crate::config::Config;
use crate::json::{Json, ToJson};

/// The prefix of every link this version of the widget writes and reads.
pub const PREFIX: &str = "v1.";

/// The longest link text `decode` accepts, in bytes: 64 KiB.
pub const MAX_STATE_CHARS: usize = 64 * 1024;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Encodes bytes as base64url without padding.
fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 0x3f) as usize]));
        }
    }
    out
}

/// The six bits a base64url character stands for.
fn sextet(c: u8) -> Option<u32> {
    let value = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

const COPY_AGAIN: &str = "copy the whole link again";

/// Decodes base64url without padding; errors say where the text is damaged.
fn base64url_decode(text: &str) -> Result<Vec<u8>, String> {
    if let Some((at, c)) = text.char_indices().find(|(_, c)| !c.is_ascii() || sextet(*c as u8).is_none()) {
        return Err(format!(
            "The link is damaged: it holds {c:?} at position {}, which a link of this widget never contains; {COPY_AGAIN}",
            PREFIX.len() + text[..at].chars().count() + 1
        ));
    }
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return Err(format!("The link is damaged: it is cut off or has a character too many; {COPY_AGAIN}"));
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for chunk in bytes.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, c)| n | sextet(*c).unwrap_or(0) << (18 - 6 * i as u32));
        let decoded = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let kept = chunk.len() - 1;
        // The bits after the last whole byte must be zero, as an encoder writes them.
        if kept < 3 && n & (0xff_ffff >> (8 * kept)) != 0 {
            return Err(format!("The link is damaged: its last characters do not decode; {COPY_AGAIN}"));
        }
        out.extend_from_slice(&decoded[..kept]);
    }
    Ok(out)
}

/// The config's JSON without the keys that hold their default value, which parsing fills in again.
fn compact_json(config: &Config) -> Json {
    let (Json::Object(mut entries), Json::Object(defaults)) = (config.to_json(), Config::default().to_json())
    else {
        // Cannot happen: a config is always an object.
        return Json::Null;
    };
    entries.retain(|(key, value)| {
        !defaults.iter().any(|(default_key, default)| default_key == key && default == value)
    });
    for (key, value) in &mut entries {
        let (true, Json::Array(provisioners)) = (key == "provisioners", value) else { continue };
        for provisioner in provisioners {
            if let Json::Object(fields) = provisioner {
                fields.retain(|(key, value)| {
                    !(key == "volumeSnapshotClasses" && *value == Json::Array(Vec::new()))
                });
            }
        }
    }
    Json::Object(entries)
}

/// Encodes a whole form state as link text: `v1.` and base64url of its compact JSON, printed
/// by `print` (without spaces).
///
/// A state whose link would be longer than `MAX_STATE_CHARS` does not decode; hosts can check
/// the length before offering the link.
pub fn encode_with(config: &Config, print: impl FnOnce(&Json) -> String) -> String {
    format!("{PREFIX}{}", base64url_encode(print(&compact_json(config)).as_bytes()))
}

/// `encode_with` serde_json.
#[cfg(feature = "text")]
pub fn encode(config: &Config) -> String {
    encode_with(config, crate::json::print)
}

/// `decode_with` serde_json.
#[cfg(feature = "text")]
pub fn decode(text: &str) -> Result<Config, String> {
    decode_with(text, crate::json::parse)
}

/// Decodes link text made by `encode` back into a validated form state, or says why it cannot;
/// `parse` turns JSON text into a tree.
pub fn decode_with(text: &str, parse: impl FnOnce(&str) -> Result<Json, String>) -> Result<Config, String> {
    if text.len() > MAX_STATE_CHARS {
        return Err(format!(
            "The link is {} characters long; a form state link is at most {MAX_STATE_CHARS} (64 KiB). Check that only the link was copied.",
            text.len()
        ));
    }
    let text = text.trim();
    let text = text.strip_prefix('#').unwrap_or(text);
    if text.is_empty() {
        return Err("The link holds no form state: copy the whole link, starting with \"v1.\"".to_owned());
    }
    let Some(payload) = text.strip_prefix(PREFIX) else {
        return Err(wrong_version(text));
    };
    if payload.is_empty() {
        return Err(format!("The link holds no form state after \"{PREFIX}\"; {COPY_AGAIN}"));
    }
    let bytes = base64url_decode(payload)?;
    let json = String::from_utf8(bytes)
        .map_err(|_| format!("The link is damaged: its content is not text; {COPY_AGAIN}"))?;
    Config::parse_with(&json, parse)
        .map_err(|error| format!("The link's form state is not valid, so the form keeps its state: {error}"))
}

/// Why text without the `v1.` prefix is not read: another version's link, or no link at all.
fn wrong_version(text: &str) -> String {
    let version: String =
        text.strip_prefix('v').unwrap_or("").chars().take_while(char::is_ascii_digit).collect();
    let after = text.get(1 + version.len()..).unwrap_or("");
    if !version.is_empty() && (after.is_empty() || after.starts_with('.')) {
        let shown: String = version.chars().take(10).collect();
        format!(
            "This link comes from another version of the widget (state format v{shown}); this version reads only \"{PREFIX}\" links. Open it with the widget that made it, or set the form up again."
        )
    } else {
        format!(
            "This is not a form state link of this widget: it should start with \"{PREFIX}\". It may be a link from another version of the widget; set the form up again, or {COPY_AGAIN}."
        )
    }
}
