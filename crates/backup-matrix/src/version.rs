//! CSI driver versions such as `v1.30.2` or `1.29.0-rc.1`, ordered as semantic versions, and the
//! source's Azure file caution: CSI snapshot restore of (SMB) Azure file volumes works from
//! driver v1.30.2 on.

use crate::quoted;
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use crate::tables::AZURE_FILE_MIN_SNAPSHOT_RESTORE_VERSION;

/// The longest version text accepted, in characters.
pub const MAX_VERSION_LEN: usize = 128;

/// One dot-separated part of a pre-release, such as `rc` or `1` in `-rc.1`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Identifier {
    /// Digits only; compared as a number, and before any alphanumeric part.
    Numeric(u64),
    /// Letters, digits and '-'; compared as ASCII text.
    Alphanumeric(String),
}

impl fmt::Display for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Identifier::Numeric(n) => write!(f, "{n}"),
            Identifier::Alphanumeric(s) => f.write_str(s),
        }
    }
}

/// A driver version: major.minor.patch and an optional pre-release. Build metadata (`+...`) is
/// accepted and dropped, as semantic versioning ignores it when comparing.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Version {
    pub major: u32,
    pub minor: u32,
    pub patch: u32,
    /// Empty for a release; a pre-release sorts before its release.
    pub pre: Vec<Identifier>,
}

impl Version {
    /// A release version with no pre-release part.
    pub const fn new(major: u32, minor: u32, patch: u32) -> Version {
        Version { major, minor, patch, pre: Vec::new() }
    }

    /// The first Azure file CSI driver version whose CSI snapshots of SMB volumes restore: v1.30.2.
    pub fn azure_file_min_snapshot_restore() -> Version {
        let (major, minor, patch) = AZURE_FILE_MIN_SNAPSHOT_RESTORE_VERSION;
        Version::new(major, minor, patch)
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        let core = (self.major, self.minor, self.patch).cmp(&(other.major, other.minor, other.patch));
        core.then_with(|| match (self.pre.is_empty(), other.pre.is_empty()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            (false, false) => self.pre.cmp(&other.pre),
        })
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "v{}.{}.{}", self.major, self.minor, self.patch)?;
        for (index, part) in self.pre.iter().enumerate() {
            write!(f, "{}{part}", if index == 0 { '-' } else { '.' })?;
        }
        Ok(())
    }
}

impl FromStr for Version {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse_version(text)
    }
}

const EXAMPLE: &str = "write it as v1.30.2, 1.30.2, v1.30 or 1.29.0-rc.1";

/// One of major, minor and patch: digits, no leading zero, at most `u32::MAX`.
fn core_number(text: &str, part: &str, what: &str) -> Result<u32, String> {
    if part.is_empty() {
        return Err(format!("{} has an empty {what} number: {EXAMPLE}", quoted(text)));
    }
    if !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "{} has a {what} number that is not a number (\"{part}\"): {EXAMPLE}",
            quoted(text)
        ));
    }
    if part.len() > 1 && part.starts_with('0') {
        return Err(format!(
            "{} has a {what} number with a leading zero (\"{part}\"): drop the zero",
            quoted(text)
        ));
    }
    part.parse().map_err(|_| {
        format!(
            "{} has a {what} number that is too large (\"{part}\"); at most {} is accepted",
            quoted(text),
            u32::MAX
        )
    })
}

/// The dot-separated parts of a pre-release, each numeric or alphanumeric.
fn identifiers(text: &str, part: &str, what: &str) -> Result<Vec<Identifier>, String> {
    part.split('.')
        .map(|id| {
            if id.is_empty() {
                return Err(format!("{} has an empty {what} part between dots: {EXAMPLE}", quoted(text)));
            }
            if !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                return Err(format!(
                    "{} has a {what} part \"{id}\" with characters other than letters, digits and '-'",
                    quoted(text)
                ));
            }
            if !id.bytes().all(|b| b.is_ascii_digit()) {
                return Ok(Identifier::Alphanumeric(id.to_owned()));
            }
            if id.len() > 1 && id.starts_with('0') {
                return Err(format!(
                    "{} has a {what} number with a leading zero (\"{id}\"): drop the zero",
                    quoted(text)
                ));
            }
            id.parse()
                .map(Identifier::Numeric)
                .map_err(|_| format!("{} has a {what} number that is too large (\"{id}\")", quoted(text)))
        })
        .collect()
}

/// Parses a CSI driver version such as `v1.30.2`, `1.30.2`, `v1.30` (patch 0) or `1.29.0-rc.1`.
pub fn parse_version(text: &str) -> Result<Version, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("The driver version is empty: {EXAMPLE}"));
    }
    if text.chars().count() > MAX_VERSION_LEN {
        return Err(format!(
            "{} is too long for a version: at most {MAX_VERSION_LEN} characters",
            quoted(text)
        ));
    }
    let unprefixed = text.strip_prefix(['v', 'V']).unwrap_or(text);
    let (rest, build) = match unprefixed.split_once('+') {
        Some((rest, build)) => (rest, Some(build)),
        None => (unprefixed, None),
    };
    let (core, pre) = match rest.split_once('-') {
        Some((core, pre)) => (core, Some(pre)),
        None => (rest, None),
    };
    if core.is_empty() || !core.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(format!("{} is not a version number: {EXAMPLE}", quoted(text)));
    }
    let parts: Vec<&str> = core.split('.').collect();
    let (major, minor, patch) = match parts.as_slice() {
        [major, minor] => (*major, *minor, "0"),
        [major, minor, patch] => (*major, *minor, *patch),
        [_] => {
            return Err(format!(
                "{} has only a major number: give at least major.minor, such as v1.30",
                quoted(text)
            ))
        }
        _ => {
            return Err(format!(
                "{} has {} numbers: a version has at most three (major.minor.patch)",
                quoted(text),
                parts.len()
            ))
        }
    };
    let version = Version {
        major: core_number(text, major, "major")?,
        minor: core_number(text, minor, "minor")?,
        patch: core_number(text, patch, "patch")?,
        pre: match pre {
            Some(pre) => identifiers(text, pre, "pre-release")?,
            None => Vec::new(),
        },
    };
    if let Some(build) = build {
        let valid = |id: &str| !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !build.split('.').all(valid) {
            return Err(format!(
                "{} has build metadata (after '+') other than dot-separated letters, digits and '-'",
                quoted(text)
            ));
        }
    }
    Ok(version)
}

/// Whether an Azure file CSI driver of this version restores CSI snapshots of SMB volumes (v1.30.2 or later).
pub fn azure_file_snapshot_restore_supported(version: &Version) -> bool {
    *version >= Version::azure_file_min_snapshot_restore()
}
