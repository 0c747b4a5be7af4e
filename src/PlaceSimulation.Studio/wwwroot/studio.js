// The studio page: reads the session from /api/state and the event stream /api/events,
// draws both worlds live, and sends the room's actions to the HTTP interface (docs/STUDIO.md).
'use strict';

const COLOURS = { asIs: '#0072B2', with: '#E69F00', mark: '#D55E00', local: '#009E73', national: '#D55E00', inter: '#CC79A7', net: '#56B4E9' };
const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 20];
const AS_IS = 0, WITH = 3;

const el = id => document.getElementById(id);
const params = new URLSearchParams(location.search);
if (params.get('token')) sessionStorage.setItem('studio-token', params.get('token'));
const joinPage = location.pathname.replace(/\/$/, '') === '/join';

let me = null;          // who this browser is (/api/me)
let state = null;       // the last whole state
let charts = {};        // metric name -> Chart
let bridgeChart = null;
let source = null;      // EventSource

function auth() {
  const h = {};
  const token = sessionStorage.getItem('studio-token');
  const participant = localStorage.getItem('studio-participant');
  if (token && !joinPage) h['X-Studio-Token'] = token;
  else if (participant) h['X-Studio-Participant'] = participant;
  return h;
}

function authQuery() {
  const h = auth();
  if (h['X-Studio-Token']) return '?token=' + encodeURIComponent(h['X-Studio-Token']);
  if (h['X-Studio-Participant']) return '?participant=' + encodeURIComponent(h['X-Studio-Participant']);
  return '';
}

async function api(method, path, body) {
  const headers = { ...auth() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = text; }
  if (!r.ok) throw new Error((data && data.error) || `${method} ${path}: ${r.status}`);
  return data;
}

function showProblem(message) {
  const p = el('problem');
  p.textContent = message || '';
  p.hidden = !message;
}

