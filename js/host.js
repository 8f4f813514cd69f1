// What both bundles share: the <create-backup-form> element and the exports mount(),
// decide() and scenarios(), over the wasm exports of whichever bundle loaded it. It hands
// configs to Rust as given (an object, or JSON text that Rust parses and limits) and
// dispatches what Rust sends; every rule lives in Rust.
// Each widget renders into its host's shadow root (shadow.js).
//
// `start()` defines the element at once, then loads the bundle. Until it has loaded, elements
// keep their box and wait; if it cannot load, each says why in its box and dispatches
// `backup-load-error` (SPEC, Loading: "When it cannot start").
import { adoptStyles, openRoot } from './shadow.js';

/** Runs `task` when the page is idle (within a second), or in a new task where there is no
 * requestIdleCallback (Safari). */
const whenIdle = globalThis.requestIdleCallback
  ? (task) => requestIdleCallback(task, { timeout: 1000 })
  : (task) => setTimeout(task, 0);

/** The one Trusted Types policy of the widget (SPEC, Loading: "Trusted Types"). */
const POLICY_NAME = 'create-backup-form';

/** A reason the widget cannot start, worded for the page's reader and its host. */
class LoadError extends Error {}

let policy; // undefined until asked; null where the page needs none

/**
 * The page's Trusted Types policy for Leptos's static templates, created once per page, or null
 * where the browser has no Trusted Types or the page does not require them. Its createHTML
 * passes HTML on as it is: only the build's own templates are handed to it (vendor/README.md).
 * Throws a LoadError where the page requires Trusted Types and refuses the policy.
 */
function htmlPolicy() {
  if (policy !== undefined) return policy;
  const factory = globalThis.trustedTypes;
  if (!factory?.createPolicy) return (policy = null);
  try {
    policy = factory.createPolicy(POLICY_NAME, { createHTML: (html) => html });
  } catch {
    // Refused by the page's `trusted-types` directive: harmless unless HTML sinks require
    // Trusted Types, which an assignment of an empty string tells (it throws where they do).
    try {
      document.createElement('template').innerHTML = '';
      policy = null;
    } catch {
      throw new LoadError(`this page's Trusted Types policy does not allow ${POLICY_NAME}`);
    }
  }
  return policy;
}

/** The file name of `url`, for a message. */
const fileName = (url) => new URL(url).pathname.split('/').pop();

/**
 * The response of a fetch the entry started (`{ url, response }`, `response` resolving to a
 * Response or to the error of a fetch that failed), or a LoadError that names the file.
 */
async function fetched({ url, response }) {
  const result = await response;
  if (!(result instanceof Response)) throw new LoadError(`could not fetch ${fileName(url)} (${result?.message ?? result})`);
  if (!result.ok) throw new LoadError(`could not fetch ${fileName(url)} (${result.status})`);
  return result;
}

/** Compiles and instantiates the bundle: its bindings, or a LoadError naming the cause. */
async function instantiate(glue, wasm) {
  const bindings = await glue;
  if (bindings instanceof Error) throw new LoadError(`could not load the widget's JavaScript (${bindings.message})`);
  const response = await fetched(wasm);
  try {
    await bindings.default({ module_or_path: response });
  } catch (error) {
    // Chromium: "Refused to compile or instantiate WebAssembly module because 'wasm-unsafe-eval'
    // is not an allowed source of script in the following Content Security Policy directive".
    if (/Content.Security.Policy|unsafe-eval/i.test(error?.message)) {
      throw new LoadError("this page's Content-Security-Policy does not allow WebAssembly ('wasm-unsafe-eval')");
    }
    throw new LoadError(`could not start ${fileName(wasm.url)} (${error?.message ?? error})`);
  }
  return bindings;
}

/** How the page's bundle stands: loading, loaded (`bindings`) or failed (`failure`). */
const load = { bindings: null, failure: null, waiting: new Set() };

/**
 * Loads one bundle and returns its exports { mount, decide, scenarios }. `glue` is the dynamic
 * import of its wasm-bindgen JS (resolving to the module, or to the error it failed with),
 * `wasm` and each of `styles` a `{ url, response }` whose fetch the entry has started.
 * Defines <create-backup-form> at once, over the first bundle a page starts. Never rejects: a
 * bundle that cannot load gives exports that throw why.
 */
export async function start({ glue, wasm, styles }) {
  const defines = !customElements.get('create-backup-form');
  if (defines) customElements.define('create-backup-form', CreateBackupForm);
  let bindings;
  try {
    const policy = htmlPolicy();
    const sheets = adoptStyles(Promise.all(styles.map(fetched)).then((responses) => Promise.all(responses.map((r) => r.text()))));
    [bindings] = await Promise.all([instantiate(glue, wasm), sheets]);
    if (policy) bindings.setHtmlPolicy(policy);
  } catch (error) {
    const message = error instanceof LoadError ? error.message : `could not start (${error?.message ?? error})`;
    if (defines) failed(message);
    const refuse = () => {
      throw new Error(`create-backup-form could not load: ${message}`);
    };
    return { mount: refuse, decide: refuse, scenarios: refuse };
  }
  if (defines) loaded(bindings);
  return exportsOf(bindings);
}

/** The bundle has loaded: every element waiting for it starts. */
function loaded(bindings) {
  load.bindings = bindings;
  for (const element of load.waiting) element.connectedCallback();
  load.waiting.clear();
}

/** The bundle cannot load: logged once, and every element, now and later, says why. */
function failed(message) {
  load.failure = message;
  console.error(`create-backup-form could not load: ${message}`);
  for (const element of load.waiting) element.connectedCallback();
  load.waiting.clear();
}

/**
 * Shows `message` in `element`'s own box, as text, and dispatches `backup-load-error` on it.
 */
