//! A shareable link for a whole form state: `v1.` then the JSON of its [`LinkState`] in
//! base64url (no padding). Decoding reads that JSON as any config is read, so a link gets every
//! check and limit a config gets; a link from another version of the widget, or a damaged one,
//! is told apart. The JSON text is printed and parsed by the platform (serde_json natively with
//! the `text` feature; in the widget, serde-wasm-bindgen's JS values and the browser's `JSON`),
//! so the wasm carries no JSON text code of its own.

use serde::Serialize;

use crate::config::{
    BackupKind, BackupLocation, BackupObject, Cluster, Config, SchedulePolicy, Selection, SnapshotClass,
};
use crate::types::Mode;

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

/// A form state as a link holds it: the config's JSON without the keys that hold their default
/// value (decoding fills them in again), and without a provisioner's empty VSC list.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkState<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    provisioners: Option<Vec<LinkProvisioner<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    offload: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cross_cloud: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mode: Option<Mode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cluster: Option<&'a Cluster>,
    #[serde(skip_serializing_if = "Option::is_none")]
    org_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    backup_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    backup_locations: Option<&'a [BackupLocation]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    backup_location: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    namespaces: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    backup_kind: Option<BackupKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    backup_object: Option<BackupObject>,
    #[serde(skip_serializing_if = "Option::is_none")]
    schedule_policies: Option<&'a [SchedulePolicy]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    schedule_policy: Option<&'a str>,
}

/// A provisioner as a link holds it: its VSC list only when it has one.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LinkProvisioner<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    portworx: Option<bool>,
    #[serde(skip_serializing_if = "<[SnapshotClass]>::is_empty")]
    volume_snapshot_classes: &'a [SnapshotClass],
    #[serde(skip_serializing_if = "Selection::is_auto")]
    volume_snapshot_class: &'a Selection,
}

/// `value` unless it is `default`.
fn changed<'a, T: PartialEq + ?Sized>(value: &'a T, default: &T) -> Option<&'a T> {
    (value != default).then_some(value)
}

impl<'a> LinkState<'a> {
    /// The parts of `config` that differ from a default config.
    pub fn of(config: &'a Config) -> Self {
        let defaults = Config::default();
        let provisioners = changed(&config.provisioners, &defaults.provisioners).map(|provisioners| {
            provisioners
                .iter()
                .map(|p| LinkProvisioner {
                    name: &p.name,
                    portworx: p.portworx,
                    volume_snapshot_classes: &p.volume_snapshot_classes,
                    volume_snapshot_class: &p.volume_snapshot_class,
                })
                .collect()
        });
        LinkState {
            provisioners,
            offload: changed(&config.offload, &defaults.offload).copied(),
            cross_cloud: changed(&config.cross_cloud, &defaults.cross_cloud).copied(),
            mode: changed(&config.mode, &defaults.mode).copied(),
            cluster: config.cluster.as_ref(),
            org_id: changed(config.org_id.as_str(), &defaults.org_id),
            backup_name: changed(config.backup_name.as_str(), &defaults.backup_name),
            backup_locations: changed(config.backup_locations.as_slice(), &defaults.backup_locations),
            backup_location: config.backup_location.as_deref(),
            namespaces: changed(config.namespaces.as_slice(), &defaults.namespaces),
            backup_kind: changed(&config.backup_kind, &defaults.backup_kind).copied(),
            backup_object: changed(&config.backup_object, &defaults.backup_object).copied(),
            schedule_policies: changed(config.schedule_policies.as_slice(), &defaults.schedule_policies),
            schedule_policy: config.schedule_policy.as_deref(),
        }
    }
}

/// Encodes a whole form state as link text: `v1.` and base64url of its [`LinkState`]'s compact
/// JSON.
///
/// A state whose link would be longer than `MAX_STATE_CHARS` does not decode; hosts can check
/// the length before offering the link.
pub fn encode(config: &Config) -> String {
    let json = serde_json::to_string(&LinkState::of(config)).unwrap_or_default();
    format!("{PREFIX}{}", base64url_encode(json.as_bytes()))
}

/// Decodes link text made by `encode` back into a validated form state (`Config::parse`), or
/// says why it cannot.
pub fn decode(text: &str) -> Result<Config, String> {
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
    Config::parse(&json)
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