// ---------- formatting ----------
function isShare(unit) { return /^share/.test(unit) || unit === '0-1'; }
function fmt(metric, v) {
  if (v === null || v === undefined) return 'n/a';
  if (isShare(metric.unit)) return (100 * v).toFixed(1) + '%';
  if (/GBP/.test(metric.unit)) return '£' + (Math.abs(v) >= 1e6 ? (v / 1e6).toFixed(2) + 'm' : Math.round(v).toLocaleString('en-GB'));
  if (metric.unit === 'per household') return v.toFixed(3);
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-GB') : v.toFixed(1);
}
// A change in a measure, signed as in every output (positive = higher), with a real minus sign.
function fmtDiff(metric, v) {
  if (v === null || v === undefined) return 'n/a';
  const sign = v > 0 ? '+' : v < 0 ? '\u2212' : '\u00b1';
  const a = Math.abs(v);
  if (isShare(metric.unit)) return sign + (100 * a).toFixed(2) + ' pts';
  if (/GBP/.test(metric.unit)) return sign + '£' + (a >= 1e6 ? (a / 1e6).toFixed(1) + 'm' : Math.round(a).toLocaleString('en-GB'));
  return sign + fmt(metric, a);
}
function monthName(ym) {
  const [y, m] = ym.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
function leverValue(l, v) {
  if (l.isSwitch) return v >= 0.5 ? 'on' : 'off';
  return +Number(v).toPrecision(6) + '';
}
function metricOf(name) { return state.metrics.find(m => m.name === name); }

// ---------- markers: a labelled vertical line at each month a lever was pulled ----------
const markerPlugin = {
  id: 'pulls',
  afterDatasetsDraw(chart) {
    if (!state || !state.pulls.length) return;
    const { ctx, chartArea, scales } = chart;
    const byMonth = new Map();
    for (const p of state.pulls) { if (!byMonth.has(p.month)) byMonth.set(p.month, []); byMonth.get(p.month).push(p); }
    ctx.save();
    for (const [month, pulls] of byMonth) {
      const x = scales.x.getPixelForValue(month);
      if (x < chartArea.left - 1 || x > chartArea.right + 1) continue;
      ctx.strokeStyle = COLOURS.mark; ctx.setLineDash([4, 3]); ctx.lineWidth = 1.5;
      ctx.beginPath(); ctx.moveTo(x, chartArea.top); ctx.lineTo(x, chartArea.bottom); ctx.stroke();
      ctx.setLineDash([]); ctx.fillStyle = COLOURS.mark; ctx.font = '10px "DejaVu Sans", sans-serif';
      // The label runs down the line, so it never leaves the chart however narrow it is.
      const label = pulls.length === 1 ? pulls[0].path.split('.').pop().replace(/_/g, ' ') : `${pulls.length} levers`;
      const room = chartArea.bottom - chartArea.top - 6;
      let text = label;
      while (text.length > 3 && ctx.measureText(text).width > room) text = text.slice(0, -2);
      if (text !== label) text = text.slice(0, -1) + '…';
      ctx.save(); ctx.translate(x + 3, chartArea.top + 4); ctx.rotate(Math.PI / 2); ctx.textBaseline = 'bottom';
      ctx.strokeStyle = '#fff'; ctx.lineWidth = 3; ctx.strokeText(text, 0, 0); ctx.fillText(text, 0, 0); ctx.restore();
    }
    ctx.restore();
  },
};

function makeCharts() {
  const box = el('charts');
  box.innerHTML = '';
  charts = {};
  for (const name of state.charted) {
    const m = metricOf(name);
    const div = document.createElement('div');
    div.className = 'chart';
    div.dataset.metric = name;
    const canvas = document.createElement('canvas');
    div.appendChild(canvas);
    box.appendChild(div);
    charts[name] = new Chart(canvas, {
      type: 'line',
      data: { labels: [], datasets: [
        { label: 'As it is', data: [], borderColor: COLOURS.asIs, backgroundColor: COLOURS.asIs, borderWidth: 2, pointRadius: 0, tension: 0 },
        { label: 'With your changes', data: [], borderColor: COLOURS.with, backgroundColor: COLOURS.with, borderWidth: 3, pointRadius: 0, tension: 0 },
      ] },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, spanGaps: true,
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: { display: false },
          title: { display: true, text: m.label, font: { size: 12, weight: 'bold' }, color: '#1d2329', padding: { bottom: 2 } },
          tooltip: { callbacks: { label: c => `${c.dataset.label}: ${fmt(m, c.parsed.y)}` } },
        },
        scales: {
          x: { title: { display: true, text: 'month', font: { size: 10 } }, ticks: { maxTicksLimit: 3, autoSkipPadding: 12, font: { size: 10 }, maxRotation: 0 } },
          y: { title: { display: true, text: isShare(m.unit) ? '% of ' + m.unit.replace(/^share of /, '') : m.unit, font: { size: 10 } },
               ticks: { font: { size: 10 }, callback: v => fmt(m, v) } },
        },
      },
      plugins: [markerPlugin],
    });
  }
  const select = el('bridge-metric');
  select.innerHTML = state.bridged.map(n => `<option value="${n}">${metricOf(n).label}</option>`).join('');
  if (bridgeChart) bridgeChart.destroy();
  bridgeChart = new Chart(el('bridge'), {
    type: 'bar',
    data: { labels: [['Local', 'effect'], ['National', 'effect'], 'Interaction', 'Net'], datasets: [{ data: [], backgroundColor: [COLOURS.local, COLOURS.national, COLOURS.inter, COLOURS.net] }] },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: c => bridgeTip(c.dataIndex) } } },
      scales: { x: { ticks: { font: { size: 11 }, maxRotation: 0 } }, y: { grace: '10%', title: { display: true, text: 'change (positive = higher)', font: { size: 10 } }, ticks: { font: { size: 10 } } } },
    },
  });
}

