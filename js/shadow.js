// The widget's own shadow root. Each widget renders into an open shadow root of its host
// element (<create-backup-form>, or the element given to mount()), and the stylesheet is adopted
// there: the host's CSS cannot reach inside, the widget's cannot reach out, and the host's light
// DOM stays as its author wrote it (so a server-rendered page hydrates around it).
//
// The stylesheets are fetched once, by the entry module (backup-form.js), into one
// constructable CSSStyleSheet that every widget of the page shares. Constructable stylesheets
// are not inline styles: this works under `style-src 'self'`.

let sheet = null;

/**
 * Adopts the stylesheets' texts (`texts`: a promise of them, in order) as the widgets' one
 * sheet; resolves once it can be adopted, and rejects as `texts` does. Call once, before any
 * widget.
 */
export async function adoptStyles(texts) {
  const css = await texts;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(css.join('\n'));
}

// <html data-theme="dark" | "light"> wins over the colour scheme; copied onto every live root.
const roots = new Set();
let observer = null;

function applyTheme(root) {
  const theme = document.documentElement.getAttribute('data-theme');
  if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
  else root.removeAttribute('data-theme');
}

function watchTheme() {
  if (observer) return;
  observer = new MutationObserver(() => roots.forEach(applyTheme));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
}

// The shadow roots this module attached, so that a host's own shadow root is never taken over.
const ours = new WeakSet();

/**
 * Opens the widget's root in `host`'s shadow root: attaches an open shadow root (or reuses the
 * one it attached before), adopts the stylesheet, and returns { container, close } where
 * `container` is the element to render into and `close()` empties the shadow root again.
 */
export function openRoot(host) {
  let shadow = host.shadowRoot;
  if (shadow && !ours.has(shadow)) {
    throw new Error('create-backup-form: this element already has a shadow root of its own; mount the widget into another element');
  }
  if (!shadow) {
    try {
      shadow = host.attachShadow({ mode: 'open' });
    } catch (error) {
      throw new Error(
        `create-backup-form: cannot mount into <${host.localName}>: it cannot have a shadow root (use a div, section, span or a custom element) (${error.message})`,
      );
    }
    ours.add(shadow);
  }
  if (sheet) shadow.adoptedStyleSheets = [sheet];
  const container = document.createElement('div');
  container.className = 'cbw-root';
  container.setAttribute('part', 'root');
  shadow.replaceChildren(container);
  applyTheme(container);
  roots.add(container);
  watchTheme();
  return {
    container,
    close() {
      roots.delete(container);
      if (container.parentNode === shadow) shadow.replaceChildren();
    },
  };
}
