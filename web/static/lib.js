// Small helpers shared by the views: DOM building, the JSON API, byte-offset highlighting.

/** Creates an element: el('a', {href: '#/'}, 'text', child, ...). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
}

/** An SVG element with attributes. */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** GET /api/v1/<path> with query parameters; resolves to the parsed JSON or throws ApiError. */
export async function api(path, params = {}, options = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const url = `/api/v1/${path}${query.toString() ? '?' + query : ''}`;
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, signal: options.signal });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The server cannot be reached.');
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(response.status, 'bad_response', `Unexpected answer from the server (${response.status}).`);
  }
  if (!response.ok) {
    const error = body && body.error ? body.error : { code: 'error', message: response.statusText };
    throw new ApiError(response.status, error.code, error.message);
  }
  return body;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Renders `text` with the [begin, end) UTF-8 byte ranges in `ranges` wrapped in <mark>.
 * The API counts bytes; JavaScript strings count UTF-16 units, hence the round trip.
 */
export function highlighted(text, ranges = []) {
  const fragment = document.createDocumentFragment();
  const bytes = encoder.encode(text);
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let pos = 0;
  for (const [begin, end] of sorted) {
    if (begin < pos || end > bytes.length || begin >= end) continue;
    fragment.append(decoder.decode(bytes.subarray(pos, begin)));
    fragment.append(el('mark', {}, decoder.decode(bytes.subarray(begin, end))));
    pos = end;
  }
  fragment.append(decoder.decode(bytes.subarray(pos)));
  return fragment;
}

/** The hash link of a document view scrolled to the given sentences. */
export function documentHref(docId, sentenceIndices = []) {
  const list = [...new Set(sentenceIndices)].filter((n) => Number.isInteger(n));
  return `#/doc/${encodeURIComponent(docId)}${list.length ? '?s=' + list.join(',') : ''}`;
}

/** A short, readable name for a document. */
export function docLabel(ref) {
  if (ref.title) return ref.title;
  const path = ref.source_path || ref.doc_id || '';
  return path.split('/').pop() || path;
}

/** "— Title, sentence 12" with a link that opens the document at the sentence. */
export function sourceLine(sentence) {
  return el('p', { class: 'source' }, '— ',
    el('a', { href: documentHref(sentence.doc_id, [sentence.sentence_index]) }, docLabel(sentence)),
    `, sentence ${sentence.sentence_index + 1}`,
    sentence.flags && sentence.flags.length ? el('span', { class: 'flags' }, ` (${sentence.flags.join(', ')})`) : null);
}

/** A quoted sentence with its source line. */
export function quoteWithSource(sentence, ranges) {
  return [el('p', { class: 'quote' }, '“', ranges ? highlighted(sentence.text, ranges) : sentence.text, '”'),
    sourceLine(sentence)];
}

export function errorBox(error) {
  const message = error instanceof ApiError ? error.message : 'Something went wrong.';
  return el('div', { class: 'error', role: 'alert' }, el('strong', {}, 'Error: '), message);
}

export function loading(what) {
  return el('p', { class: 'loading', 'aria-busy': 'true' }, `Loading ${what}…`);
}

/** Announces `message` to screen readers through the page's status region. */
export function announce(message) {
  const status = document.getElementById('status');
  if (!status) return;
  status.textContent = '';
  window.setTimeout(() => { status.textContent = message; }, 30);
}

/** Replaces the content of main with `nodes` and gives it a heading-based title. */
export function render(main, title, ...nodes) {
  main.replaceChildren(...nodes.flat().filter(Boolean));
  document.title = title ? `${title} — iskra` : 'iskra — ask your documents';
}

export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