function fillCharts() {
  const labels = state.history.map(r => r.date);
  const idx = state.metrics.map(m => m.name);
  for (const name of state.charted) {
    const c = charts[name];
    const k = idx.indexOf(name);
    c.data.labels = labels.slice();
    c.data.datasets[0].data = state.history.map(r => r.values[AS_IS][k]);
    c.data.datasets[1].data = state.history.map(r => r.values[WITH][k]);
    c.update('none');
  }
}

function addMonth(record) {
  state.history.push(record);
  const k = state.metrics.map(m => m.name);
  for (const name of state.charted) {
    const c = charts[name];
    const i = k.indexOf(name);
    c.data.labels.push(record.date);
    c.data.datasets[0].data.push(record.values[AS_IS][i]);
    c.data.datasets[1].data.push(record.values[WITH][i]);
    c.update('none');
  }
}

// ---------- bridge ----------
let bridgeParts = null;
function bridgeTip(i) {
  if (!bridgeParts) return '';
  const m = metricOf(el('bridge-metric').value);
  return ['Local effect', 'National effect', 'Interaction', 'Net'][i] + ': ' + fmtDiff(m, bridgeParts[i]);
}
function drawBridge() {
  const name = el('bridge-metric').value || state.bridged[0];
  const m = metricOf(name);
  const last = state.history[state.history.length - 1];
  const words = el('bridge-words');
  const b = last && last.bridge.find(x => x.metric === name);
  if (!b || b.localEffect === null) { bridgeChart.data.datasets[0].data = []; bridgeChart.update('none'); words.textContent = 'The bridge appears once months have run.'; return; }
  const scale = isShare(m.unit) ? 100 : 1;
  // Each measure is a change in the metric against neither change (positive = higher), so the steps add up to the net.
  const l = b.localEffect * scale, d = b.nationalEffect * scale, i = b.interaction * scale, n = b.net * scale;
  bridgeParts = [b.localEffect, b.nationalEffect, b.interaction, b.net];
  bridgeChart.data.datasets[0].data = [[0, l], [l, l + d], [l + d, l + d + i], [0, n]];
  bridgeChart.options.scales.y.title.text = 'change, ' + (isShare(m.unit) ? 'points' : m.unit) + ' (+ = higher)';
  bridgeChart.update('none');
  const local = state.pulls.some(p => p.local), national = state.pulls.some(p => !p.local);
  if (!local && !national) words.textContent = `In ${monthName(last.date)}: no lever pulled yet, so both worlds are the same.`;
  else if (b.offsetShare !== null && b.offsetShare !== undefined)
    words.textContent = `In ${monthName(last.date)}, your national levers cancel ${(100 * b.offsetShare).toFixed(0)}% of what your local levers gained on ${m.label.toLowerCase()}`
      + (b.offsetShare > 1 ? ': more than all of it, so the place ends worse off than doing nothing' : '')
      + ' (one run, no interval: save the scenario and run it with replications for one).';
  else if (local) words.textContent = `In ${monthName(last.date)}: your local levers have not improved ${m.label.toLowerCase()} yet, so there is no gain to cancel.`;
  else words.textContent = `In ${monthName(last.date)}: only national levers pulled; on their own they change ${m.label.toLowerCase()} by ${fmtDiff(m, b.nationalEffect)} (the national effect).`;
}

