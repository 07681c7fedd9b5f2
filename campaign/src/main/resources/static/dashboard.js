'use strict';
// The campaign dashboard: campaigns with live progress (server-sent events), the flagged residents
// awaiting follow-up, and the answer distribution per question drawn as SVG bars. It offers only what the
// signed-in user's role may do: officials run campaigns and record follow-ups; analysts read.

const state = { campaigns: new Map(), selected: null, refreshTimer: null, user: null };

function isOfficial() { return state.user !== null && state.user.roles.includes('OFFICIAL'); }

function showUser(user) {
  state.user = user;
  const role = isOfficial() ? 'Official' : 'Analyst';
  document.getElementById('signed-in').textContent = 'signed in as ' + user.username + ' (' + role + ')';
  for (const node of document.querySelectorAll('.official-only')) node.hidden = !isOfficial();
  // Analysts get from the server neither names nor numbers, only the reference the result events carry.
  const headings = isOfficial() ? ['Resident', 'Phone', 'Flags', 'Surveyed', ''] : ['Contact reference', 'Flags', 'Surveyed'];
  document.querySelector('#flagged thead tr').replaceChildren(...headings.map(heading => el('th', {}, heading)));
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

async function api(path, options = {}) {
  const headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
  if (options.method && options.method !== 'GET') {
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  const response = await fetch(path, Object.assign({}, options, { headers, credentials: 'same-origin' }));
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(body && body.detail ? body.detail : response.status + ' ' + response.statusText);
  }
  return body;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'class') node.className = value; else node.setAttribute(key, value);
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function finished(p) { return p.completed + p.failed + p.exhausted; }
function percent(p) { return p.contacts === 0 ? 0 : Math.round(100 * finished(p) / p.contacts); }

function renderCampaigns() {
  const body = document.querySelector('#campaigns tbody');
  body.replaceChildren();
  const campaigns = [...state.campaigns.values()];
  document.getElementById('no-campaigns').hidden = campaigns.length > 0;
  for (const c of campaigns) {
    const bar = el('div', { class: 'bar' }, el('div'));
    bar.firstChild.style.width = percent(c.progress) + '%';
    const row = el('tr', { class: 'campaign' + (c.id === state.selected ? ' selected' : ''), 'data-id': c.id },
      el('td', {}, el('a', { href: '#' + c.id, class: 'campaign-link' }, c.name)),
      el('td', { class: 'campaign-state' }, c.state),
      el('td', {}, bar),
      el('td', {}, finished(c.progress) + ' / ' + c.progress.contacts));
    row.addEventListener('click', (event) => { event.preventDefault(); select(c.id); });
    body.append(row);
  }
}

function renderDetail() {
  const c = state.campaigns.get(state.selected);
  const detail = document.getElementById('detail');
  if (!c) { detail.hidden = true; return; }
  detail.hidden = false;
  document.getElementById('detail-name').textContent = c.name;
  document.getElementById('detail-state').textContent = c.state;
  document.getElementById('detail-id').textContent = c.id;
  document.querySelector('#detail-bar > div').style.width = percent(c.progress) + '%';
  for (const key of ['dialed', 'answered', 'completed', 'retrying', 'failed', 'exhausted', 'pending']) {
    document.getElementById('count-' + key).textContent = c.progress[key];
  }
  const allowed = { draft: ['start', 'cancel'], running: ['pause', 'cancel'], paused: ['resume', 'cancel'] };
  for (const action of ['start', 'pause', 'resume', 'cancel']) {
    document.getElementById('action-' + action).disabled = !(allowed[c.state] || []).includes(action);
  }
  document.getElementById('rejects-link').href = '/api/campaigns/' + c.id + '/rejects';
}

async function refreshFollowUps() {
  const id = state.selected;
  if (!id) return;
  const [flagged, answers] = await Promise.all([
    api('/api/campaigns/' + id + '/flagged'), api('/api/campaigns/' + id + '/answers')]);
  if (id !== state.selected) return;
  renderFlagged(flagged);
  renderCharts(answers);
}

function renderFlagged(flagged) {
  const body = document.querySelector('#flagged tbody');
  body.replaceChildren();
  document.getElementById('no-flagged').hidden = flagged.length > 0;
  for (const resident of flagged) {
    const cells = isOfficial()
      ? [el('td', {}, resident.name || resident.contactRef), el('td', {}, resident.phone || '—')]
      : [el('td', { class: 'contact-ref' }, resident.contactRef)];
    cells.push(el('td', {}, ...resident.triageFlags.map(f => el('span', { class: 'flag' }, f))),
      el('td', {}, new Date(resident.surveyedAt).toLocaleString()));
    if (isOfficial()) cells.push(el('td', {}, followUpButton(resident)));
    body.append(el('tr', { class: 'flagged-resident' }, ...cells));
  }
}

function followUpButton(resident) {
  const done = el('button', { class: 'followed-up' }, 'Followed up');
  done.addEventListener('click', async () => {
    try {
      await api('/api/campaigns/' + state.selected + '/flagged/' + encodeURIComponent(resident.contactRef)
        + '/followed-up', { method: 'POST' });
      refreshFollowUps();
    } catch (error) {
      document.getElementById('action-error').textContent = error.message;
    }
  });
  return done;
}

function renderCharts(distribution) {
  const charts = document.getElementById('charts');
  charts.replaceChildren();
  const svgNs = 'http://www.w3.org/2000/svg';
  for (const [question, counts] of Object.entries(distribution)) {
    const entries = Object.entries(counts);
    const max = Math.max(1, ...entries.map(([, n]) => n));
    const rowHeight = 22, labelWidth = 120, barWidth = 320;
    const svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('width', labelWidth + barWidth + 50);
    svg.setAttribute('height', entries.length * rowHeight + 4);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'answers to ' + question);
    entries.forEach(([label, n], i) => {
      const y = i * rowHeight + 2;
      const text = document.createElementNS(svgNs, 'text');
      text.setAttribute('x', 0); text.setAttribute('y', y + 15); text.textContent = label;
      const rect = document.createElementNS(svgNs, 'rect');
      rect.setAttribute('x', labelWidth); rect.setAttribute('y', y + 3);
      rect.setAttribute('height', rowHeight - 6); rect.setAttribute('width', Math.max(2, barWidth * n / max));
      rect.setAttribute('data-label', label); rect.setAttribute('data-count', n);
      const value = document.createElementNS(svgNs, 'text');
      value.setAttribute('x', labelWidth + barWidth * n / max + 6); value.setAttribute('y', y + 15);
      value.textContent = n;
      svg.append(text, rect, value);
    });
    charts.append(el('div', { class: 'chart', 'data-question': question }, el('h4', {}, question), svg));
  }
}

