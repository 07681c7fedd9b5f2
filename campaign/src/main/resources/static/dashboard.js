// The campaign dashboard: campaigns with live progress (server-sent events); for a chosen campaign its
// overview (roster import and rejects, counts, calling window, answer charts), its questionnaire, the
// follow-up of flagged residents and, for officials, its audit log; and the form that creates a campaign.
// It offers only what the signed-in user's role may do; the server enforces the same rules.
import { api, postForm, csrfToken } from './api.js';
import { el, fill, table } from './dom.js';
import { t, has, setLanguage, language, onLanguageChange, translatePage, formatDuration, LANGUAGES } from './i18n.js';
import { renderQuestionnaire, valueText, languageName } from './questionnaire.js';
import { openWizard } from './wizard.js';
import { createFollowUp } from './followup.js';
import { createAuditLog } from './audit.js';

const ACTIONS = ['start', 'pause', 'resume', 'cancel'];
const ALLOWED = { draft: ['start', 'cancel'], running: ['pause', 'cancel'], paused: ['resume', 'cancel'] };
const COUNTS = ['dialed', 'answered', 'completed', 'retrying', 'failed', 'exhausted', 'pending'];
const TABS = ['overview', 'questionnaire', 'followup', 'audit'];
const REJECTS_PAGE = 100;

const state = {
  campaigns: new Map(), selected: null, user: null, tab: 'overview',
  questionnaire: null, followUp: null, audit: null, rejects: [], rejectsDone: false,
  prompts: new Set(), promptSources: new Map(), promptsMissing: [], promptLanguage: null, refusals: null, refusalsAt: 0,
  refreshTimer: null, importTimer: null,
};

const $ = (id) => document.getElementById(id);

function isOfficial() { return state.user !== null && state.user.roles.includes('OFFICIAL'); }

function announce(text, isError = false) {
  if (isError) { $('action-error').textContent = text; return; }
  const announcer = $('announcer');
  announcer.textContent = '';
  // A change of text is what screen readers announce; an empty step first makes a repeat count.
  setTimeout(() => { announcer.textContent = text; }, 50);
}

// ---- signed-in user

function showUser(user) {
  state.user = user;
  renderUser();
  for (const node of document.querySelectorAll('.official-only')) node.hidden = !isOfficial();
}

function renderUser() {
  if (!state.user) return;
  $('signed-in').textContent = t('signedIn', { user: state.user.username,
    role: t(isOfficial() ? 'role.official' : 'role.analyst') });
}

// ---- campaign list

function finished(p) { return p.completed + p.failed + p.exhausted; }
function percent(p) { return p.contacts === 0 ? 0 : Math.round(100 * finished(p) / p.contacts); }

function progressBar(p, big) {
  const inner = el('div');
  inner.style.width = percent(p) + '%';
  return el('div', { class: 'bar' + (big ? ' big' : ''), role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100,
    'aria-valuenow': percent(p), 'aria-label': t('progress.label', { percent: percent(p) }) }, inner);
}

function renderCampaigns() {
  const body = document.querySelector('#campaigns tbody');
  // Newest first, as the API lists them; one first heard of on the event stream is the newest.
  const campaigns = [...state.campaigns.values()].sort((a, b) =>
    (b.createdAt || '9999').localeCompare(a.createdAt || '9999'));
  const none = $('no-campaigns');
  none.hidden = campaigns.length > 0;
  none.textContent = t(isOfficial() ? 'campaigns.noneOfficial' : 'campaigns.none');
  fill(body, campaigns.map(c => {
    const link = el('a', { href: '#' + c.id, class: 'campaign-link',
      'aria-current': c.id === state.selected ? 'true' : null }, c.name);
    const row = el('tr', { class: 'campaign' + (c.id === state.selected ? ' selected' : ''), 'data-id': c.id },
      el('td', {}, link),
      el('td', { class: 'campaign-state', 'data-state': c.state }, t('state.' + c.state)),
      el('td', {}, progressBar(c.progress, false)),
      el('td', {}, finished(c.progress) + ' / ' + c.progress.contacts));
    row.addEventListener('click', (event) => { event.preventDefault(); select(c.id); });
    return row;
  }));
}

// ---- campaign detail