// ---------- levers ----------
function renderLevers() {
  const allowed = new Set(me.levers);
  const mine = state.levers.filter(l => allowed.has(l.path));
  const box = el('levers');
  const open = new Set([...box.querySelectorAll('details[open]')].map(d => d.dataset.group));
  box.innerHTML = '';
  el('levers-note').textContent = me.role === 'observer' ? '(observer: none to pull)' : state.locked && me.role !== 'facilitator' ? '(locked by the facilitator)' : `(${mine.length})`;
  const groups = new Map();
  for (const l of mine) { if (!groups.has(l.group)) groups.set(l.group, { label: l.groupLabel, levers: [] }); groups.get(l.group).levers.push(l); }
  const pulledPaths = new Set(state.pulls.map(p => p.path));
  for (const [group, g] of groups) {
    const d = document.createElement('details');
    d.dataset.group = group;
    if (open.has(group) || g.levers.some(l => pulledPaths.has(l.path))) d.open = true;
    const n = g.levers.filter(l => pulledPaths.has(l.path)).length;
    d.innerHTML = `<summary>${g.label} ${n ? `<span class="pulled">${n} pulled</span>` : ''}</summary>`;
    for (const l of g.levers) d.appendChild(leverControl(l));
    box.appendChild(d);
  }
  const disabled = me.role !== 'facilitator' && state.locked;
  box.querySelectorAll('input').forEach(i => { i.disabled = disabled || state.finished; });
}

function leverControl(l) {
  const div = document.createElement('div');
  div.className = 'lever' + (l.value !== l.asItIs ? ' changed' : '');
  div.dataset.path = l.path;
  const name = document.createElement('span');
  name.className = 'name';
  name.innerHTML = `${l.name} <span class="unit">${l.isSwitch ? '' : '(' + l.unit + ')'}</span>`;
  name.addEventListener('mouseenter', e => showTip(e, l));
  name.addEventListener('mouseleave', hideTip);
  name.title = `${l.description}\nUnit: ${l.unit}; min ${l.min ?? 'none'}, max ${l.max ?? 'none'}\nSource: ${l.source}`;
  div.appendChild(name);
  let input;
  if (l.isSwitch) {
    input = document.createElement('input');
    input.type = 'checkbox';
    input.checked = l.value >= 0.5;
    input.addEventListener('change', () => pull(l, input.checked ? 1 : 0, div));
    div.appendChild(input);
  } else {
    input = document.createElement('input');
    input.type = 'number';
    input.step = 'any';
    if (l.min !== null) input.min = l.min;
    if (l.max !== null) input.max = l.max;
    input.value = leverValue(l, l.value);
    input.setAttribute('aria-label', l.path);
    input.addEventListener('change', () => pull(l, Number(input.value), div));
    div.appendChild(input);
    if (l.min !== null && l.max !== null && l.max > l.min) {
      const range = document.createElement('input');
      range.type = 'range';
      range.min = l.min; range.max = l.max; range.step = (l.max - l.min) / 200;
      range.value = l.value;
      range.setAttribute('aria-label', l.path + ' slider');
      range.addEventListener('input', () => { input.value = +Number(range.value).toPrecision(4); });
      range.addEventListener('change', () => pull(l, Number(input.value), div));
      div.appendChild(range);
    }
  }
  const was = document.createElement('span');
  was.className = 'was';
  was.textContent = l.value !== l.asItIs ? `as it is: ${leverValue(l, l.asItIs)}` : '';
  div.appendChild(was);
  return div;
}

async function pull(l, value, div) {
  try {
    await api('POST', '/api/levers', { path: l.path, value });
    showProblem(null);
  } catch (e) {
    showProblem(e.message);
    refresh();
  }
}

function showTip(e, l) {
  const tip = el('tip');
  tip.innerHTML = `<b>${l.path}</b>${l.description}<div>Unit: ${l.unit}. Min ${l.min ?? '—'}, max ${l.max ?? '—'}. As it is: ${leverValue(l, l.asItIs)}.</div><div class="src">Source: ${l.source}</div>`;
  tip.hidden = false;
  const r = e.target.getBoundingClientRect();
  tip.style.left = Math.min(window.innerWidth - 350, r.right + 8) + 'px';
  tip.style.top = Math.max(8, Math.min(window.innerHeight - tip.offsetHeight - 8, r.top - 10)) + 'px';
}
function hideTip() { el('tip').hidden = true; }

