import { h, show } from './dom.js';
import { t } from './i18n.js';

// The scans full size, in page order: images and the pages of PDFs, drawn on a canvas so that zoom and rotation are one
// thing for both. PDFs by Mozilla's pdf.js (the webjar inside the bundle), loaded only when a PDF is opened.
const VENDOR = '/console/vendor/pdfjs';
const ZOOM_STEP = 1.25;
let library = null;

function pdfjs() {
  library = library || new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${VENDOR}/pdf.min.js`;
    script.onload = () => {
      window.pdfjsLib.GlobalWorkerOptions.workerSrc = `${VENDOR}/pdf.worker.min.js`;
      resolve(window.pdfjsLib);
    };
    script.onerror = () => { library = null; reject(new Error('pdf.js')); };
    document.head.append(script);
  });
  return library;
}

function image(url) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = reject;
    img.src = url;
  });
}

/**
 * Opens the viewer on {@code files[start]} (each {@code {seq, fileName, contentType}}, in page order; {@code urlOf(file)} reads
 * one). Buttons and keys: ← → (and Page Up/Down) turn the page, + − zoom, 0 fits the window, R rotates, Esc closes.
 */
export function openViewer(files, start, urlOf) {
  const opener = document.activeElement;
  const docs = new Map();
  let index = start;
  let page = 1;
  let pages = 1;
  let zoom = null;
  let shown = 1;
  let rotation = 0;
  let drawing = 0;

  const stage = h('div', { id: 'viewer-stage', class: 'viewer-stage' });
  const position = h('span', { id: 'viewer-position', class: 'viewer-position', 'aria-live': 'polite' });
  const button = (id, label, run) => h('button', { type: 'button', id, title: label, onclick: run }, label);
  const previous = button('viewer-previous', t('viewer.previous'), () => turn(-1));
  const next = button('viewer-next', t('viewer.next'), () => turn(1));
  const overlay = h('div', { id: 'viewer', class: 'viewer', role: 'dialog', 'aria-modal': 'true', 'aria-label': t('viewer.title'), tabindex: -1 },
    h('div', { class: 'viewer-bar' }, previous, next,
      button('viewer-zoom-out', t('viewer.zoomOut'), () => scale(1 / ZOOM_STEP)),
      button('viewer-zoom-in', t('viewer.zoomIn'), () => scale(ZOOM_STEP)),
      button('viewer-fit', t('viewer.fit'), () => { zoom = null; draw(); }),
      button('viewer-rotate', t('viewer.rotate'), () => { rotation = (rotation + 90) % 360; draw(); }),
      position, h('span', { class: 'viewer-keys' }, t('viewer.keys')),
      button('viewer-close', t('viewer.close'), close)),
    stage);

  function scale(factor) {
    zoom = Math.min(8, Math.max(0.1, shown * factor));
    draw();
  }

  function fit(width, height) {
    return Math.min((stage.clientWidth - 32) / width, (stage.clientHeight - 32) / height);
  }

  function pdf(i) {
    if (!docs.has(i)) {
      docs.set(i, pdfjs().then(lib => lib.getDocument({
        url: new URL(urlOf(files[i]), location.href).href, withCredentials: true, isEvalSupported: false,
        cMapUrl: `${VENDOR}/cmaps/`, cMapPacked: true,
      }).promise));
    }
    return docs.get(i);
  }

  /** Next or previous page: through a PDF's pages, then on to the next file. */
  async function turn(step) {
    if (step > 0 && page < pages) {
      page++;
    } else if (step < 0 && page > 1) {
      page--;
    } else {
      const to = index + step;
      if (to < 0 || to >= files.length) return;
      index = to;
      page = step > 0 ? 1 : -1;
      pages = 1;
      // each file as it was scanned: fitted, upright
      zoom = null;
      rotation = 0;
    }
    await draw();
  }

  async function draw() {
    const mine = ++drawing;
    const file = files[index];
    const isPdf = file.contentType === 'application/pdf';
    stage.dataset.rendered = '0';
    stage.dataset.kind = isPdf ? 'pdf' : 'image';
    stage.dataset.rotation = String(rotation);
    const dpr = window.devicePixelRatio || 1;
    const canvas = h('canvas', { class: 'viewer-page', 'aria-label': file.fileName });
    try {
      if (isPdf) {
        const doc = await pdf(index);
        pages = doc.numPages;
        if (page < 1 || page > pages) page = pages;
        const p = await doc.getPage(page);
        const turned = (p.rotate + rotation) % 360;
        const base = p.getViewport({ scale: 1, rotation: turned });
        shown = zoom ?? fit(base.width, base.height);
        const viewport = p.getViewport({ scale: shown * dpr, rotation: turned });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        await p.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
      } else {
        pages = 1;
        page = 1;
        const img = await image(urlOf(file));
        const sideways = rotation % 180 !== 0;
        const width = sideways ? img.naturalHeight : img.naturalWidth;
        const height = sideways ? img.naturalWidth : img.naturalHeight;
        shown = zoom ?? fit(width, height);
        canvas.width = Math.round(width * shown * dpr);
        canvas.height = Math.round(height * shown * dpr);
        const g = canvas.getContext('2d');
        g.translate(canvas.width / 2, canvas.height / 2);
        g.rotate(rotation * Math.PI / 180);
        const s = shown * dpr;
        g.drawImage(img, -img.naturalWidth * s / 2, -img.naturalHeight * s / 2, img.naturalWidth * s, img.naturalHeight * s);
      }
      if (mine !== drawing) return;
      // CSS pixels: the canvas holds device pixels for a sharp page on a high-density screen
      canvas.style.width = `${canvas.width / dpr}px`;
      canvas.style.height = `${canvas.height / dpr}px`;
      show(stage, canvas);
      stage.dataset.rendered = '1';
    } catch (e) {
      if (mine !== drawing) return;
      show(stage, h('p', { class: 'error' }, t('viewer.failed', { name: file.fileName })));
      stage.dataset.rendered = 'failed';
    }
    position.textContent = t('viewer.position', { n: index + 1, total: files.length, name: `${file.seq}. ${file.fileName}` })
      + (isPdf && pages > 1 ? ` · ${t('viewer.pdfPage', { page, pages })}` : '') + ` · ${Math.round(shown * 100)}%`;
    previous.disabled = index === 0 && page <= 1;
    next.disabled = index === files.length - 1 && page >= pages;
  }

  const keys = e => {
    const handled = {
      ArrowRight: () => turn(1), PageDown: () => turn(1), ArrowLeft: () => turn(-1), PageUp: () => turn(-1),
      '+': () => scale(ZOOM_STEP), '=': () => scale(ZOOM_STEP), '-': () => scale(1 / ZOOM_STEP),
      0: () => { zoom = null; draw(); }, r: () => { rotation = (rotation + 90) % 360; draw(); }, Escape: close,
    }[e.key.length === 1 ? e.key.toLowerCase() : e.key];
    if (!handled) return;
    // the page beneath (F9 accepts, Enter submits) does not see the viewer's keys
    e.preventDefault();
    e.stopPropagation();
    handled();
  };

  function close() {
    document.removeEventListener('keydown', keys, true);
    window.removeEventListener('hashchange', close);
    docs.forEach(d => d.then(doc => doc.destroy()).catch(() => {}));
    overlay.remove();
    if (opener && opener.isConnected) opener.focus();
  }

  document.addEventListener('keydown', keys, true);
  window.addEventListener('hashchange', close);
  document.body.append(overlay);
  overlay.focus();
  draw();
}
