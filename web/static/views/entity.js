// The entity views: the list of people, places and organizations, and one entity in detail
// (aliases, mentions, related entities, offices, events).
import { api, el, render, loading, announce, documentHref, docLabel, quoteWithSource, plural } from '../lib.js';

const entityHref = (name) => `#/entity/${encodeURIComponent(name)}`;

export async function showEntities(main, { params, signal }) {
  const type = params.get('type') || '';
  render(main, 'People & places', el('h1', {}, 'People, places and organizations'), loading('entities'));
  const response = await api('entities', { type, limit: 300 }, { signal });
  const select = el('select', { id: 'entity-type', onchange: () => {
    location.hash = `#/entities${select.value ? '?type=' + select.value : ''}`;
  } }, ['', 'person', 'place', 'organization'].map((value) =>
    el('option', { value, selected: value === type }, value ? `${value[0].toUpperCase()}${value.slice(1)}s` : 'All kinds')));
  render(main, 'People & places',
    el('h1', {}, 'People, places and organizations'),
    el('div', { class: 'filter' }, el('label', { for: 'entity-type' }, 'Show'), select,
      el('span', { class: 'muted small' }, plural(response.count, 'entity', 'entities'))),
    el('ul', { class: 'entity-grid' }, response.entities.map((entity) => el('li', {},
      el('a', { href: entityHref(entity.name) },
        el('span', { class: 'name' }, entity.name), ' ', el('span', { class: 'badge' }, entity.type),
        el('br'),
        el('span', { class: 'muted small' },
          `${plural(entity.mentions, 'mention')} · ${plural(entity.documents, 'document')}`),
        entity.aliases.length ? [el('br'), el('span', { class: 'small muted' }, `also ${entity.aliases.slice(0, 3).join(', ')}`)] : null)))));
  announce(`${plural(response.count, 'entity', 'entities')} listed`);
}

function officesTable(offices) {
  return el('table', {},
    el('thead', {}, el('tr', {}, ['Office', 'From', 'To', 'Preceded by', 'Succeeded by', 'Source'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, offices.map((office) => el('tr', {},
      el('td', {}, office.title), el('td', {}, office.from || '—'), el('td', {}, office.to || '—'),
      el('td', {}, office.preceded_by ? el('a', { href: entityHref(office.preceded_by) }, office.preceded_by) : '—'),
      el('td', {}, office.succeeded_by ? el('a', { href: entityHref(office.succeeded_by) }, office.succeeded_by) : '—'),
      el('td', {}, office.source
        ? el('a', { href: documentHref(office.source.doc_id, [office.source.sentence_index]) }, docLabel(office.source))
        : '—')))));
}

export async function showEntity(main, { arg, signal }) {
  const name = arg;
  render(main, name, el('h1', {}, name), loading('the entity'));
  const detail = await api('entity', { name }, { signal });
  const entity = detail.entity;
  const sections = [
    el('h1', {}, entity.name, ' ', el('span', { class: 'badge' }, entity.type)),
    el('p', { class: 'muted' }, `${plural(entity.mentions, 'mention')} in ${plural(entity.documents, 'document')}. `,
      el('a', { href: `#/timeline?entity=${encodeURIComponent(entity.name)}` }, 'See on the timeline'), ' · ',
      el('a', { href: `#/ask?q=${encodeURIComponent(entity.name)}` }, 'Search for it')),
  ];
  if (entity.aliases.length) {
    sections.push(el('h2', {}, 'Also called'),
      el('ul', { class: 'chips' }, entity.aliases.map((alias) => el('li', {}, el('span', { class: 'chip' }, alias)))));
  }
  if (detail.offices.length) sections.push(el('h2', {}, 'Offices'), officesTable(detail.offices));
  if (detail.related.length) {
    sections.push(el('h2', {}, 'Related'),
      el('ul', { class: 'chips' }, detail.related.slice(0, 30).map((item) => el('li', {},
        el('a', { href: entityHref(item.name) }, item.name, el('span', { class: 'muted small' }, ` ${item.count}`))))));
  }
  if (detail.events.length) {
    sections.push(el('h2', {}, 'Events'),
      el('ol', { class: 'events' }, detail.events.map((event) => el('li', {},
        el('time', { datetime: event.date.iso }, event.date.iso || String(event.date.year)),
        el('div', {}, el('p', { class: 'quote' }, event.summary),
          event.sources[0] ? el('p', { class: 'source' }, el('a', {
            href: documentHref(event.sources[0].doc_id, [event.sources[0].sentence_index]) }, docLabel(event.sources[0]))) : null)))));
  }
  if (detail.mentions.length) {
    sections.push(el('h2', {}, 'Mentions'),
      el('ul', { class: 'support' }, detail.mentions.slice(0, 20).map((sentence) => el('li', {}, quoteWithSource(sentence)))));
  }
  render(main, entity.name, sections);
  announce(`${entity.name}: ${entity.type}, ${plural(entity.mentions, 'mention')}`);
}
