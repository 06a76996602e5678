// The PaperPulse live page: plain JavaScript over the HTTP API, no build step, no external requests.
// Every text from the API goes through textContent or setAttribute: never innerHTML.
'use strict';

const COLORS = ['#2e6fdb', '#c9302c', '#2f8a4e', '#b7791f', '#7b4fb8'];
const SVG_NS = 'http://www.w3.org/2000/svg';
const WINDOWS = {
  P1D: { title: 'Rising on the latest day', name: 'day' },
  P7D: { title: 'Rising this week', name: 'week' },
  P28D: { title: 'Rising these 4 weeks', name: '4 weeks' },
};
// New-style (2506.01234, optionally v2) and old-style (hep-th/9901001, math.GT/0309136) arXiv ids.
const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z][a-z-]*(\.[A-Z]{2})?\/\d{7})(v\d+)?$/;

let selectedWindow = 'P7D';
let selectedPapersWindow = 'P1D';
const PAPER_WINDOWS = { P1D: 'day', P7D: '7 days', P30D: '30 days' };
let risingRequest = 0;
let papersRequest = 0;

async function api(path, options) {
  const response = await fetch(path, options);
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new Error(response.ok ? 'the answer was not JSON' : response.status + ' ' + response.statusText);
  }
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

/** An element with text content (escaped by the DOM) and an optional class. */
function el(tag, value, className) {
  const node = document.createElement(tag);
  if (value !== undefined && value !== null) node.textContent = String(value);
  if (className) node.className = className;
  return node;
}

function svg(tag, attributes) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
  return node;
}

/** A finite number from an API value, or null ("Infinity", NaN, missing). */
function finite(value) {
  const n = Number(value);
  return value !== null && value !== '' && Number.isFinite(n) ? n : null;
}

function papers(n) {
  return n === 1 ? '1 paper' : `${n} papers`;
}

function usually(k) {
  const expected = finite(k.expected);
  if (k.emerging || expected === null || expected === 0) return 'usually none';
  if (expected < 0.5) return 'usually under 1';
  return `usually ${Math.round(expected)}`;
}

function arxivLink(sample) {
  const id = String(sample.id || '').trim();
  const title = sample.title || id;
  if (!ARXIV_ID.test(id)) return el('span', title);
  const link = el('a', title);
  link.href = 'https://arxiv.org/abs/' + encodeURIComponent(id).replace(/%2F/g, '/');
  link.rel = 'noopener noreferrer';
  link.title = 'arXiv ' + id;
  return link;
}

