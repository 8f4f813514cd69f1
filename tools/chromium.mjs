// How every script here starts Chromium: Debian's build (never a download), headless, with
// nothing that talks to the network by itself. Used by the e2e tests and the benchmark.

/** The system Chromium (Debian's `chromium`); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** No sandbox (root, containers), and nothing that talks to the network by itself. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