// ---------- loops ----------
function renderLoops() {
  const box = el('loops');
  box.innerHTML = '';
  for (const loop of state.loops) {
    const div = document.createElement('div');
    div.className = 'loop' + (loop.on ? '' : ' off');
    div.dataset.loop = loop.key;
    const s = loop.strength.withChanges ?? 0, a = loop.strength.asItIs ?? 0;
    const links = loop.links.split('|');
    const canSwitch = me.levers.includes(loop.switch);
    div.innerHTML = `
      <div class="title"><span>${loop.name}</span>${canSwitch ? `<label title="Switching a loop off is a lever (${loop.switch})"><input type="checkbox" ${loop.on ? 'checked' : ''} ${state.finished ? 'disabled' : ''}> on</label>` : `<span>${loop.on ? 'on' : 'off'}</span>`}</div>
      ${ring(links, s)}
      <div class="bars">
        <span>As it is</span><span class="bar"><i style="width:${(100 * Math.min(1, a)).toFixed(1)}%;background:${COLOURS.asIs}"></i></span><span>${(100 * a).toFixed(1)}%</span>
        <span>With changes</span><span class="bar"><i style="width:${(100 * Math.min(1, s)).toFixed(1)}%;background:${COLOURS.with}"></i></span><span>${(100 * s).toFixed(1)}%</span>
      </div>`;
    div.title = loop.meaning;
    const box2 = div.querySelector('input');
    if (box2) box2.addEventListener('change', () => pull({ path: loop.switch }, box2.checked ? 1 : 0));
    box.appendChild(div);
  }
}

// A reinforcing loop drawn as three links round a ring; the ring thickens with the loop's strength.
function ring(links, strength) {
  const w = 4 + 14 * Math.min(1, strength * 4);
  const pos = [[100, 11], [198, 84], [2, 84]];
  const anchor = ['middle', 'end', 'start'];
  const text = links.map((t, i) => `<text x="${pos[i][0]}" y="${pos[i][1]}" text-anchor="${anchor[i]}" font-size="10">${t}</text>`).join('');
  return `<svg viewBox="0 0 200 86" aria-hidden="true">
    <defs><marker id="ah" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="5" markerHeight="5" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${COLOURS.mark}"/></marker></defs>
    <ellipse cx="100" cy="46" rx="40" ry="22" fill="none" stroke="${COLOURS.with}" stroke-opacity=".35" stroke-width="${w.toFixed(1)}"/>
    <path d="M 130 31 A 40 22 0 0 1 138 56" fill="none" stroke="${COLOURS.mark}" stroke-width="1.5" marker-end="url(#ah)"/>
    <path d="M 100 68 A 40 22 0 0 1 62 56" fill="none" stroke="${COLOURS.mark}" stroke-width="1.5" marker-end="url(#ah)"/>
    <path d="M 64 34 A 40 22 0 0 1 92 24" fill="none" stroke="${COLOURS.mark}" stroke-width="1.5" marker-end="url(#ah)"/>
    <text x="100" y="50" text-anchor="middle" font-size="12" font-weight="bold">R ${(100 * strength).toFixed(0)}%</text>
    ${text}</svg>`;
}

// ---------- household ----------
function renderStory() {
  const f = state.following;
  el('follow-intro').textContent = f ? `${f.picked}. ${f.introduction}` : 'No household followed yet.';
  const box = el('story');
  box.innerHTML = '';
  if (!f) return;
  for (const e of [...f.story].reverse()) box.appendChild(storyEntry(e));
}
function storyEntry(e) {
  const div = document.createElement('div');
  div.className = 'story-month';
  div.innerHTML = e.asItIs === e.withChanges
    ? `<div class="d">${monthName(e.date)}</div><div class="same">Both worlds: ${e.asItIs}</div>`
    : `<div class="d">${monthName(e.date)}</div><div class="two"><div><b>As it is:</b> ${e.asItIs}</div><div><b>With your changes:</b> ${e.withChanges}</div></div>`;
  return div;
}

