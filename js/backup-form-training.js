// The training bundle: the same element and exports as backup-form.js, with the training
// panels (tour, inventory editor, environment, buffer calculator, upgrade preview, take-away)
// and URL state, and their stylesheet. A training site loads this module instead of
// backup-form.js. No static imports: its wasm and stylesheets are fetched at once.
const wasm = fetch(new URL('./create-backup-widget-training_bg.wasm', import.meta.url));
const styles = [
  fetch(new URL('./backup-form.css', import.meta.url)),
  fetch(new URL('./backup-form-training.css', import.meta.url)),
];

const [glue, { define }, { adoptStyles }] = await Promise.all([
  import('./create-backup-widget-training.js'),
  import('./host.js'),
  import('./shadow.js'),
]);
await Promise.all([glue.default({ module_or_path: wasm }), adoptStyles(styles)]);

export const { mount, decide, scenarios } = define(glue);
