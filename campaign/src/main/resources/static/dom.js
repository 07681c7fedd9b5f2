// Building the page's elements. Text always goes in as text nodes, never as HTML, so nothing a roster or a
// transcript holds can become markup; and no inline style or script, which the security policy forbids.

/** An element with attributes (class, data-*, aria-*, ...) and children (nodes or text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'hidden') node.hidden = true;
    else node.setAttribute(key, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A table with a caption, column headings and rows of cells. */
export function table(caption, headings, rows, attributes = {}) {
  return el('table', attributes,
    caption ? el('caption', {}, caption) : null,
    el('thead', {}, el('tr', {}, headings.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows));
}

let uniqueIds = 0;
/** A fresh id for label/for and aria-describedby pairs. */
export function uid(prefix) {
  uniqueIds += 1;
  return prefix + '-' + uniqueIds;
}