/** A small inline sparkline of papers per week, oldest first. */
function sparkline(weeks, label) {
  const values = (weeks || []).map(v => finite(v) || 0);
  const width = 132, height = 32, pad = 3;
  const chart = svg('svg', { class: 'spark', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
  chart.setAttribute('aria-label', `Papers per week mentioning ${label}, last ${values.length} weeks: ${values.join(', ')}`);
  chart.append(svg('title'));
  chart.firstChild.textContent = `Papers per week, last ${values.length} weeks: ${values.join(', ')}`;
  if (values.length === 0) return chart;
  const max = Math.max(1, ...values);
  const x = i => values.length === 1 ? width / 2 : pad + i * (width - 2 * pad) / (values.length - 1);
  const y = v => height - pad - (height - 2 * pad) * v / max;
  const line = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  chart.append(svg('polygon', { class: 'spark-area', points: `${x(0).toFixed(1)},${height - pad} ${line} ${x(values.length - 1).toFixed(1)},${height - pad}` }));
  chart.append(svg('polyline', { class: 'spark-line', points: line }));
  chart.append(svg('circle', { class: 'spark-dot', cx: x(values.length - 1).toFixed(1), cy: y(values[values.length - 1]).toFixed(1), r: 2.5 }));
  return chart;
}

function risingItem(k) {
  const label = k.label || k.keyword;
  const item = el('li', null, 'kw');
  item.dataset.keyword = k.keyword;

  const head = el('div', null, 'kw-head');
  head.append(el('span', label, 'kw-label'));
  if (k.emerging) {
    const badge = el('span', 'emerging', 'badge');
    badge.title = 'A new term: no paper mentioned it in the baseline period';
    head.append(badge);
  }
  item.append(head);

  const count = finite(k.count) || 0;
  const numbers = el('p', null, 'kw-numbers');
  numbers.append(el('strong', papers(count)), ' · ' + usually(k));
  const score = finite(k.score);
  if (!k.emerging && score !== null && score > 1) {
    numbers.append(el('span', `at least ${score.toFixed(1)}× its usual rate`, 'muted kw-rise'));
  }
  item.append(numbers);

  item.append(sparkline(k.weeks, label));

  const samples = (k.samples || []).slice(0, 3);
  if (samples.length > 0) {
    const list = el('ul', null, 'samples');
    for (const s of samples) {
      const li = document.createElement('li');
      li.append(arxivLink(s));
      list.append(li);
    }
    item.append(list);
  }
  return item;
}

async function loadRising() {
  const request = ++risingRequest;
  const win = selectedWindow;
  const data = await api(`/api/keywords/trending?window=${win}&limit=20`);
  if (request !== risingRequest) return data; // a newer window choice is loading
  document.getElementById('rising-title').textContent = WINDOWS[win].title;

  const period = document.getElementById('rising-period');
  if (data.day) {
    const range = data.start && data.start !== data.day ? `${data.start} to ${data.day}` : data.day;
    period.textContent = `Papers of ${range}, each keyword against its usual rate; ranked by the smallest rise the counts support.`;
  } else {
    period.textContent = '';
  }

  const provisional = document.getElementById('rising-provisional');
  provisional.hidden = !(data.day && data.final === false);
  provisional.textContent = data.day
    ? `Provisional: ${data.day} is still open, so these counts can still change.` : '';

  let keywords = data.keywords || [];
  const empty = document.getElementById('rising-empty');
  empty.hidden = keywords.length !== 0;
  empty.textContent = data.tested
    ? `None of the ${data.tested.toLocaleString('en')} keywords tested rose clearly enough to list (q at most ${data.maxQValue}).`
    : 'No keyword is rising yet: trends need a few weeks of papers.';
  // A quiet day or week: what rose over the 4 weeks to the same day, said as such.
  const instead = document.getElementById('rising-instead');
  instead.hidden = true;
  instead.textContent = '';
  if (keywords.length === 0 && data.tested && win !== 'P28D') {
    const longer = await api(`/api/keywords/trending?window=P28D&day=${data.day}&limit=10`);
    if (request !== risingRequest) return data;
    if ((longer.keywords || []).length > 0) {
      keywords = longer.keywords;
      instead.textContent = `Rising over the 4 weeks ${longer.start} to ${longer.day} instead:`;
      instead.hidden = false;
    }
  }
  const list = document.getElementById('rising');
  list.replaceChildren(...keywords.map(risingItem));
  list.hidden = keywords.length === 0;
  return data;
}

function alertItem(a) {
  const item = el('li', null, 'alert');
  const windowName = (WINDOWS[a.window] || { name: a.window || 'day' }).name;
  const day = String(a.day || '').slice(0, 10);
  item.append(el('strong', a.label || a.keyword), ' ');
  const chip = el('span', windowName, 'chip');
  chip.title = 'window ' + (a.window || '');
  item.append(chip);
  const score = finite(a.score);
  const parts = [`${papers(finite(a.count) || 0)} in the ${windowName} from ${day}`];
  if (score !== null) parts.push(`score ${score.toFixed(1)}`);
  if (a.watched) parts.push(a.owner ? `watched by ${a.owner}` : 'watched');
  const related = a.related || [];
  if (related.length) parts.push(`with ${related.length} related: ${related.join(', ')}`);
  item.append(' ' + parts.join(' · '));
  const sample = (a.samples || [])[0];
  if (sample) {
    const line = el('div', null, 'alert-sample');
    line.append(arxivLink(sample));
    item.append(line);
  }
  return item;
}

async function loadAlerts() {
  const data = await api('/api/alerts?limit=10');
  const list = document.getElementById('alerts');
  const alerts = data.alerts || [];
  list.replaceChildren(...alerts.map(alertItem));
  if (alerts.length === 0) list.append(el('li', 'No alerts yet.', 'empty'));
  return data;
}

/** Polylines between consecutive points: solid where both ends are final, dashed otherwise. */
function runs(points) {
  const out = [];
  for (let i = 1; i < points.length; i++) {
    const provisional = points[i - 1].final === false || points[i].final === false;
    const last = out[out.length - 1];
    if (last && last.provisional === provisional) last.points.push(points[i]);
    else out.push({ provisional, points: [points[i - 1], points[i]] });
  }
  return out;
}

function drawChart(series) {
  const chart = document.getElementById('subject-chart');
  chart.replaceChildren();
  const width = 800, height = 260, left = 40, bottom = 24, top = 10, right = 10;
  const all = series.flatMap(s => s.points);
  if (all.length === 0) {
    chart.append(svg('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'axis-label' }));
    chart.lastChild.textContent = 'No papers yet.';
    return;
  }
  const days = [...new Set(all.map(p => p.start))].sort();
  const max = Math.max(1, ...all.map(p => finite(p.count) || 0));
  const x = day => {
    const i = days.indexOf(day);
    return days.length === 1 ? left + (width - left - right) / 2 : left + i * (width - left - right) / (days.length - 1);
  };
  const y = v => top + (height - top - bottom) * (1 - (finite(v) || 0) / max);
  // Windows ending on a day still open are provisional: shade them so a low count reads as open, not as a drop.
  const open = days.filter(day => all.some(p => p.start === day && p.final === false));
  if (open.length > 0) {
    const step = days.length > 1 ? (width - left - right) / (days.length - 1) : 0;
    const from = Math.max(left, x(open[0]) - step / 2);
    chart.append(svg('rect', { x: from.toFixed(1), y: top, width: (width - right - from).toFixed(1), height: height - top - bottom, class: 'open-band' }));
    const note = svg('text', { x: (width - right - 4).toFixed(1), y: top + 12, 'text-anchor': 'end', class: 'axis-label' });
    note.textContent = 'still filling';
    chart.append(note);
  }
  chart.append(svg('path', { d: `M${left},${top} V${height - bottom} H${width - right}`, class: 'axis', fill: 'none' }));
  const labels = [[String(max), left - 6, top + 4, 'end'], ['0', left - 6, height - bottom, 'end'],
    [days[0], left, height - 6, 'start']];
  if (days.length > 1) labels.push([days[days.length - 1], width - right, height - 6, 'end']);
  for (const [label, px, py, anchor] of labels) {
    const t = svg('text', { x: px, y: py, class: 'axis-label', 'text-anchor': anchor });
    t.textContent = label;
    chart.append(t);
  }
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    const points = [...s.points].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    const group = svg('g', { 'data-subject': s.subject });
    for (const run of runs(points)) {
      group.append(svg('polyline', {
        points: run.points.map(p => `${x(p.start).toFixed(1)},${y(p.count).toFixed(1)}`).join(' '),
        fill: 'none', stroke: color, 'stroke-width': 2,
        class: run.provisional ? 'line provisional' : 'line',
      }));
    }
    for (const p of points) {
      const open = p.final === false;
      const dot = svg('circle', {
        cx: x(p.start).toFixed(1), cy: y(p.count).toFixed(1), r: 3.5,
        fill: open ? '#fff' : color, stroke: color, 'stroke-width': 1.5, class: open ? 'dot provisional' : 'dot',
      });
      const tip = svg('title');
      tip.textContent = `${s.subject}, ${p.start} to ${lastDayOf(p.end)}: ${papers(finite(p.count) || 0)}${open ? ' so far (still filling)' : ''}`;
      dot.append(tip);
      group.append(dot);
    }
    chart.append(group);
  });
}

// The answers name each subject under the key "topic" (and list them under "topics").
async function loadSubjects() {
  const current = await api('/api/subjects?window=P7D');
  const top = (current.topics || []).slice(0, 5);
  const series = await Promise.all(top.map(async t => {
    const s = await api(`/api/subjects/${encodeURIComponent(t.topic)}/series?window=P7D`);
    return { subject: t.topic, points: s.series || [] };
  }));
  drawChart(series);
  const legend = document.getElementById('subject-legend');
  legend.replaceChildren();
  top.forEach((t, i) => {
    const item = document.createElement('li');
    const swatch = el('span', null, 'swatch');
    swatch.style.background = COLORS[i % COLORS.length];
    item.append(swatch, `${t.topic}: ${t.count}`);
    legend.append(item);
  });
  if (series.some(s => s.points.some(p => p.final === false))) {
    const item = el('li', null, 'legend-provisional');
    const sample = svg('svg', { width: 28, height: 10, 'aria-hidden': 'true' });
    sample.append(svg('line', { x1: 1, y1: 5, x2: 27, y2: 5, stroke: '#5b6270', 'stroke-width': 2, class: 'provisional' }));
    item.append(sample, 'still filling (provisional)');
    legend.append(item);
  }
  return current;
}

function showError(section, error) {
  const id = section + '-error';
  let node = document.getElementById(id);
  if (!error) {
    if (node) node.remove();
    return;
  }
  if (!node) {
    node = el('p', null, 'error');
    node.id = id;
    node.setAttribute('role', 'alert');
    document.getElementById(section + '-section').append(node);
  }
  node.textContent = 'Not available yet: ' + error.message;
}

/** A ranked paper as on a trending-papers page: title linked to arXiv, authors, abstract, keywords. */
function paperItem(p) {
  const item = el('li', null, 'paper');
  item.dataset.paperId = p.paperId;
  const head = el('div');
  head.append(el('span', `${p.rank}.`, 'paper-rank'));
  const title = el('a', p.title, 'paper-title');
  if (p.url) title.href = p.url;
  title.rel = 'noopener noreferrer';
  head.append(title);
  item.append(head);
  const authors = (p.authors || []);
  if (authors.length) item.append(el('p', authors.slice(0, 8).join(', ') + (authors.length > 8 ? ', et al.' : ''), 'paper-authors'));
  if (p.abstractStart) item.append(el('p', p.abstractStart, 'paper-abstract'));
  const meta = el('ul', null, 'paper-meta');
  for (const k of p.keywords || []) meta.append(el('li', k.label, 'chip'));
  for (const s of p.subjects || []) meta.append(el('li', s, 'chip'));
  if (finite(p.upvotes) !== null) meta.append(el('li', `▲ ${p.upvotes}`, 'chip'));
  meta.append(el('li', p.day, 'muted'));
  item.append(meta);
  return item;
}

async function loadPapers() {
  const request = ++papersRequest;
  const answer = await api(`/api/papers/trending?window=${selectedPapersWindow}&limit=20`);
  if (request !== papersRequest) return;
  const list = document.getElementById('papers');
  list.replaceChildren(...answer.papers.map(paperItem));
  document.getElementById('papers-empty').hidden = answer.papers.length > 0;
  document.getElementById('papers-period').textContent = answer.day
    ? `The ${PAPER_WINDOWS[answer.window]} ${answer.start === answer.day ? 'of' : 'from ' + answer.start + ' to'} ${answer.day}: ${answer.papers.length} of ${papers(answer.rankingSize)} ranked.`
    : '';
  const provisional = document.getElementById('papers-provisional');
  provisional.hidden = answer.final !== false;
  provisional.textContent = answer.final === false
    ? `Provisional: ${answer.day} is still open, so its papers are ranked by the keywords trending in the 7 days up to the last closed day, `
      + 'their upvotes and listings so far. The ranking becomes final, with the day\'s own trending keywords, once the day closes.'
    : '';
}

// A window's end is exclusive (the start of the day after it): the last day it holds is the day before.
function lastDayOf(end) {
  if (!end) return '—';
  const day = new Date(end.slice(0, 10) + 'T00:00:00Z');
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

async function refresh() {
  const [subjects, rising, alerts, ranked] = await Promise.allSettled([loadSubjects(), loadRising(), loadAlerts(), loadPapers()]);
  showError('papers', ranked.reason);
  showError('subjects', subjects.reason);
  showError('rising', rising.reason);
  showError('alerts', alerts.reason);
  const status = document.getElementById('status');
  if (subjects.status === 'fulfilled') {
    const t = subjects.value;
    // A total of 0 beside counted subjects: some part of the analytics has not reached these days yet.
    const counted = t.total > 0 || !(t.topics || []).length
      ? `${t.total} papers in the 7 days to ${lastDayOf(t.end)}`
      : `The 7 days to ${lastDayOf(t.end)} are still being counted`;
    status.textContent = `${counted}; updated ${new Date().toLocaleTimeString()}`;
  } else {
    status.textContent = 'Not available yet: ' + subjects.reason.message;
  }
  if ([subjects, rising, alerts, ranked].every(r => r.status === 'fulfilled')) document.body.dataset.loaded = 'true';
}

// A link can choose the papers' window: /#papers=P7D.
const linkedWindow = new URLSearchParams(location.hash.slice(1)).get('papers');
for (const input of document.querySelectorAll('#papers-window-selector input[name="papers-window"]')) {
  if (linkedWindow in PAPER_WINDOWS) input.checked = input.value === linkedWindow;
  if (input.checked) selectedPapersWindow = input.value;
  input.addEventListener('change', async () => {
    if (!input.checked) return;
    selectedPapersWindow = input.value;
    try {
      await loadPapers();
      showError('papers', null);
    } catch (e) {
      showError('papers', e);
    }
  });
}

for (const input of document.querySelectorAll('#window-selector input[name="window"]')) {
  if (input.checked) selectedWindow = input.value;
  input.addEventListener('change', async () => {
    if (!input.checked) return;
    selectedWindow = input.value;
    document.getElementById('rising-title').textContent = WINDOWS[selectedWindow].title;
    try {
      await loadRising();
      showError('rising', null);
    } catch (e) {
      showError('rising', e);
    }
  });
}

document.getElementById('watch-form').addEventListener('submit', async event => {
  event.preventDefault();
  const keyword = document.getElementById('watch-keyword').value.trim();
  const result = document.getElementById('watch-result');
  if (!keyword) {
    result.textContent = 'Type a keyword to watch.';
    return;
  }
  const body = {
    minCount: Number(document.getElementById('watch-min-count').value),
    minScore: Number(document.getElementById('watch-min-score').value),
  };
  const owner = document.getElementById('watch-owner').value.trim();
  if (owner) body.owner = owner;
  try {
    const watch = await api(`/api/watches/${encodeURIComponent(keyword)}`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    result.textContent = `Watching "${watch.phrase || keyword}": alerts from ${papers(watch.minCount)} and score ${watch.minScore}.`;
  } catch (e) {
    result.textContent = 'Could not watch it: ' + e.message;
  }
});

document.getElementById('subscribe-form').addEventListener('submit', async event => {
  event.preventDefault();
  const email = document.getElementById('subscribe-email').value.trim();
  const keywords = document.getElementById('subscribe-keywords').value.split(',').map(k => k.trim()).filter(k => k);
  const result = document.getElementById('subscribe-result');
  const body = keywords.length ? { keywords } : { everything: true };
  try {
    await api(`/api/subscriptions/${encodeURIComponent(email)}`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    result.textContent = keywords.length
      ? `Subscribed: each closed day, the trending papers on ${keywords.join(', ')} go to ${email}.`
      : `Subscribed: each closed day, the day's trending papers go to ${email}.`;
  } catch (e) {
    result.textContent = 'Could not subscribe: ' + e.message;
  }
});

refresh();
setInterval(refresh, 30000);
