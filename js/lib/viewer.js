// The image viewer (loaded on first use by js/lib/aids.js): an article
// image full screen in a modal <dialog> with its caption, "3 / 12", zoom
// (pinch, double tap, wheel, + and - keys), the next and previous image
// (swipe, arrow keys, buttons). Escape, 关闭 and the browser's Back close
// it; focus returns to the image's button.
//
// The zoom and pan are custom properties set through CSSOM
// (style.setProperty), which a strict CSP (style-src 'self') allows: no
// inline style attribute is ever written.

const MAX_ZOOM = 4;
const DOUBLE_TAP_MS = 300;
const SWIPE_PX = 50;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

function iconButton(cls, label, glyph) {
  const b = el('button', `ar-btn ar-btn-icon ${cls}`);
  b.type = 'button';
  b.setAttribute('aria-label', label);
  b.append(el('span', '', glyph));
  b.lastChild.setAttribute('aria-hidden', 'true');
  return b;
}

/** Opens the viewer on the image of `opener` (an `.ar-img-open` button). */
export function openViewer(root, opener, { labels: l }) {
  const buttons = [...(opener.closest('.ar-article') ?? root).querySelectorAll('.ar-img-open')];
  let at = Math.max(0, buttons.indexOf(opener));
  let zoom = 1;
  let pan = [0, 0];

  const dialog = el('dialog', 'ar-viewer');
  dialog.setAttribute('aria-label', l.viewImage);
  const bar = el('div', 'ar-viewer-bar');
  const position = el('p', 'ar-viewer-pos');
  const zoomOut = iconButton('ar-viewer-zoom-out', l.zoomOut, '−');
  const zoomIn = iconButton('ar-viewer-zoom-in', l.zoomIn, '+');
  const close = iconButton('ar-viewer-close', l.close, '×');
  bar.append(position, zoomOut, zoomIn, close);
  const stage = el('div', 'ar-viewer-stage');
  const img = el('img', 'ar-viewer-img');
  img.decoding = 'async';
  img.referrerPolicy = 'no-referrer';
  stage.append(img);
  const caption = el('p', 'ar-viewer-caption');
  caption.id = 'ar-viewer-caption';
  dialog.setAttribute('aria-describedby', caption.id);
  const prev = iconButton('ar-viewer-prev', l.previousImage, '‹');
  const next = iconButton('ar-viewer-next', l.nextImage, '›');
  dialog.append(bar, stage, caption);
  if (buttons.length > 1) dialog.append(prev, next);
  else position.hidden = true;

  function apply() {
    img.style.setProperty('--ar-zoom', String(zoom));
    img.style.setProperty('--ar-pan-x', `${pan[0]}px`);
    img.style.setProperty('--ar-pan-y', `${pan[1]}px`);
    dialog.classList.toggle('ar-zoomed', zoom > 1);
  }

  function zoomTo(z) {
    zoom = Math.min(MAX_ZOOM, Math.max(1, z));
    if (zoom === 1) pan = [0, 0];
    apply();
  }

  function show(i) {
    at = (i + buttons.length) % buttons.length;
    const source = buttons[at].querySelector('img');
    img.src = source?.currentSrc || source?.src || '';
    img.alt = source?.alt ?? '';
    const figure = buttons[at].closest('figure');
    caption.textContent = figure?.querySelector('figcaption')?.textContent.trim() || img.alt;
    position.textContent = `${at + 1} / ${buttons.length}`;
    zoomTo(1);
  }

  // Back closes: the viewer is a history entry of its own.
  let closed = false;
  function finish() {
    if (closed) return;
    closed = true;
    removeEventListener('popstate', finish);
    dialog.close();
    dialog.remove();
    buttons[at].focus();
    buttons[at].scrollIntoView({ block: 'nearest' });
  }
  function dismiss() {
    if (history.state?.arViewer) history.back(); // popstate finishes
    else finish();
  }

  dialog.addEventListener('cancel', (e) => { e.preventDefault(); dismiss(); });
  close.addEventListener('click', dismiss);
  prev.addEventListener('click', () => show(at - 1));
  next.addEventListener('click', () => show(at + 1));
  zoomIn.addEventListener('click', () => zoomTo(zoom * 1.5));
  zoomOut.addEventListener('click', () => zoomTo(zoom / 1.5));
  dialog.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLSelectElement) return;
    const keys = {
      ArrowLeft: () => show(at - 1), ArrowRight: () => show(at + 1),
      '+': () => zoomTo(zoom * 1.5), '=': () => zoomTo(zoom * 1.5), '-': () => zoomTo(zoom / 1.5), 0: () => zoomTo(1),
    };
    const act = keys[e.key];
    if (act && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); act(); }
  });
  stage.addEventListener('wheel', (e) => {
    e.preventDefault();
    zoomTo(zoom * (e.deltaY < 0 ? 1.2 : 1 / 1.2));
  }, { passive: false });

  // Touch and pen: two fingers pinch, a double tap toggles 2×, one finger
  // pans a zoomed image or swipes to the next one.
  const pointers = new Map();
  let pinch = null;
  let swipeFrom = null;
  let lastTap = { t: 0, x: 0, y: 0 };
  const gap = () => { const [a, b] = [...pointers.values()]; return Math.hypot(a.x - b.x, a.y - b.y); };
  stage.addEventListener('pointerdown', (e) => {
    try { stage.setPointerCapture(e.pointerId); } catch { /* a pointer already gone */ }
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.size === 2) { pinch = { d: gap(), z: zoom }; swipeFrom = null; } else swipeFrom = { x: e.clientX, y: e.clientY, pan: [...pan] };
  });
  stage.addEventListener('pointermove', (e) => {
    if (!pointers.has(e.pointerId)) return;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pinch && pointers.size === 2) zoomTo(pinch.z * (gap() / pinch.d));
    else if (swipeFrom && zoom > 1) {
      pan = [swipeFrom.pan[0] + e.clientX - swipeFrom.x, swipeFrom.pan[1] + e.clientY - swipeFrom.y];
      apply();
    }
  });
  const up = (e) => {
    if (!pointers.delete(e.pointerId)) return;
    if (pointers.size < 2) pinch = null;
    if (!swipeFrom || pointers.size) return;
    const dx = e.clientX - swipeFrom.x;
    const dy = e.clientY - swipeFrom.y;
    swipeFrom = null;
    if (zoom === 1 && Math.abs(dx) > SWIPE_PX && Math.abs(dx) > Math.abs(dy) && buttons.length > 1) {
      show(at + (dx < 0 ? 1 : -1));
    } else if (Math.hypot(dx, dy) < 10) {
      const now = e.timeStamp;
      if (now - lastTap.t < DOUBLE_TAP_MS && Math.hypot(e.clientX - lastTap.x, e.clientY - lastTap.y) < 30) {
        zoomTo(zoom > 1 ? 1 : 2);
        lastTap = { t: 0, x: 0, y: 0 };
      } else lastTap = { t: now, x: e.clientX, y: e.clientY };
    }
  };
  stage.addEventListener('pointerup', up);
  stage.addEventListener('pointercancel', up);

  root.append(dialog);
  show(at);
  dialog.showModal();
  close.focus();
  history.pushState({ ...(history.state ?? {}), arViewer: true }, '');
  addEventListener('popstate', finish);
}
