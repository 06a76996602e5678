// The PaperPulse live page: plain JavaScript over the HTTP API, no build step.
const COLORS = ['#2e6fdb', '#d9534f', '#3c9d5d', '#e0a526', '#8e5cc7'];

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function text(tag, value, className) {
  const node = document.createElement(tag);
  node.textContent = value;
  if (className) node.className = className;
  return node;
}

async function loadKeywords() {
  const data = await api('/api/keywords/trending?window=P1D&limit=15');
  const body = document.querySelector('#keywords tbody');
  body.replaceChildren();
  for (const k of data.keywords) {
    const row = document.createElement('tr');
    row.append(text('td', k.label), text('td', k.count, 'num'),
      text('td', (100 * k.baseline).toFixed(2) + '%', 'num'), text('td', k.score.toFixed(1), 'num'));
    body.append(row);
  }
  if (data.keywords.length === 0) body.append(text('tr', 'No trending keywords yet.'));
  return data;
}

async function loadAlerts() {
  const data = await api('/api/alerts?limit=10');
  const list = document.getElementById('alerts');
  list.replaceChildren();
  for (const a of data.alerts) {
    list.append(text('li', `${a.label}: ${a.count} papers on ${a.day.slice(0, 10)} (score ${a.score.toFixed(1)}${a.watched ? ', watched' : ''})`));
  }
  if (data.alerts.length === 0) list.append(text('li', 'No alerts yet.'));
}

function drawChart(series) {
  const svg = document.getElementById('topic-chart');
  const ns = 'http://www.w3.org/2000/svg';
  svg.replaceChildren();
  const width = 800, height = 260, left = 40, bottom = 24, top = 8;
  const points = series.flatMap(s => s.points);
  if (points.length === 0) return;
  const days = [...new Set(points.map(p => p.start))].sort();
  const max = Math.max(1, ...points.map(p => p.count));
  const x = i => left + (days.length === 1 ? (width - left) / 2 : i * (width - left - 8) / (days.length - 1));
  const y = v => top + (height - top - bottom) * (1 - v / max);
  const axis = document.createElementNS(ns, 'path');
  axis.setAttribute('d', `M${left},${top} V${height - bottom} H${width}`);
  axis.setAttribute('class', 'axis');
  axis.setAttribute('fill', 'none');
  svg.append(axis);
  for (const [label, px, py] of [[String(max), 4, top + 10], [days[0], left, height - 6], [days[days.length - 1], width - 70, height - 6]]) {
    const t = document.createElementNS(ns, 'text');
    t.setAttribute('x', px); t.setAttribute('y', py); t.setAttribute('class', 'axis-label');
    t.textContent = label;
    svg.append(t);
  }
  series.forEach((s, i) => {
    const path = document.createElementNS(ns, 'polyline');
    path.setAttribute('points', s.points.map(p => `${x(days.indexOf(p.start))},${y(p.count)}`).join(' '));
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', COLORS[i % COLORS.length]);
    path.setAttribute('stroke-width', '2');
    path.setAttribute('data-topic', s.topic);
    svg.append(path);
    for (const p of s.points) {
      const dot = document.createElementNS(ns, 'circle');
      dot.setAttribute('cx', x(days.indexOf(p.start))); dot.setAttribute('cy', y(p.count)); dot.setAttribute('r', 3);
      dot.setAttribute('fill', COLORS[i % COLORS.length]);
      svg.append(dot);
    }
  });
}

async function loadTopics() {
  const current = await api('/api/topics?window=P7D');
  const top = current.topics.slice(0, 5);
  const series = await Promise.all(top.map(async t => {
    const s = await api(`/api/topics/${encodeURIComponent(t.topic)}/series?window=P7D`);
    return { topic: t.topic, points: s.series };
  }));
  drawChart(series);
  const legend = document.getElementById('topic-legend');
  legend.replaceChildren();
  top.forEach((t, i) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.style.background = COLORS[i % COLORS.length];
    item.append(swatch, `${t.topic}: ${t.count}`);
    legend.append(item);
  });
  return current;
}

async function refresh() {
  try {
    const [topics] = await Promise.all([loadTopics(), loadKeywords(), loadAlerts()]);
    document.getElementById('status').textContent =
      `${topics.total} papers in the 7 days to ${topics.end || '—'}; updated ${new Date().toLocaleTimeString()}`;
    document.body.dataset.loaded = 'true';
  } catch (e) {
    document.getElementById('status').textContent = 'Not available yet: ' + e.message;
  }
}

document.getElementById('watch-form').addEventListener('submit', async event => {
  event.preventDefault();
  const keyword = document.getElementById('watch-keyword').value.trim();
  const body = {
    minCount: Number(document.getElementById('watch-min-count').value),
    minScore: Number(document.getElementById('watch-min-score').value),
  };
  try {
    const watch = await api(`/api/watches/${encodeURIComponent(keyword)}`, { method: 'PUT', body: JSON.stringify(body) });
    document.getElementById('watch-result').textContent = `Watching "${watch.keyword}".`;
  } catch (e) {
    document.getElementById('watch-result').textContent = 'Could not watch it: ' + e.message;
  }
});

refresh();
setInterval(refresh, 30000);