function showFailure(element, message) {
  const { container } = openRoot(element);
  const line = document.createElement('p');
  line.className = 'cbw-load-error';
  line.textContent = `The Create Backup form could not load: ${message}.`;
  container.replaceChildren(line);
  element.dispatchEvent(new CustomEvent('backup-load-error', { detail: { message }, bubbles: true, composed: true }));
}

/**
 * Renders a widget of `wasm` (one bundle's bindings) into `element`'s shadow root; events are
 * dispatched on `element` itself. `options`: { urlState?: boolean, inventoryEditor?: 'hidden' },
 * what the host allows. Returns the wasm Widget, with `close()` that frees it and empties the
 * shadow root.
 */
function attach(wasm, element, config, scenario, options, whileConnected = false) {
  // With backup-change comes its whatIf as a WhatIfText (wasm), written out as JSON text in
  // idle time after the change, or at once when a host reads detail.whatIf first, and parsed on
  // the first read (enumerable, so JSON.stringify and spreading see it too). Only the last
  // change can be unwritten: the next one writes it first, so no Decision is kept longer.
  let unwritten = null;
  const write = () => {
    if (!unwritten) return;
    const { detail, whatIf } = unwritten;
    unwritten = null;
    const text = whatIf.json();
    whatIf.free();
    Object.defineProperty(detail, 'whatIf', {
      enumerable: true,
      configurable: true,
      get() {
        const value = JSON.parse(text);
        Object.defineProperty(detail, 'whatIf', { value, enumerable: true, configurable: true, writable: true });
        return value;
      },
    });
  };
  const emit = (type, detail, whatIf) => {
    // An element removed before its queued start event ran is being torn down: stay silent.
    if (whileConnected && !element.isConnected) {
      whatIf?.free();
      return;
    }
    if (whatIf) {
      write();
      unwritten = { detail, whatIf };
      Object.defineProperty(detail, 'whatIf', {
        enumerable: true,
        configurable: true,
        get() {
          write();
          return detail.whatIf;
        },
      });
      whenIdle(write);
    }
    element.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  };
  const root = openRoot(element);
  const widget = wasm.mountWithOptions(root.container, config ?? undefined, scenario ?? undefined, emit, options);
  widget.close = () => {
    widget.unmount();
    widget.free();
    root.close();
  };
  return widget;
}

/** The module's exports over `wasm`, one bundle's bindings. */
function exportsOf(wasm) {
  /**
   * Mounts a widget into an open shadow root of `element` (its light DOM is left alone); returns a handle with update(config), decision(), unmount().
   * `options`: `{ urlState: true }` keeps the form state in the URL hash; `{ inventoryEditor: 'hidden' }`
   * leaves the inventory editor out.
   */
  function mount(element, config, options) {
    let widget = attach(wasm, element, config, undefined, options);
    return {
      update(next) {
        if (!widget) throw new Error('create-backup-form: this handle was unmounted');
        const error = widget.update(next ?? undefined, undefined);
        return error ?? null;
      },
      decision() {
        return widget ? widget.decision() : null;
      },
      unmount() {
        if (!widget) return;
        widget.close();
        widget = null;
      },
    };
  }

  /** Decides a config with no DOM; throws an Error with `path` on a bad config. */
  function decide(config) {
    try {
      return wasm.decideConfig(config ?? {});
    } catch (raw) {
      const { message, path } = raw && typeof raw === 'object' && 'path' in raw ? raw : { message: String(raw), path: '(root)' };
      throw Object.assign(new Error(message), { path });
    }
  }

  /** The built-in scenarios: [{ id, title }]. */
  function scenarios() {
    return wasm.scenarioList();
  }

  return { mount, decide, scenarios };
}

/** <create-backup-form>: defined as soon as an entry runs; it starts once its bundle has loaded. */
class CreateBackupForm extends HTMLElement {
  static observedAttributes = ['scenario', 'config'];
  #widget = null;
  #pending = undefined; // a config property set before the widget started
  #failed = false; // said why it cannot start, once
  #internals = this.attachInternals();

  connectedCallback() {
    if (this.#widget || this.#failed) return;
    if (load.failure) {
      this.#failed = true;
      this.#started();
      showFailure(this, load.failure);
      return;
    }
    if (!load.bindings) {
      load.waiting.add(this);
      return;
    }
    const config = this.#pending ?? this.getAttribute('config');
    this.#pending = undefined;
    // url-state (boolean attribute) and inventory-editor="hidden" are read once, on connect.
    const options = { urlState: this.hasAttribute('url-state'), inventoryEditor: this.getAttribute('inventory-editor') ?? undefined };
    this.#widget = attach(load.bindings, this, config, this.getAttribute('scenario'), options, true);
    this.#started();
  }

  /** Matches :state(started), which ends the box the page's stylesheet keeps for it. */
  #started() {
    try {
      this.#internals.states.add('started');
    } catch {
      // A browser without custom states keeps the box's minimum height: nothing is lost.
    }
  }

  disconnectedCallback() {
    load.waiting.delete(this);
    // Kept while moved within a page; freed once it is really gone.
    queueMicrotask(() => {
      if (!this.isConnected && this.#widget) {
        this.#widget.close();
        this.#widget = null;
      }
    });
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#widget || before === after) return;
    const config = this.getAttribute('config');
    this.#widget.update(config ?? undefined, config ? undefined : (this.getAttribute('scenario') ?? undefined));
  }

  get config() {
    return this.#widget ? this.#widget.config() : null;
  }

  set config(value) {
    if (this.#widget) this.#widget.update(value ?? undefined, undefined);
    else this.#pending = value ?? undefined;
  }

  get decision() {
    return this.#widget ? this.#widget.decision() : null;
  }
}
