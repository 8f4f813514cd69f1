//! Portworx Backup's "Backup Types by Driver Matrix" (version 3.0) as typed data, and the pure
//! rules that decide what a Create Backup form produces. No web or UI dependency: this crate
//! compiles and is tested natively, and the widget only renders what it decides.

pub mod config;
pub mod decide;
pub mod environment;
pub mod kubernetes;
pub mod quantity;
pub mod request;
pub mod scenarios;
pub mod share;
mod strict;
pub mod tables;
pub mod tour;
pub mod types;
pub mod version;
pub mod what_if;

pub use config::{Config, ConfigError, Provisioner, Selection, SnapshotClass};
pub use decide::{decide, Decision, Notice, ProvisionerDecision};
pub use request::{request, Request};
pub use types::{BackupType, Level, Mode, ProvisionerKind, VscOption};
pub use what_if::{what_if, WhatIf};

/// Parses a config given as JSON text and decides it.
pub fn decide_json(text: &str) -> Result<Decision, ConfigError> {
    Config::parse(text).map(|config| decide(&config))
}

/// The input as quoted in an error message, shortened when long.
pub(crate) fn quoted(text: &str) -> String {
    const SHOWN: usize = 40;
    if text.chars().count() <= SHOWN {
        format!("\"{text}\"")
    } else {
        format!("\"{}...\"", text.chars().take(SHOWN).collect::<String>())
    }
}
