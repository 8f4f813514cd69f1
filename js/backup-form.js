// The docs and console bundle: the form, its live preview and the marked tables, and nothing
// else. A page loads this module; it initialises its wasm and the widget's stylesheet, and
// defines <create-backup-form>.
import init, * as wasm from './create-backup-widget.js';
import { define } from './host.js';
import { loadStyles } from './shadow.js';

await Promise.all([init({ module_or_path: new URL('./create-backup-widget_bg.wasm', import.meta.url) }), loadStyles()]);

export const { mount, decide, scenarios } = define(wasm);
