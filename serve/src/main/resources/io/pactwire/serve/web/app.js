// Pactwire's live view. Everything from the articles is set as text (textContent, createTextNode), never as
// markup; the server's Content-Security-Policy allows no inline script besides.
'use strict';

const PAGE = 50;
const SVG = 'http://www.w3.org/2000/svg';
const state = { offset: 0, total: 0, openId: null };
const $ = (id) => document.getElementById(id);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function filters() {
  const params = new URLSearchParams();
  for (const name of ['country', 'type', 'status', 'since', 'until']) {
    const value = $(name).value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

async function refresh() {
  const params = filters();
  $('problem').textContent = '';
  try {
    const listParams = new URLSearchParams(params);
    listParams.set('limit', PAGE);
    listParams.set('offset', state.offset);
    const [page, pairs] = await Promise.all([
      getJson('/api/agreements?' + listParams), getJson('/api/pairs?' + params)]);
    if (page.total > 0 && state.offset >= page.total) {
      state.offset = Math.max(0, Math.floor((page.total - 1) / PAGE) * PAGE);
      return refresh();
    }
    renderAgreements(page);
    renderGraph(pairs);
  } catch (error) {
    $('problem').textContent = error.message;
  }
  if (state.openId) openArticle(state.openId, false);
}

function renderAgreements(page) {
  state.total = page.total;
  $('count').textContent = page.total + (page.total === 1 ? ' agreement' : ' agreements');
  $('range').textContent = page.total ? (page.offset + 1) + '–' + (page.offset + page.items.length) : '';
  $('prev').disabled = page.offset === 0;
  $('next').disabled = page.offset + page.items.length >= page.total;
  const body = $('agreements').tBodies[0];
  body.replaceChildren();
  if (page.items.length === 0) {
    const row = body.insertRow();
    const cell = el('td', 'empty', 'No agreement matches.');
    cell.colSpan = 5;
    row.append(cell);
    return;
  }
  for (const a of page.items) {
    const row = body.insertRow();
    row.tabIndex = 0;
    row.dataset.article = a.articleId;
    row.dataset.agreement = a.agreementId;
    row.append(el('td', 'date', a.date || (a.publishedAt || '').slice(0, 10) || '–'));
    row.append(el('td', 'type', a.type.replaceAll('_', ' ').toLowerCase()));
    const status = el('td');
    status.append(el('span', 'status ' + a.status, a.status.toLowerCase()));
    row.append(status);
    const parties = el('td', 'parties');
    for (const p of a.parties) {
      const party = el('span', 'party');
      // country codes, not flag emoji: a machine without an emoji font (a network without internet) shows those as boxes
      if (p.country) party.append(el('span', 'code', p.country), document.createTextNode(' '));
      party.append(document.createTextNode(p.name));
      parties.append(party);
    }
    row.append(parties);
    const title = el('td', 'title', a.articleTitle);
    if (!a.articleTitle) title.append(el('span', 'untitled', 'untitled article ' + a.articleId));
    row.append(title);
    const open = () => openArticle(a.articleId, true);
    row.addEventListener('click', open);
    row.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
  }
}

function renderGraph(data) {
  const svg = $('graph');
  svg.replaceChildren();
  const countries = data.countries;
  if (countries.length === 0) {
    const none = document.createElementNS(SVG, 'text');
    none.setAttribute('x', 240); none.setAttribute('y', 240); none.setAttribute('class', 'none');
    none.textContent = 'no agreement with parties of known countries';
    svg.append(none);
    return;
  }
  const position = new Map();
  const radius = countries.length === 1 ? 0 : 180;
  countries.forEach((c, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / countries.length;
    position.set(c.code, [240 + radius * Math.cos(angle), 240 + radius * Math.sin(angle)]);
  });
  const most = Math.max(1, ...data.pairs.map((p) => p.agreements));
  for (const pair of data.pairs) {
    const [x1, y1] = position.get(pair.a);
    const [x2, y2] = position.get(pair.b);
    const line = document.createElementNS(SVG, 'line');
    line.setAttribute('class', 'edge');
    line.setAttribute('x1', x1); line.setAttribute('y1', y1); line.setAttribute('x2', x2); line.setAttribute('y2', y2);
    line.setAttribute('stroke-width', 1.5 + 6 * pair.agreements / most);
    line.dataset.pair = pair.a + '-' + pair.b;
    const title = document.createElementNS(SVG, 'title');
    title.textContent = pair.a + ' – ' + pair.b + ': ' + pair.agreements + (pair.agreements === 1 ? ' agreement' : ' agreements');
    line.append(title);
    svg.append(line);
  }
  for (const c of countries) {
    const [x, y] = position.get(c.code);
    const node = document.createElementNS(SVG, 'g');
    node.setAttribute('class', 'node');
    node.dataset.country = c.code;
    node.style.cursor = 'pointer';
    const circle = document.createElementNS(SVG, 'circle');
    circle.setAttribute('cx', x); circle.setAttribute('cy', y); circle.setAttribute('r', 22);
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', x); label.setAttribute('y', y);
    label.textContent = c.code;
    const title = document.createElementNS(SVG, 'title');
    title.textContent = c.code + ': ' + c.agreements + (c.agreements === 1 ? ' agreement' : ' agreements') + ' (click to filter)';
    node.append(circle, label, title);
    node.addEventListener('click', () => { $('country').value = c.code; state.offset = 0; refresh(); });
    svg.append(node);
  }
}

/**
 * The text of one field with the given spans marked; spans that overlap are merged. Offsets count UTF-16
 * code units, as JavaScript strings do and as the evidence does.
 */
function marked(text, spans) {
  const fragment = document.createDocumentFragment();
  const sorted = spans.filter((s) => s.start < s.end && s.end <= text.length).sort((a, b) => a.start - b.start);
  const merged = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  let at = 0;
  for (const s of merged) {
    fragment.append(document.createTextNode(text.slice(at, s.start)));
    fragment.append(el('mark', 'evidence', text.slice(s.start, s.end)));
    at = s.end;
  }
  fragment.append(document.createTextNode(text.slice(at)));
  return fragment;
}

/**
 * The evidence spans of a field. When news.raw holds a newer text than the one tagged (another content hash),
 * the offsets may not fit: the spans are then found by their quoted text.
 */
function spans(evidence, field, text, sameText) {
  return evidence.filter((e) => e.field === field).map((e) => {
    if (sameText && text.slice(e.start, e.end) === e.text) return e;
    const at = text.indexOf(e.text);
    return at < 0 ? null : { start: at, end: at + e.text.length };
  }).filter((e) => e);
}

async function openArticle(id, scroll) {
  state.openId = id;
  let detail;
  try {
    detail = await getJson('/api/articles/' + encodeURIComponent(id));
  } catch (error) {
    $('article-title').textContent = 'This article is no longer in the view (retracted).';
    $('article-meta').textContent = id;
    $('article-agreements').replaceChildren();
    $('article-dateline').textContent = '';
    $('article-body').replaceChildren();
    $('article').hidden = false;
    return;
  }
  const a = detail.article;
  const evidence = detail.agreements.flatMap((g) => g.evidence);
  const text = detail.text || { title: a.title, dateline: a.dateline, body: '' };
  const same = Boolean(detail.text) && detail.text.contentHash === a.contentHash;
  $('article-title').replaceChildren(marked(text.title || '', spans(evidence, 'TITLE', text.title || '', same)));
  const meta = [a.publishedAt ? 'published ' + a.publishedAt : 'no publication date',
    a.countries.map((c) => c.code + (c.about ? '*' : '')).join(' '), 'id ' + a.id];
  $('article-meta').replaceChildren(document.createTextNode(meta.join(' · ') + ' '));
  if (a.url && /^https?:\/\//i.test(a.url)) {
    const link = el('a', null, 'source');
    link.href = a.url;
    link.rel = 'noopener noreferrer';
    link.target = '_blank';
    $('article-meta').append(link);
  }
  const list = $('article-agreements');
  list.replaceChildren();
  for (const g of detail.agreements) {
    const item = el('li');
    item.append(el('span', 'status ' + g.status, g.status.toLowerCase()), document.createTextNode(' '
      + g.type.replaceAll('_', ' ').toLowerCase() + (g.date ? ' (' + g.date + ')' : '') + ': '
      + (g.parties.map((p) => p.name + (p.country ? ' (' + p.country + ')' : '')).join(', ') || 'parties not named')));
    list.append(item);
  }
  $('article-dateline').replaceChildren(marked(text.dateline || '', spans(evidence, 'DATELINE', text.dateline || '', same)));
  $('article-body').replaceChildren(detail.text
    ? marked(text.body, spans(evidence, 'BODY', text.body, same))
    : el('em', null, 'news.raw no longer holds the text of this article.'));
  $('article').hidden = false;
  if (scroll) $('article').scrollTop = 0;
}

function closeArticle() {
  state.openId = null;
  $('article').hidden = true;
}

let pending = null;
/** Many changes arrive together (an article and its agreements): one refresh for them. */
function refreshSoon() {
  clearTimeout(pending);
  pending = setTimeout(refresh, 250);
}

function follow() {
  const events = new EventSource('/api/events');
  events.addEventListener('open', () => { $('live').textContent = 'live'; $('live').classList.remove('off'); });
  events.addEventListener('error', () => { $('live').textContent = 'reconnecting…'; $('live').classList.add('off'); });
  events.addEventListener('change', refreshSoon);
}

async function init() {
  try {
    const vocabulary = await getJson('/api/vocabulary');
    for (const [name, values] of [['type', vocabulary.types], ['status', vocabulary.statuses]]) {
      for (const value of values) {
        const option = el('option', null, value.replaceAll('_', ' ').toLowerCase());
        option.value = value;
        $(name).append(option);
      }
    }
  } catch (error) {
    $('problem').textContent = error.message;
  }
  const apply = () => { state.offset = 0; refresh(); };
  for (const name of ['type', 'status', 'since', 'until']) $(name).addEventListener('change', apply);
  $('country').addEventListener('input', () => {
    const value = $('country').value.trim();
    if (value.length === 0 || value.length === 2) apply();
  });
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  $('filters').addEventListener('reset', () => setTimeout(apply, 0));
  $('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); refresh(); });
  $('next').addEventListener('click', () => { state.offset += PAGE; refresh(); });
  $('close').addEventListener('click', closeArticle);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeArticle(); });
  follow();
  refresh();
}

init();
