// The timeline view: a horizontal time axis (zoomable between the first and the last year) with
// one mark per event, linked to its source, and the list of events below.
import { api, el, svg, render, loading, announce, documentHref, docLabel, plural } from '../lib.js';

const cache = new Map();  // entity filter -> events, so zooming does not refetch

const PAD = 36;
const ROW = 16;
const MAX_ROWS = 10;
const BAR_HEIGHT = 90;

function fractionalYear(date) {
  return date.year + (date.month ? (date.month - 1) / 12 : 0) + (date.day ? (date.day - 1) / 365 : 0);
}

function niceStep(span, maxTicks) {
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]) {
    if (span / step <= maxTicks) return step;
  }
  return Math.ceil(span / maxTicks);
}

export async function showTimeline(main, { params, signal }) {
  const entity = params.get('entity') || '';
  render(main, 'Timeline', el('h1', {}, 'Timeline'), loading('events'));
  if (!cache.has(entity)) {
    const response = await api('timeline', { entity, limit: 1000 }, { signal });
    cache.set(entity, response.events);
  }
  const events = cache.get(entity);
  if (!events.length) {
    render(main, 'Timeline', el('h1', {}, 'Timeline'), el('p', { class: 'muted' }, 'No dated events in this collection.'));
    return;
  }
  const years = events.map((e) => e.date.year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const state = {
    from: clampYear(Number(params.get('from')) || first, first, last),
    to: clampYear(Number(params.get('to')) || last, first, last),
    first, last, entity, events, selected: null,
  };
  if (state.from >= state.to) { state.from = first; state.to = last; }
  const view = el('div', {});
  render(main, 'Timeline',
    el('h1', {}, 'Timeline', entity ? el('span', { class: 'muted' }, ` · ${entity}`) : null),
    el('p', { class: 'muted' }, `${plural(events.length, 'event')} from ${first} to ${last}. ` +
      'Each mark links to the sentence it comes from; where events are dense, bars count them per year ' +
      'and open the years around. Double-click the axis to zoom in there.'),
    view);
  draw(view, state);
}

function clampYear(value, first, last) {
  return Math.min(Math.max(Math.round(value), first), last);
}

function setRange(view, state, from, to) {
  let lo = Math.round(from);
  let hi = Math.round(to);
  if (hi - lo < 2) { const mid = (lo + hi) / 2; lo = Math.floor(mid - 1); hi = Math.ceil(mid + 1); }
  state.from = Math.max(state.first, lo);
  state.to = Math.min(state.last, hi);
  const query = new URLSearchParams();
  if (state.entity) query.set('entity', state.entity);
  if (state.from !== state.first || state.to !== state.last) {
    query.set('from', state.from);
    query.set('to', state.to);
  }
  history.replaceState(null, '', `#/timeline${query.toString() ? '?' + query : ''}`);
  draw(view, state);
  announce(`Showing ${state.from} to ${state.to}`);
}

function zoomControls(view, state) {
  const from = el('input', { type: 'number', id: 'tl-from', value: state.from, min: state.first, max: state.last, step: 1 });
  const to = el('input', { type: 'number', id: 'tl-to', value: state.to, min: state.first, max: state.last, step: 1 });
  const span = state.to - state.from;
  const mid = (state.from + state.to) / 2;
  return el('form', { class: 'zoom', 'aria-label': 'Zoom the timeline', onsubmit: (event) => {
    event.preventDefault();
    setRange(view, state, Math.min(from.value, to.value), Math.max(from.value, to.value));
  } },
  el('label', { for: 'tl-from' }, 'From year', from),
  el('label', { for: 'tl-to' }, 'To year', to),
  el('button', { type: 'submit', class: 'secondary' }, 'Show'),
  el('button', { type: 'button', class: 'secondary', 'aria-label': 'Zoom in',
    onclick: () => setRange(view, state, mid - span / 4, mid + span / 4) }, 'Zoom in +'),
  el('button', { type: 'button', class: 'secondary', 'aria-label': 'Zoom out',
    onclick: () => setRange(view, state, mid - span, mid + span) }, 'Zoom out −'),
  el('button', { type: 'button', class: 'secondary',
    onclick: () => setRange(view, state, state.first, state.last) }, `All (${state.first}–${state.last})`));
}

// Individual marks while they fit; past about one event per 7 px, one mark per year (its size
// tells how many events) that zooms into the years around it.
function layoutMarks(visible, x, width, state) {
  if (visible.length <= width / 7) {
    const rows = [];
    return visible.map((event) => {
      const px = x(fractionalYear(event.date));
      let row = rows.findIndex((lastX) => lastX + 12 <= px);
      if (row < 0) {
        if (rows.length < MAX_ROWS) { rows.push(-Infinity); row = rows.length - 1; }
        else row = rows.indexOf(Math.min(...rows));
      }
      rows[row] = px;
      const source = event.sources[0];
      return {
        px, row, radius: 5, conflict: event.conflicting_dates.length > 0,
        label: `${event.date.iso || event.date.year}: ${event.summary}`,
        href: source ? documentHref(source.doc_id, [source.sentence_index]) : '#/timeline',
      };
    });
  }
  const byYear = new Map();
  for (const event of visible) byYear.set(event.date.year, (byYear.get(event.date.year) || 0) + 1);
  const query = (from, to) => {
    const params = new URLSearchParams();
    if (state.entity) params.set('entity', state.entity);
    params.set('from', Math.max(state.first, from));
    params.set('to', Math.min(state.last, to));
    return `#/timeline?${params}`;
  };
  const most = Math.max(...byYear.values());
  const barWidth = Math.max(2, x(state.from + 1) - x(state.from) - 1);
  return [...byYear].map(([year, count]) => ({
    px: x(year + 0.5), row: 0, bar: { width: barWidth, height: 6 + (count / most) * (BAR_HEIGHT - 6) },
    conflict: false, label: `${year}: ${plural(count, 'event')} (open to zoom in)`,
    href: query(year - 3, year + 3),
  }));
}

function axis(view, state, visible) {
  const width = Math.max(300, Math.round(view.getBoundingClientRect().width) || 1000);
  const pad = width < 600 ? 18 : PAD;
  const span = Math.max(1, state.to - state.from);
  const x = (year) => pad + ((year - state.from) / span) * (width - 2 * pad);
  const placed = layoutMarks(visible, x, width, state);
  const rowCount = Math.max(1, ...placed.map((m) => m.row + 1));
  const axisY = placed.some((m) => m.bar) ? BAR_HEIGHT + 12 : 20 + rowCount * ROW;
  const height = axisY + 30;
  const step = niceStep(span, Math.max(3, Math.floor(width / 70)));
  const ticks = [];
  for (let year = Math.ceil(state.from / step) * step; year <= state.to; year += step) {
    ticks.push(svg('g', { class: 'tick' },
      svg('line', { x1: x(year), x2: x(year), y1: 6, y2: axisY + 5 }),
      svg('text', { x: x(year), y: axisY + 20, 'text-anchor': 'middle' }, String(year))));
  }
  const marks = placed.map((mark) => {
    if (mark.bar) {
      return svg('a', { class: 'mark', href: mark.href, 'aria-label': mark.label },
        svg('title', {}, mark.label),
        svg('rect', { x: mark.px - mark.bar.width / 2, y: axisY - mark.bar.height, width: mark.bar.width, height: mark.bar.height }));
    }
    const cy = axisY - 10 - mark.row * ROW - (mark.radius > 5 ? mark.radius - 5 : 0);
    return svg('a', { class: `mark${mark.conflict ? ' conflict' : ''}`, href: mark.href, 'aria-label': mark.label },
      svg('title', {}, mark.label),
      svg('line', { x1: mark.px, x2: mark.px, y1: cy, y2: axisY, stroke: '#c9c6bf' }),
      svg('circle', { cx: mark.px, cy, r: mark.radius }));
  });
  const chart = svg('svg', { class: 'axis', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group',
    'aria-label': `Time axis from ${state.from} to ${state.to}` },
  ...ticks,
  svg('line', { class: 'baseline', x1: pad, x2: width - pad, y1: axisY, y2: axisY }),
  ...marks);
  chart.addEventListener('dblclick', (event) => {
    const box = chart.getBoundingClientRect();
    const year = state.from + ((event.clientX - box.left) - pad) / (width - 2 * pad) * span;
    setRange(view, state, year - span / 4, year + span / 4);
  });
  return el('div', { class: 'axis-wrap' }, chart);
}

function eventList(visible) {
  return el('ol', { class: 'events', 'aria-label': 'Events' }, visible.map((event) => el('li', {},
    el('time', { datetime: event.date.iso || String(event.date.year) },
      event.date.iso || event.date.text || String(event.date.year),
      event.end_date ? `–${event.end_date.iso}` : ''),
    el('div', {},
      el('p', { class: 'quote' }, event.summary),
      event.conflicting_dates.length
        ? el('p', { class: 'small', style: 'color:#8a4b0a' },
          `Other sources date it ${event.conflicting_dates.map((d) => d.iso || d.text).join(', ')}`) : null,
      el('p', { class: 'source' }, 'Sources: ', event.sources.slice(0, 4).flatMap((source, i) => [
        i ? ', ' : '',
        el('a', { href: documentHref(source.doc_id, [source.sentence_index]) }, docLabel(source))]),
      event.entities.length ? [' · ', event.entities.slice(0, 4).flatMap((name, i) => [
        i ? ', ' : '', el('a', { href: `#/entity/${encodeURIComponent(name)}` }, name)])] : null)))));
}

function draw(view, state) {
  if (!state.observer) {
    // Redraw at the new width when the window (or phone orientation) changes.
    let lastWidth = view.getBoundingClientRect().width;
    state.observer = new ResizeObserver(() => {
      const width = view.getBoundingClientRect().width;
      if (Math.abs(width - lastWidth) > 20 && view.isConnected) { lastWidth = width; draw(view, state); }
    });
    state.observer.observe(view);
  }
  const visible = state.events
    .filter((e) => e.date.year >= state.from && e.date.year <= state.to)
    .sort((a, b) => fractionalYear(a.date) - fractionalYear(b.date));
  view.replaceChildren(
    zoomControls(view, state),
    axis(view, state, visible),
    el('h2', {}, `${plural(visible.length, 'event')}, ${state.from}–${state.to}`),
    eventList(visible));
}
