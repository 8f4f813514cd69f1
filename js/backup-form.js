// The docs and console bundle: the form, its live preview and the marked tables, and nothing
// else. A page loads this module; it initialises its wasm and the widget's stylesheet, and
// defines <create-backup-form>. It has no static imports, so that the wasm and the stylesheet
// are fetched at once, beside the modules rather than after them.
const wasm = fetch(new URL('./create-backup-widget_bg.wasm', import.meta.url));
const styles = [fetch(new URL('./backup-form.css', import.meta.url))];

const [glue, { define }, { adoptStyles }] = await Promise.all([
  import('./create-backup-widget.js'),
  import('./host.js'),
  import('./shadow.js'),
]);
await Promise.all([glue.default({ module_or_path: wasm }), adoptStyles(styles)]);

export const { mount, decide, scenarios } = define(glue);
