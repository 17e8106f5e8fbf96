// The home page and the ask view: the answer card first, ranked search results below.
import { api, el, render, highlighted, documentHref, docLabel, quoteWithSource, errorBox,
  loading, announce, plural } from '../lib.js';

export async function showHome(main, { signal }) {
  const suggestions = el('ul', { class: 'chips', 'aria-label': 'Example questions' });
  render(main, '',
    el('h1', {}, 'Ask the collection'),
    el('p', {}, 'Type a question to get an answer with the sentences and sources that support it, ' +
      'or a few words to search the documents. Press ', el('kbd', {}, '/'), ' to jump to the box.'),
    el('h2', {}, 'Try'), suggestions);
  try {
    const [people, places] = await Promise.all([
      api('entities', { type: 'person', limit: 4 }, { signal }),
      api('entities', { type: 'place', limit: 2 }, { signal }),
    ]);
    const questions = [
      ...people.entities.map((e) => `Who was ${e.name}?`),
      ...people.entities.slice(0, 2).map((e) => `When was ${e.name} born?`),
      ...places.entities.map((e) => `What happened in ${e.name}?`),
    ];
    suggestions.replaceChildren(...questions.map((q) =>
      el('li', {}, el('a', { href: `#/ask?q=${encodeURIComponent(q)}` }, q))));
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    suggestions.replaceChildren(el('li', { class: 'muted' }, 'No suggestions yet.'));
  }
}

export async function showAsk(main, { params, signal }) {
  const q = (params.get('q') || '').trim();
  if (!q) return showHome(main, { signal });
  const answerSlot = el('section', { 'aria-label': 'Answer', id: 'answer' }, loading('the answer'));
  const resultsSlot = el('section', { 'aria-labelledby': 'results-heading', id: 'results' },
    el('h2', { id: 'results-heading' }, 'Documents'), loading('results'));
  render(main, q, el('h1', { class: 'visually-hidden' }, `Results for ${q}`), answerSlot, resultsSlot);

  const ask = api('ask', { q, k: 5 }, { signal }).then(
    (response) => { answerSlot.replaceChildren(answerCard(response)); return response; },
    (error) => { if (error.name === 'AbortError') throw error; answerSlot.replaceChildren(errorBox(error)); return null; });
  const search = api('search', { q, k: 10 }, { signal }).then(
    (response) => { resultsSlot.replaceChildren(...resultsList(response)); return response; },
    (error) => { if (error.name === 'AbortError') throw error; resultsSlot.replaceChildren(errorBox(error)); return null; });
  const [answer, results] = await Promise.all([ask, search]);
  const parts = [];
  if (answer) parts.push(answer.status === 'answered' ? `Answer: ${answer.answer.text}` : 'No answer found');
  if (results) parts.push(plural(results.total_hits, 'matching document'));
  announce(parts.join('. '));
}

function confidenceMeter(confidence) {
  const percent = Math.round(confidence * 100);
  return el('div', { class: 'confidence' },
    el('label', { for: 'confidence-meter' }, 'Confidence'),
    el('meter', { id: 'confidence-meter', min: 0, max: 1, low: 0.34, high: 0.67, optimum: 1, value: confidence },
      `${percent}%`),
    el('span', {}, `${percent}%`));
}

function supportList(group) {
  return el('ul', { class: 'support' },
    group.support.map((item) => el('li', {}, quoteWithSource(item.sentence))));
}

// The longer extractive answer is worth showing unless it only repeats the value or the first
// supporting sentence (which the card quotes anyway).
function showsMore(answerText, answer) {
  if (!answerText || answerText === answer.text) return false;
  const first = answer.support[0];
  return !(first && answerText.trim() === first.sentence.text.trim());
}

function answerCard(response) {
  if (response.status !== 'answered' || !response.answer) {
    return el('article', { class: 'answer-card not-found' },
      el('div', { class: 'answer-head' },
        el('p', { class: 'answer-value' }, 'The collection does not say.'),
        response.type ? el('span', { class: 'badge' }, response.type) : null),
      response.closest.length
        ? [el('h3', {}, 'Closest sentences'),
          el('ul', { class: 'support' }, response.closest.map((item) => el('li', {}, quoteWithSource(item.sentence))))]
        : el('p', { class: 'muted' }, 'Nothing in the documents comes close.'));
  }
  const answer = response.answer;
  const agree = el('div', { class: 'side agree' },
    el('h3', {}, `Supported by ${plural(answer.independent_sources, 'independent source')}`),
    supportList(answer));
  const sides = [agree];
  if (response.conflicts.length) {
    sides.push(el('div', { class: 'side conflict' },
      el('h3', {}, 'Other sources say'),
      response.conflicts.map((group) => [
        el('p', {}, el('strong', {}, group.text),
          el('span', { class: 'muted' }, ` · ${plural(group.independent_sources, 'source')}`)),
        supportList(group)])));
  }
  return el('article', { class: 'answer-card', 'aria-labelledby': 'answer-value' },
    el('div', { class: 'answer-head' },
      el('p', { class: 'answer-value', id: 'answer-value' }, answer.text),
      answer.normalized && answer.normalized !== answer.text
        ? el('span', { class: 'answer-normalized' }, answer.normalized) : null,
      el('span', { class: 'badge' }, response.type)),
    showsMore(response.answer_text, answer) ? el('p', { class: 'answer-text' }, response.answer_text) : null,
    confidenceMeter(response.confidence),
    el('div', { class: response.conflicts.length ? 'sides' : '' }, sides));
}

function resultsList(response) {
  const heading = el('h2', { id: 'results-heading' }, 'Documents ',
    el('span', { class: 'muted small' },
      `${response.total_is_exact ? '' : 'at least '}${plural(response.total_hits, 'match', 'matches')}`));
  if (!response.hits.length) {
    return [heading, el('p', { class: 'muted' }, 'No document matches these words.')];
  }
  const items = response.hits.map((hit) => {
    const indices = hit.snippets.map((s) => s.sentence.sentence_index);
    return el('li', {},
      el('h3', {}, el('a', { href: documentHref(hit.doc_id, indices) }, docLabel(hit))),
      hit.snippets.map((snippet) => el('p', { class: 'snippet' },
        el('a', { href: documentHref(hit.doc_id, [snippet.sentence.sentence_index]), class: 'snippet-link',
          'aria-label': `Open at sentence ${snippet.sentence.sentence_index + 1}` }, '¶'), ' ',
        highlighted(snippet.sentence.text, snippet.highlights))),
      el('p', { class: 'meta' }, hit.source_path, ` · score ${hit.score.toFixed(2)}`));
  });
  return [heading, el('ol', { class: 'results' }, items)];
}
