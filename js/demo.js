// The demo page's controls: a scenario picker and a theme switch. A host page does the same
// with the `scenario` attribute and data-theme on <html>.
import { scenarios } from './backup-form-training.js';

const widget = document.querySelector('create-backup-form');
const picker = document.getElementById('demo-scenario');
const theme = document.getElementById('demo-theme');

for (const { id, title } of scenarios()) {
  picker.append(new Option(`${title} (${id})`, id, false, id === widget.getAttribute('scenario')));
}
picker.addEventListener('change', () => widget.setAttribute('scenario', picker.value));

theme.addEventListener('change', () => {
  if (theme.value === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme.value;
});