function renderDetail() {
  const c = state.campaigns.get(state.selected);
  const detail = $('detail');
  if (!c) { detail.hidden = true; return; }
  detail.hidden = false;
  $('detail-name').textContent = c.name;
  $('detail-state').textContent = t('state.' + c.state);
  $('detail-state').dataset.state = c.state;
  $('detail-id').textContent = c.id;
  $('detail-bar').replaceWith(Object.assign(progressBar(c.progress, true), { id: 'detail-bar' }));
  for (const key of COUNTS) $('count-' + key).textContent = c.progress[key];
  for (const action of ACTIONS) {
    $('action-' + action).disabled = !(ALLOWED[c.state] || []).includes(action);
  }
  renderImport(c);
  renderRefusals();
  renderSchedule(c);
}

/** Attempts a dialer node would not place (it could not load the questionnaire, say), with the latest reason. */
function renderRefusals() {
  const line = $('refusals');
  const r = state.refusals;
  line.hidden = !r || r.count === 0;
  line.textContent = line.hidden ? '' : t('refusals', { count: r.count, reason: r.latest.length ? r.latest[0].reason : '' });
}

async function loadRefusals() {
  const id = state.selected;
  const refusals = await api('/api/campaigns/' + id + '/refusals').catch(() => null);
  if (id !== state.selected) return;
  state.refusals = refusals;
  state.refusalsAt = Date.now();
  renderRefusals();
}

function renderImport(c) {
  const status = c.importStatus;
  const line = $('import-status');
  if (!status) { line.textContent = ''; return; }
  line.dataset.status = status;
  line.textContent = status === 'completed' ? t('import.completed', { imported: c.progress.contacts, rejected: c.rejectedRows })
    : status === 'failed' ? t('import.failed', { detail: c.importDetail || '' })
      : status === 'running' ? t('import.running', { imported: c.progress.contacts })
        : has('import.' + status) ? t('import.' + status) : status;
  renderRejects(c);
}

function renderRejects(c) {
  const container = $('rejects');
  if (!c.rejectedRows) { fill(container); return; }
  const rows = state.rejects.map(r => el('tr', {}, el('th', { scope: 'row' }, r.lineNumber), el('td', {}, r.reason)));
  const more = el('button', { type: 'button', id: 'rejects-more', hidden: state.rejectsDone }, t('rejects.more'));
  more.addEventListener('click', () => loadRejects(true));
  fill(container, table(t('rejects.title'), [t('rejects.line'), t('rejects.reason')], rows,
    { id: 'rejects-table', class: 'compact' }), more);
}

async function loadRejects(more) {
  const id = state.selected;
  const offset = more ? state.rejects.length : 0;
  const page = await api('/api/campaigns/' + id + '/rejects?offset=' + offset + '&limit=' + REJECTS_PAGE);
  if (id !== state.selected) return;
  state.rejects = more ? state.rejects.concat(page) : page;
  state.rejectsDone = page.length < REJECTS_PAGE;
  const c = state.campaigns.get(id);
  if (c) renderRejects(c);
}

function renderSchedule(c) {
  const s = c.schedule;
  if (!s) { fill($('schedule')); return; }
  const days = s.callingDays.length === 7 ? t('schedule.everyDay')
    : ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']
      .filter(d => s.callingDays.includes(d)).map(d => t('day.' + d)).join(', ');
  fill($('schedule'),
    el('li', {}, t('schedule.window', { start: s.windowStart.slice(0, 5), end: s.windowEnd.slice(0, 5), days })),
    el('li', {}, t('schedule.attempts', { max: s.maxAttempts, cap: s.dailyCap })),
    el('li', {}, t('schedule.retries', { busy: formatDuration(s.retryDelays.BUSY || s.defaultRetryDelay),
      noAnswer: formatDuration(s.retryDelays.NO_ANSWER || s.defaultRetryDelay), other: formatDuration(s.defaultRetryDelay) })),
    s.giveUpOn.length ? el('li', {}, t('schedule.giveUp', { outcomes: s.giveUpOn.map(o => t('outcome.' + o)).join(', ') })) : null);
}

