// The training bundle: the same element and exports as backup-form.js, with the training
// panels (tour, inventory editor, environment, buffer calculator, upgrade preview, take-away)
// and URL state, and their stylesheet. A training site loads this module instead of
// backup-form.js. No static imports: its wasm and stylesheets are fetched at once, and a failed
// fetch or import is kept as a value, for host.js to word.
// Each URL is written out in full: bundlers find the assets by that pattern.
const fetchAsset = (url) => ({ url, response: fetch(url).catch((error) => error) });
const wasm = fetchAsset(new URL('./create-backup-widget-training_bg.wasm', import.meta.url));
const styles = [fetchAsset(new URL('./backup-form.css', import.meta.url)), fetchAsset(new URL('./backup-form-training.css', import.meta.url))];
const glue = import('./create-backup-widget-training.js').catch((error) => error);

// shadow.js is host.js's one import, asked for beside it so both arrive in one round trip.
const [{ start }] = await Promise.all([import('./host.js'), import('./shadow.js')]);

export const { mount, decide, scenarios } = await start({ glue, wasm, styles });
