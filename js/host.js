// What both bundles share: the <create-backup-form> element and the exports mount(),
// decide() and scenarios(), over the wasm exports of whichever bundle loaded it. It hands
// configs to Rust as given (an object, or JSON text that Rust parses and limits) and
// dispatches what Rust sends; every rule lives in Rust.
// Each widget renders into its host's shadow root (shadow.js).
import { openRoot } from './shadow.js';

/** Runs `task` when the page is idle (within a second), or in a new task where there is no
 * requestIdleCallback (Safari). */
const whenIdle = globalThis.requestIdleCallback
  ? (task) => requestIdleCallback(task, { timeout: 1000 })
  : (task) => setTimeout(task, 0);

/** Defines the element over `wasm` (the bindings of one bundle) and returns the exports. */
export function define(wasm) {
  // options: { urlState?: boolean, inventoryEditor?: 'hidden' }, what the host allows.
  // Renders into `element`'s shadow root; events are dispatched on `element` itself. Returns the
  // wasm Widget, with `close()` that frees it and empties the shadow root.
  function attach(element, config, scenario, options, whileConnected = false) {
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

  /**
   * Mounts a widget into an open shadow root of `element` (its light DOM is left alone); returns a handle with update(config), decision(), unmount().
   * `options`: `{ urlState: true }` keeps the form state in the URL hash; `{ inventoryEditor: 'hidden' }`
   * leaves the inventory editor out.
   */
  function mount(element, config, options) {
    let widget = attach(element, config, undefined, options);
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

  class CreateBackupForm extends HTMLElement {
    static observedAttributes = ['scenario', 'config'];
    #widget = null;
    #pending = undefined; // a config property set before the element was connected

    connectedCallback() {
      if (this.#widget) return;
      const config = this.#pending ?? this.getAttribute('config');
      this.#pending = undefined;
      // url-state (boolean attribute) and inventory-editor="hidden" are read once, on connect.
      const options = { urlState: this.hasAttribute('url-state'), inventoryEditor: this.getAttribute('inventory-editor') ?? undefined };
      this.#widget = attach(this, config, this.getAttribute('scenario'), options, true);
    }

    disconnectedCallback() {
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

  if (!customElements.get('create-backup-form')) customElements.define('create-backup-form', CreateBackupForm);

  return { mount, decide, scenarios };
}
