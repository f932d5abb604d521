// 显示设置 / Display (loaded on first use by js/lib/aids.js): the small
// modal dialog of the "Aa" button — theme, line spacing and typeface, each
// a fieldset of native radio buttons (arrow keys move between them for
// free). A native <dialog> opened with showModal(): the rest of the page is
// inert, Escape closes it; Tab wraps inside it, and closing returns focus
// to the button. It is built from the labels the wasm gives (textContent
// only) and removed when it closes.
//
// A choice is stored site-wide by name and announced on the window
// (`article-reader:display`, {key, value}); every reader of the page,
// this one too, applies it from there (src/ui/hooks/stored_display.rs),
// other tabs from the `storage` event. The keys and names come from
// src/settings.json through js/lib/aids.js.

/** The facets of `src/settings.json`: [storage key, option names, class
 * prefix on the reader, labels key of the legend, of the option names]. */
const facets = (themes, display) => [
  [display.themeKey, themes, 'ar-theme-', 'theme', 'themes'],
  [display.lineSpacing.storageKey, display.lineSpacing.names, 'ar-spacing-', 'lineSpacing', 'spacings'],
  [display.typefaceKey, display.typefaces, 'ar-face-', 'typeface', 'typefaces'],
];

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

/** Stores and announces a choice. Storage can throw (sandboxed frames,
 * some private modes): the choice then applies to this page only. */
function choose(key, value) {
  try { localStorage.setItem(key, value); } catch { /* not remembered */ }
  dispatchEvent(new CustomEvent('article-reader:display', { detail: { key, value } }));
}

/** One facet: a legend and a row of labelled radios, the reader's current
 * option checked. */
function group([key, names, prefix, legend, optionLabels], reader, l) {
  const fieldset = el('fieldset', 'ar-choices');
  const options = el('div', 'ar-choices-options');
  fieldset.append(el('legend', 'ar-choices-legend', l[legend]), options);
  names.forEach((name, i) => {
    const label = el('label', `ar-choice ar-choice-${name}`);
    const input = el('input');
    input.type = 'radio';
    input.name = `ar-${legend}`;
    input.value = name;
    input.checked = reader.classList.contains(prefix + name);
    input.addEventListener('change', () => choose(key, name));
    label.append(input, el('span', '', l[optionLabels][i]));
    options.append(label);
  });
  return fieldset;
}

/** Opens the dialog of the "Aa" button `button`, once. */
export function openDisplay(button, { labels: l, themes, display }) {
  const reader = button.closest('.ar-reader');
  if (!reader || button.getAttribute('aria-expanded') === 'true') return;
  const dialog = el('dialog', 'ar-dialog ar-display');
  dialog.setAttribute('aria-label', l.display);
  const done = el('button', 'ar-btn ar-btn-primary ar-dialog-done', l.done);
  done.type = 'button';
  dialog.append(el('h2', 'ar-dialog-title', l.display), ...facets(themes, display).map((f) => group(f, reader, l)), done);

  // 完成, Escape (the dialog's own cancel) and any other close end here,
  // at once: the `close` event comes a task later, and until then the
  // page would show a closed dialog beside a button still "expanded".
  const dismiss = () => {
    if (!dialog.isConnected) return;
    dialog.close();
    dialog.remove();
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  };
  done.addEventListener('click', dismiss);
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    dismiss();
  });
  dialog.addEventListener('close', dismiss);
  // Tab wraps: from the last stop (完成) to the first (the checked theme),
  // and Shift+Tab back.
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const stops = dialog.querySelectorAll('input:checked, button');
    const [from, to] = e.shiftKey ? [stops[0], stops[stops.length - 1]] : [stops[stops.length - 1], stops[0]];
    if (e.target === from) {
      e.preventDefault();
      to.focus();
    }
  });

  // Inside the reader, so the dialog wears its theme and text size.
  button.after(dialog);
  button.setAttribute('aria-expanded', 'true');
  dialog.showModal();
}