function select(id) {
  state.selected = id;
  location.hash = id;
  document.getElementById('action-error').textContent = '';
  renderCampaigns();
  renderDetail();
  refreshFollowUps().catch(error => { document.getElementById('action-error').textContent = error.message; });
}

function scheduleFollowUpRefresh() {
  if (state.refreshTimer) return;
  state.refreshTimer = setTimeout(() => {
    state.refreshTimer = null;
    refreshFollowUps().catch(() => {});
  }, 300);
}

function connect() {
  const live = document.getElementById('live');
  const source = new EventSource('/api/campaigns/stream');
  source.addEventListener('open', () => { live.textContent = 'live'; live.classList.remove('off'); });
  source.addEventListener('error', () => { live.textContent = 'reconnecting'; live.classList.add('off'); });
  source.addEventListener('progress', (message) => {
    const campaign = JSON.parse(message.data);
    state.campaigns.set(campaign.id, campaign);
    renderCampaigns();
    if (campaign.id === state.selected) {
      renderDetail();
      scheduleFollowUpRefresh();
    }
  });
}

for (const button of document.querySelectorAll('.actions button')) {
  button.addEventListener('click', async () => {
    document.getElementById('action-error').textContent = '';
    try {
      const campaign = await api('/api/campaigns/' + state.selected + '/' + button.dataset.action, { method: 'POST' });
      state.campaigns.set(campaign.id, campaign);
      renderCampaigns();
      renderDetail();
    } catch (error) {
      document.getElementById('action-error').textContent = error.message;
    }
  });
}

document.getElementById('logout-form').addEventListener('submit', () => {
  document.getElementById('logout-csrf').value = csrfToken();
});

(async function start() {
  const [user, campaigns] = await Promise.all([api('/api/me'), api('/api/campaigns')]);
  showUser(user);
  for (const c of campaigns) state.campaigns.set(c.id, c);
  renderCampaigns();
  const wanted = location.hash.slice(1);
  if (state.campaigns.has(wanted)) select(wanted);
  connect();
})().catch(error => { document.getElementById('action-error').textContent = error.message; });