// ---------- room, log, header ----------
function renderRoom() {
  const list = el('participants');
  list.innerHTML = state.participants.length ? '' : '<li class="words">Nobody has joined yet.</li>';
  for (const p of state.participants) {
    const li = document.createElement('li');
    li.innerHTML = `<span>${escapeHtml(p.name)}</span>`;
    const select = document.createElement('select');
    select.setAttribute('aria-label', 'role of ' + p.name);
    select.dataset.handle = p.handle;
    select.innerHTML = state.roles.map(r => `<option value="${r.name}" ${r.name === p.role ? 'selected' : ''}>${r.label}</option>`).join('');
    select.addEventListener('change', async () => {
      try { await api('POST', `/api/participants/${p.handle}/role`, { role: select.value }); } catch (e) { showProblem(e.message); }
    });
    li.appendChild(select);
    list.appendChild(li);
  }
  el('join-url').textContent = location.origin + '/join';
}
function renderLog() {
  el('log').innerHTML = state.pulls.map(p => `<li>${monthName(p.date)}: <b>${p.path}</b> ${p.before} → ${p.value} (${escapeHtml(p.who)})</li>`).join('') || '<li class="words">No lever pulled yet.</li>';
}
function renderHeader() {
  el('scenario-title').textContent = `${state.scenario.title} · ${state.place.label}, ${state.place.households.toLocaleString('en-GB')} simulated households`;
  el('date').textContent = state.monthsRun ? monthName(state.date) : 'Before ' + monthName(state.start);
  el('progress').textContent = `month ${state.monthsRun} of ${state.totalMonths}` + (state.finished ? ' · the end' : '');
  const play = el('play');
  play.textContent = state.playing ? '⏸ Pause' : '▶ Play';
  play.disabled = state.finished;
  el('step').disabled = state.playing || state.finished;
  const i = SPEEDS.indexOf(state.speed);
  if (i >= 0) el('speed').value = i;
  el('speed-label').textContent = state.speed + '/s';
  el('lock').checked = state.locked;
  showProblem(state.problem);
}
function escapeHtml(s) { return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]); }

function renderAll() {
  renderHeader();
  fillCharts();
  drawBridge();
  renderLevers();
  renderLoops();
  renderStory();
  renderRoom();
  renderLog();
}

// ---------- events ----------
function listen() {
  if (source) source.close();
  source = new EventSource('/api/events' + authQuery());
  source.addEventListener('state', async e => {
    const fresh = JSON.parse(e.data);
    const first = !state;
    state = fresh;
    const mine = await api('GET', '/api/me').catch(() => null);
    if (mine) { me = mine; applyRole(); }
    if (first) makeCharts();
    renderAll();
  });
  source.addEventListener('month', e => {
    const { record, story } = JSON.parse(e.data);
    if (!state) return;
    const last = state.history.length ? state.history[state.history.length - 1].month : -1;
    if (record.month !== last + 1) { refresh(); return; }   // missed events: read the whole state again
    addMonth(record);
    state.month = record.month + 1;
    state.monthsRun = state.history.length;
    state.date = record.date;
    state.finished = state.monthsRun >= state.totalMonths;
    if (story && state.following) { state.following.story.push(story); el('story').prepend(storyEntry(story)); }
    renderHeader();
    drawBridge();
    if (record.month % 3 === 0 || state.finished) refreshLoops();
  });
  source.addEventListener('lever', e => {
    const p = JSON.parse(e.data);
    if (!state) return;
    state.pulls.push(p);
    Object.values(charts).forEach(c => c.update('none'));
    refresh();
  });
  source.onerror = () => { /* the browser reconnects by itself and is sent the whole state first */ };
}

