// Builds the page from elements and text nodes only: whatever the data holds is shown as text, never run.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function show(target, ...children) {
  target.replaceChildren(...children.flat().filter(c => c !== undefined && c !== null && c !== false));
}

/** A table of headers and rows; rows may be a tbody of its own (a page that appends to it), never wrapped in another. */
export function table(headers, rows) {
  const body = rows instanceof HTMLTableSectionElement ? rows : h('tbody', {}, rows);
  return h('table', {}, h('thead', {}, h('tr', {}, headers.map(x => h('th', {}, x)))), body);
}