function renderCharts(distribution) {
  const charts = $('charts');
  const entries = Object.entries(distribution || {});
  if (entries.length === 0) { fill(charts, el('p', { class: 'hint' }, t('answers.none'))); return; }
  const svgNs = 'http://www.w3.org/2000/svg';
  fill(charts, entries.map(([question, counts]) => {
    const bars = Object.entries(counts);
    const max = Math.max(1, ...bars.map(([, n]) => n));
    const rowHeight = 22, labelWidth = 160, barWidth = 300;
    const svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('width', labelWidth + barWidth + 50);
    svg.setAttribute('height', bars.length * rowHeight + 4);
    svg.setAttribute('role', 'img');
    const words = (label) => label === 'yes' ? t('value.yes') : label === 'no' ? t('value.no')
      : label === '(no answer)' ? t('value.none') : valueText(state.questionnaire, question, label, language());
    svg.setAttribute('aria-label', t('chart.label', { question,
      counts: bars.map(([label, n]) => words(label) + ' ' + n).join(', ') }));
    bars.forEach(([label, n], i) => {
      const y = i * rowHeight + 2;
      const text = document.createElementNS(svgNs, 'text');
      text.setAttribute('x', 0); text.setAttribute('y', y + 15); text.textContent = words(label);
      const rect = document.createElementNS(svgNs, 'rect');
      rect.setAttribute('x', labelWidth); rect.setAttribute('y', y + 3);
      rect.setAttribute('height', rowHeight - 6); rect.setAttribute('width', Math.max(2, barWidth * n / max));
      rect.setAttribute('data-label', label); rect.setAttribute('data-count', n);
      const value = document.createElementNS(svgNs, 'text');
      value.setAttribute('x', labelWidth + barWidth * n / max + 6); value.setAttribute('y', y + 15);
      value.textContent = n;
      svg.append(text, rect, value);
    });
    return el('div', { class: 'chart', 'data-question': question }, el('h4', {}, question), svg);
  }));
}

// ---- tabs

function showTab(name, focus) {
  state.tab = name;
  for (const tab of TABS) {
    const button = $('tab-' + tab);
    const selected = tab === name;
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    $('panel-' + tab).hidden = !selected;
  }
  if (focus) $('tab-' + name).focus();
  if (name === 'followup' && state.followUp) state.followUp.refresh();
  if (name === 'audit' && state.audit) state.audit.refresh();
}

function visibleTabs() { return TABS.filter(tab => !$('tab-' + tab).hidden); }

function onTabKey(event) {
  const tabs = visibleTabs();
  const index = tabs.indexOf(state.tab);
  const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
  if (!(event.key in moves)) return;
  event.preventDefault();
  showTab(tabs[(moves[event.key] + tabs.length) % tabs.length], true);
}

// ---- choosing a campaign

async function select(id) {
  closeWizard();
  state.selected = id;
  if (location.hash !== '#' + id) history.replaceState(null, '', '#' + id);
  $('action-error').textContent = '';
  state.questionnaire = null;
  state.prompts = new Set();
  state.promptSources = new Map();
  state.promptsMissing = [];
  state.promptLanguage = null;
  state.refusals = null;
  state.rejects = [];
  state.rejectsDone = false;
  renderCampaigns();
  renderDetail();
  const [campaign, questionnaire] = await Promise.all([api('/api/campaigns/' + id),
    api('/api/campaigns/' + id + '/questionnaire').catch(() => null)]);
  if (id !== state.selected) return;
  state.campaigns.set(id, campaign);
  state.questionnaire = questionnaire;
  renderDetail();
  renderQuestionnaireTab();
  loadPromptRecordings();
  state.followUp = createFollowUp({ campaignId: id, official: isOfficial(), questionnaire, language,
    announce, onChange: () => refreshFollowUps() });
  fill($('panel-followup'), state.followUp.element);
  state.audit = isOfficial() ? createAuditLog({ campaignId: id, announce }) : null;
  fill($('panel-audit'), state.audit ? state.audit.element : null);
  showTab(state.tab === 'audit' && !isOfficial() ? 'overview' : state.tab, false);
  watchImport(campaign);
  if (campaign.rejectedRows) loadRejects(false).catch(() => {});
  refreshFollowUps();
}

function renderQuestionnaireTab() {
  fill($('panel-questionnaire'), state.questionnaire ? missingPrompts() : null, state.questionnaire
    ? renderQuestionnaire(state.questionnaire, { language: state.promptLanguage || language(),
      onLanguage: (code) => { state.promptLanguage = code; }, promptControls })
    : el('p', { class: 'hint' }, t('loading')));
}

/** The prompts without a recording (a campaign does not start while there are any), and for officials the
 * rendering of them from the questionnaire's text. */
