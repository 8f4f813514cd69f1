//! The Create Backup widget: Leptos components over `backup_matrix`, and the thin layer that
//! embeds them in a page (`mount`, `decide`, `scenarios`, the `<create-backup-form>` element).

pub mod embed;
pub mod js;
pub mod state;
pub mod ui;
