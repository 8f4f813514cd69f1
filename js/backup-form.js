// The docs and console bundle: the form, its live preview and the marked tables, and nothing
// else. A page loads this module; it defines <create-backup-form> and loads the wasm and the
// widget's stylesheet (host.js says so in each element if they cannot load). It has no static
// imports, so that the wasm and the stylesheet are fetched at once, beside the modules rather
// than after them. A failed fetch or import is kept as a value, for host.js to word.
// Each URL is written out in full: bundlers find the assets by that pattern.
const fetchAsset = (url) => ({ url, response: fetch(url).catch((error) => error) });
const wasm = fetchAsset(new URL('./create-backup-widget_bg.wasm', import.meta.url));
const styles = [fetchAsset(new URL('./backup-form.css', import.meta.url))];
const glue = import('./create-backup-widget.js').catch((error) => error);

// shadow.js is host.js's one import, asked for beside it so both arrive in one round trip.
const [{ start }] = await Promise.all([import('./host.js'), import('./shadow.js')]);

export const { mount, decide, scenarios } = await start({ glue, wasm, styles });
