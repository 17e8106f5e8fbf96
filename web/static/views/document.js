// The document view: the source text with the cited sentences highlighted and scrolled to.
import { api, el, render, loading, announce, plural } from '../lib.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function showDocument(main, { arg, params, signal }) {
  const docId = arg;
  const wanted = (params.get('s') || '').split(',').filter((s) => /^\d+$/.test(s)).map(Number);
  render(main, 'Document', loading('the document'));
  const doc = await api(`documents/${encodeURIComponent(docId)}`,
    { highlight: wanted.join(',') }, { signal });
  const text = sentenceText(doc, new Set(wanted));
  const marked = [...text.querySelectorAll('.sentence.hl')];
  let position = 0;
  const next = marked.length > 1
    ? el('button', { type: 'button', class: 'secondary', onclick: () => {
      position = (position + 1) % marked.length;
      focusSentence(marked[position]);
    } }, 'Next cited sentence')
    : null;
  render(main, doc.title || doc.doc_id,
    el('h1', {}, doc.title || doc.doc_id),
    el('div', { class: 'doc-tools' },
      el('button', { type: 'button', class: 'secondary', onclick: () => history.back() }, '← Back'),
      next,
      el('span', { class: 'muted small' },
        `${doc.source_path} · ${doc.format} · ${plural(doc.sentences.length, 'sentence')}` +
        (marked.length ? ` · ${plural(marked.length, 'cited sentence')}` : ''))),
    el('article', { 'aria-label': 'Document text' }, text));
  if (marked.length) {
    focusSentence(marked[0]);
    announce(`Opened ${doc.title || doc.doc_id} at the cited sentence`);
  } else {
    announce(`Opened ${doc.title || doc.doc_id}`);
  }
}

function focusSentence(node) {
  node.focus({ preventScroll: true });
  node.scrollIntoView({ block: 'center' });
}

// The API gives sentence boundaries as UTF-8 byte offsets into `text`.
function sentenceText(doc, wanted) {
  const bytes = encoder.encode(doc.text);
  const container = el('div', { class: 'doc-text' });
  const sentences = [...doc.sentences].sort((a, b) => a.text_begin - b.text_begin);
  let pos = 0;
  for (const sentence of sentences) {
    if (sentence.text_begin < pos || sentence.text_end > bytes.length) continue;
    container.append(decoder.decode(bytes.subarray(pos, sentence.text_begin)));
    const isCited = wanted.has(sentence.sentence_index) || sentence.highlighted === true;
    container.append(el('span', {
      class: isCited ? 'sentence hl' : 'sentence',
      id: `s-${sentence.sentence_index}`,
      tabindex: isCited ? '-1' : null,
    }, decoder.decode(bytes.subarray(sentence.text_begin, sentence.text_end))));
    pos = sentence.text_end;
  }
  container.append(decoder.decode(bytes.subarray(pos)));
  return container;
}
