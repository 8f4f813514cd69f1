//! The training bundle. It is the widget crate built with its `training` feature, under a name
//! of its own, so that `dist/` holds both bundles side by side: the docs/console one
//! (`create-backup-widget_bg.wasm`) and this one (`create-backup-widget-training_bg.wasm`).
//! The widget's `#[wasm_bindgen]` exports come along with the re-export.

pub use create_backup_widget::*;
