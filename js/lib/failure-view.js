// The error view for failures before the reader runs (the wasm did not
// load, the options could not be read): text only, in the UI language.

/** Shows `message` in `container` and dispatches `article-reader:error`. */
export function showFailure(container, element, options, message) {
  const tag = String((options && options.lang) || element.closest('[lang]')?.getAttribute('lang') || 'zh-CN');
  const en = tag.toLowerCase().startsWith('en');
  const view = document.createElement('div');
  view.className = 'ar-reader ar-theme-auto';
  view.lang = en ? 'en' : 'zh-CN';
  const alert = document.createElement('div');
  alert.className = 'ar-error';
  alert.setAttribute('role', 'alert');
  const title = document.createElement('p');
  title.className = 'ar-error-title';
  title.textContent = en ? 'The reader could not start' : '阅读器无法启动';
  const detail = document.createElement('p');
  detail.className = 'ar-error-message';
  detail.textContent = message;
  alert.append(title, detail);
  view.append(alert);
  container.replaceChildren(view);
  element.dispatchEvent(new CustomEvent('article-reader:error', {
    bubbles: true, composed: true, detail: { message },
  }));
}