function missingPrompts() {
  const missing = state.promptsMissing;
  if (missing.length === 0) return null;
  const status = el('span', { class: 'hint', 'aria-live': 'polite' });
  const box = el('div', { id: 'prompts-missing', class: 'prompts-missing' },
    el('p', { class: 'error' }, t('prompts.missing', { count: missing.length, prompts: missing.slice(0, 6).join(', ')
      + (missing.length > 6 ? ' …' : '') })));
  if (isOfficial()) {
    const render = el('button', { type: 'button', id: 'prompts-render' }, t('prompts.render'));
    render.addEventListener('click', async () => {
      render.disabled = true;
      status.className = 'hint';
      status.textContent = t('prompts.rendering');
      try {
        const rendered = await api('/api/campaigns/' + state.selected + '/prompts/render', { method: 'POST' });
        announce(t('prompts.rendered', { count: rendered.length }));
        await loadPromptRecordings();
      } catch (error) {
        status.className = 'error';
        status.textContent = error.message;
        render.disabled = false;
      }
    });
    box.append(render, ' ', status);
  }
  return box;
}

async function loadPromptRecordings() {
  const id = state.selected;
  const [recordings, missing] = await Promise.all([api('/api/campaigns/' + id + '/prompts').catch(() => []),
    api('/api/campaigns/' + id + '/prompts/missing').catch(() => [])]);
  if (id !== state.selected) return;
  state.prompts = new Set(recordings.map(r => r.language + '/' + r.promptId));
  state.promptSources = new Map(recordings.map(r => [r.language + '/' + r.promptId, r.source]));
  state.promptsMissing = missing;
  renderQuestionnaireTab();
}

/** Beside each prompt: its recording to play, and for officials the upload of their own. */
function promptControls(prompt, code) {
  const key = code + '/' + prompt.promptId;
  const src = '/api/campaigns/' + state.selected + '/prompts/' + code + '/' + encodeURIComponent(prompt.promptId);
  const name = t(['question', 'reask', 'keypad', 'confirm'].includes(prompt.kind)
    ? 'prompt.' + prompt.kind : 'msg.' + prompt.kind) + ' (' + prompt.promptId + ')';
  const spoken = languageName(code);
  const player = el('span', { class: 'prompt-audio' });
  const status = el('span', { class: 'hint', 'aria-live': 'polite' });
  const showPlayer = (version) => fill(player, el('audio', { controls: true, preload: 'none',
    src: version ? src + '?v=' + version : src,
    'aria-label': t('prompt.audio', { prompt: name, language: spoken }) }));
  if (state.prompts.has(key)) showPlayer(); else fill(player, el('span', { class: 'hint' }, t('prompt.noAudio')));
  const source = state.promptSources.get(key);
  const controls = el('div', { class: 'prompt-controls', 'data-prompt-language': code }, player,
    source ? el('span', { class: 'hint prompt-source' }, ' ' + t('prompt.source.' + source)) : null);
  if (isOfficial()) {
    const upload = el('input', { type: 'file', accept: '.wav,audio/wav', class: 'prompt-upload',
      'aria-label': t('prompt.uploadLabel', { prompt: name, language: spoken }) });
    upload.addEventListener('change', async () => {
      const file = upload.files[0];
      if (!file) return;
      const form = new FormData();
      form.append('recording', file);
      status.textContent = '';
      try {
        const recording = await postForm(src, form);
        state.prompts.add(key);
        state.promptSources.set(key, recording.source);
        state.promptsMissing = state.promptsMissing.filter(m => m !== prompt.promptId + ' (' + code + ')');
        showPlayer(Date.parse(recording.updatedAt));
        status.className = 'ok';
        status.textContent = t('prompt.uploaded', { prompt: name, language: spoken });
      } catch (error) {
        status.className = 'error';
        status.textContent = error.message;
      }
      upload.value = '';
    });
    controls.append(el('label', { class: 'upload' }, t('prompt.upload'), ' ', upload), status);
  }
  return controls;
}

/** The event stream carries no import status: ask until the import has ended. */
function watchImport(campaign) {
  clearTimeout(state.importTimer);
  if (campaign.importStatus !== 'pending' && campaign.importStatus !== 'running') return;
  state.importTimer = setTimeout(async () => {
    if (campaign.id !== state.selected) return;
    const now = await api('/api/campaigns/' + campaign.id).catch(() => campaign);
    state.campaigns.set(now.id, now);
    renderCampaigns();
    renderDetail();
    if (now.importStatus === 'completed' && now.rejectedRows) loadRejects(false).catch(() => {});
    watchImport(now);
  }, 700);
}

async function refreshFollowUps() {
  const id = state.selected;
  if (!id) return;
  const answers = await api('/api/campaigns/' + id + '/answers').catch(() => null);
  if (id !== state.selected) return;
  renderCharts(answers);
  if (state.tab === 'followup' && state.followUp) state.followUp.refresh();
  // A count over the campaign's attempts: often enough to notice, not at every progress event.
  if (!state.refusals || Date.now() - state.refusalsAt > 15000) loadRefusals();
}

