// A React 19 console's entry, as create-vite's react-ts template writes it: StrictMode around
// the app. Importing `create-backup-widget/react` defines <create-backup-form> (the module
// awaits its wasm), so the element exists before React renders it and React 19 sets `config`
// as its property.
import 'create-backup-widget/react';
import 'create-backup-widget/backup-form.css';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

import { App, type Logged } from './App';

// For tests/e2e/react.test.mjs: what the app saw, and mounting or unmounting the whole tree.
const host = {
  log: [] as Logged[],
  effects: [] as string[],
  root: null as Root | null,
  mount() {
    host.root = createRoot(document.getElementById('root')!);
    host.root.render(
      <StrictMode>
        <App log={host.log} effects={host.effects} />
      </StrictMode>,
    );
  },
  unmount() {
    host.root?.unmount();
    host.root = null;
  },
};
(window as unknown as { __host: typeof host }).__host = host;
host.mount();
