// iskra web page: hash routing between the views, the search box and keyboard shortcuts.
// Every view is linkable: #/ask?q=..., #/doc/<id>?s=3,4, #/timeline?from=1900&to=1940,
// #/entities, #/entity/<name>, #/quiz?seed=7.
import { api, render, errorBox } from './lib.js';
import { showHome, showAsk } from './views/answer.js';
import { showDocument } from './views/document.js';
import { showTimeline } from './views/timeline.js';
import { showEntities, showEntity } from './views/entity.js';
import { showQuiz } from './views/quiz.js';

const main = document.getElementById('main');
const input = document.getElementById('q');
const form = document.getElementById('search-form');
let current = null;  // AbortController of the view being shown
let firstRoute = true;

function parseHash() {
  const hash = location.hash.slice(1);
  const [pathPart, queryPart = ''] = hash.split('?');
  const segments = (pathPart || '/').split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  return { view: segments[0] || '', arg: segments.slice(1).join('/'), params: new URLSearchParams(queryPart) };
}

function markNav(view) {
  const active = { '': 'ask', ask: 'ask', doc: 'ask', timeline: 'timeline', entities: 'entities', entity: 'entities', quiz: 'quiz' }[view];
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function route() {
  if (current) current.abort();
  current = new AbortController();
  const { view, arg, params } = parseHash();
  const context = { arg, params, signal: current.signal };
  markNav(view);
  if (view === 'ask' || (view === '' && params.get('q'))) {
    input.value = params.get('q') || '';
  }
  try {
    switch (view) {
      case '': await (params.get('q') ? showAsk(main, context) : showHome(main, context)); break;
      case 'ask': await showAsk(main, context); break;
      case 'doc': await showDocument(main, context); break;
      case 'timeline': await showTimeline(main, context); break;
      case 'entities': await showEntities(main, context); break;
      case 'entity': await showEntity(main, context); break;
      case 'quiz': await showQuiz(main, context); break;
      default: render(main, 'Not found', errorBox(new Error('Unknown page')));
    }
  } catch (error) {
    if (error.name !== 'AbortError') render(main, 'Error', errorBox(error));
  }
  if (!firstRoute && view !== 'doc' && document.activeElement !== input) {
    main.focus({ preventScroll: true });
  }
  firstRoute = false;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = input.value.trim();
  if (!q) return;
  const target = `#/ask?q=${encodeURIComponent(q)}`;
  if (location.hash === target) route();
  else location.hash = target;
});

document.addEventListener('keydown', (event) => {
  const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement.tagName);
  if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    input.focus();
    input.select();
  } else if (event.key === 'Escape') {
    if (document.activeElement === input) {
      if (input.value) input.value = '';
      else input.blur();
    } else if (parseHash().view === 'doc' && history.length > 1) {
      history.back();
    }
  }
});

window.addEventListener('hashchange', route);

async function showCollectionInfo() {
  try {
    const stats = await api('stats');
    const name = stats.path.split('/').filter(Boolean).pop() || stats.path;
    document.getElementById('collection-info').textContent =
      `${name}: ${stats.documents} documents, ${stats.sentences} sentences`;
  } catch {
    // The footer is decoration; the views report errors themselves.
  }
}

route();
showCollectionInfo();