let refreshing = null;
function refresh() {
  if (refreshing) return refreshing;
  refreshing = api('GET', '/api/state').then(s => { state = s; renderAll(); }).catch(e => showProblem(e.message)).finally(() => { refreshing = null; });
  return refreshing;
}
async function refreshLoops() {
  try { const s = await api('GET', '/api/state'); state.loops = s.loops; state.levers = s.levers; renderLoops(); } catch { /* next month tries again */ }
}

function applyRole() {
  document.body.classList.toggle('facilitator', me.role === 'facilitator');
  el('role-badge').textContent = me.role === 'facilitator' ? 'Facilitator' : `${me.name}: ${(state && state.roles.find(r => r.name === me.role) || { label: me.role }).label}`;
  el('room').innerHTML = me.roomCode ? `room code <b>${me.roomCode}</b>` : '';
}

// ---------- controls ----------
function wire() {
  const act = (id, path) => el(id).addEventListener('click', async () => {
    try { await api('POST', path); showProblem(null); } catch (e) { showProblem(e.message); }
  });
  el('play').addEventListener('click', async () => {
    try { await api('POST', state && state.playing ? '/api/pause' : '/api/play'); showProblem(null); } catch (e) { showProblem(e.message); }
  });
  act('step', '/api/step');
  el('reset').addEventListener('click', async () => {
    if (state && state.pulls.length && !confirm('Reset the session? Every lever pulled is forgotten (save it as a scenario first to keep it).')) return;
    try { await api('POST', '/api/reset'); state = null; listen(); } catch (e) { showProblem(e.message); }
  });
  el('speed').addEventListener('change', async () => {
    try { await api('POST', '/api/speed', { monthsPerSecond: SPEEDS[Number(el('speed').value)] }); } catch (e) { showProblem(e.message); }
  });
  el('lock').addEventListener('change', async () => {
    try { await api('POST', '/api/lock', { locked: el('lock').checked }); } catch (e) { showProblem(e.message); }
  });
  el('bridge-metric').addEventListener('change', drawBridge);
  el('follow-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    const body = {};
    if (f.get('adults')) body.adults = Number(f.get('adults'));
    if (f.get('children')) body.children = Number(f.get('children'));
    if (f.get('tenure')) body.tenure = f.get('tenure');
    if (f.get('uc')) body.universalCredit = f.get('uc') === 'true';
    try { await api('POST', '/api/follow', body); showProblem(null); } catch (e) { showProblem(e.message); }
  });
  el('save').addEventListener('click', async () => {
    const r = await fetch('/api/scenario', { headers: auth() });
    if (!r.ok) { showProblem('saving failed: ' + r.status); return; }
    const blob = new Blob([await r.text()], { type: 'application/yaml' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${state.scenario.name}-studio.yaml`;
    a.click();
    URL.revokeObjectURL(a.href);
  });
  el('export').addEventListener('click', async () => {
    el('export-note').textContent = 'Writing the chart pack…';
    try { const r = await api('POST', '/api/export', {}); el('export-note').textContent = 'Chart pack written to ' + r.folder; } catch (e) { el('export-note').textContent = e.message; }
  });
  el('join-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    try {
      const r = await api('POST', '/api/join', { code: el('join-code').value, name: el('join-name').value });
      localStorage.setItem('studio-participant', r.participant);
      el('join').close();
      start();
    } catch (e) { el('join-error').textContent = e.message; }
  });
}

async function start() {
  me = await api('GET', '/api/me').catch(() => null);
  if (me && !me.role && localStorage.getItem('studio-participant')) {
    // A participant id from an earlier session (the studio was restarted): forget it and ask again.
    localStorage.removeItem('studio-participant');
    me = await api('GET', '/api/me').catch(() => null);
  }
  if (!me || !me.role || (joinPage && me.role === 'facilitator')) {
    if (joinPage) localStorage.removeItem('studio-participant');
    el('facilitator-hint').hidden = joinPage;
    el('join').showModal();
    return;
  }
  applyRole();
  listen();
}

wire();
start();