function scheduleFollowUpRefresh() {
  if (state.refreshTimer) return;
  state.refreshTimer = setTimeout(() => {
    state.refreshTimer = null;
    refreshFollowUps();
  }, 300);
}

// ---- new campaign

async function showWizard() {
  state.selected = null;
  history.replaceState(null, '', '#new');
  renderCampaigns();
  $('detail').hidden = true;
  const wizard = $('wizard');
  wizard.hidden = false;
  try {
    await openWizard(wizard, {
      announce,
      onClose: () => { closeWizard(); $('new-campaign').focus(); },
      onCreated: (campaign) => {
        state.campaigns.set(campaign.id, campaign);
        state.tab = 'overview';
        select(campaign.id).then(() => $('detail-name').focus());
      },
    });
  } catch (error) {
    fill(wizard, el('p', { class: 'error', role: 'alert' }, error.message));
  }
}

function closeWizard() {
  const wizard = $('wizard');
  if (wizard.hidden) return;
  wizard.hidden = true;
  fill(wizard);
}

// ---- live updates

function connect() {
  const live = $('live');
  const source = new EventSource('/api/campaigns/stream');
  source.addEventListener('open', () => { live.dataset.state = 'on'; live.textContent = t('live.on'); live.classList.remove('off'); });
  source.addEventListener('error', () => { live.dataset.state = 'reconnecting'; live.textContent = t('live.reconnecting'); live.classList.add('off'); });
  source.addEventListener('progress', (message) => {
    const update = JSON.parse(message.data);
    state.campaigns.set(update.id, Object.assign({}, state.campaigns.get(update.id), update));
    renderCampaigns();
    if (update.id === state.selected) {
      renderDetail();
      scheduleFollowUpRefresh();
    }
  });
}

// ---- language

function translateAll() {
  translatePage();
  renderUser();
  const live = $('live');
  live.textContent = t(live.dataset.state === 'on' ? 'live.on' : live.dataset.state === 'reconnecting' ? 'live.reconnecting' : 'live.off');
  renderCampaigns();
  renderDetail();
  if (state.selected) {
    renderQuestionnaireTab();
    if (state.followUp) state.followUp.translate();
    if (state.audit) state.audit.translate();
    refreshFollowUps();
  }
}

function setUpLanguageChooser() {
  const chooser = $('language');
  fill(chooser, Object.entries(LANGUAGES).map(([code, name]) =>
    el('option', { value: code, lang: code, selected: code === language() }, name)));
  chooser.addEventListener('change', () => setLanguage(chooser.value));
  onLanguageChange(translateAll);
}

// ---- start

for (const action of ACTIONS) {
  $('action-' + action).addEventListener('click', async () => {
    $('action-error').textContent = '';
    const current = state.campaigns.get(state.selected);
    if (action === 'cancel' && !window.confirm(t('confirm.cancel', { name: current.name }))) return;
    try {
      const campaign = await api('/api/campaigns/' + state.selected + '/' + action, { method: 'POST' });
      state.campaigns.set(campaign.id, campaign);
      renderCampaigns();
      renderDetail();
      announce(t('action.done.' + action, { name: campaign.name }));
    } catch (error) {
      $('action-error').textContent = error.message;
    }
  });
}

for (const tab of TABS) {
  $('tab-' + tab).addEventListener('click', () => showTab(tab, false));
  $('tab-' + tab).addEventListener('keydown', onTabKey);
}

$('new-campaign').addEventListener('click', showWizard);
$('logout-form').addEventListener('submit', () => { $('logout-csrf').value = csrfToken(); });
window.addEventListener('hashchange', () => {
  const wanted = location.hash.slice(1);
  if (wanted === 'new' && isOfficial()) showWizard();
  else if (state.campaigns.has(wanted) && wanted !== state.selected) select(wanted);
});

(async function start() {
  setUpLanguageChooser();
  translatePage();
  const [user, campaigns] = await Promise.all([api('/api/me'), api('/api/campaigns')]);
  showUser(user);
  for (const c of campaigns) state.campaigns.set(c.id, c);
  renderCampaigns();
  const wanted = location.hash.slice(1);
  if (wanted === 'new' && isOfficial()) showWizard();
  else if (state.campaigns.has(wanted)) select(wanted);
  connect();
})().catch(error => { $('action-error').textContent = error.message; });
