// The training bundle: the same element and exports as backup-form.js, with the training
// panels (tour, inventory editor, environment, buffer calculator, upgrade preview, take-away)
// and URL state, and their stylesheet. A training site loads this module instead of
// backup-form.js.
import init, * as wasm from './create-backup-widget-training.js';
import { define } from './host.js';
import { loadStyles } from './shadow.js';

await Promise.all([init({ module_or_path: new URL('./create-backup-widget-training_bg.wasm', import.meta.url) }), loadStyles(new URL('./backup-form-training.css', import.meta.url))]);

export const { mount, decide, scenarios } = define(wasm);
