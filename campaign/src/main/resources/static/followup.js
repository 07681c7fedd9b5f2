// Follow-up work on a campaign's flagged residents: filter by triage flag and by whether they were called
// back, read each resident's answers and how they were given, listen to spoken answers, export the list
// for the people who call back, and record a call back. What the server sends depends on the role: an
// analyst gets residents by contact reference only, and no recordings.
import { api } from './api.js';
import { el, fill, table, uid } from './dom.js';
import { t, formatTime } from './i18n.js';
import { valueText } from './questionnaire.js';

/**
 * @param context { campaignId, official, questionnaire (view, may be null), language(), announce(text), onChange() }
 */
export function createFollowUp(context) {
  const flagId = uid('flag');
  const statusId = uid('status');
  const flagSelect = el('select', { id: flagId });
  const statusSelect = el('select', { id: statusId },
    el('option', { value: 'awaiting' }), el('option', { value: 'followed-up' }), el('option', { value: 'all' }));
  const exportLink = el('a', { id: 'flagged-export', class: 'button', download: '', hidden: !context.official });
  const exportHint = el('span', { class: 'hint', id: uid('export-hint'), hidden: !context.official });
  exportLink.setAttribute('aria-describedby', exportHint.id);
  const count = el('p', { id: 'flagged-count', class: 'hint', 'aria-live': 'polite' });
  const list = el('div', { id: 'flagged-list' });
  const detail = el('section', { id: 'resident', hidden: true, 'aria-labelledby': 'resident-title', tabindex: '-1' });
  const root = el('div', { class: 'followup' },
    el('div', { class: 'filters' },
      el('p', { class: 'field inline' }, el('label', { for: flagId }), ' ', flagSelect),
      el('p', { class: 'field inline' }, el('label', { for: statusId }), ' ', statusSelect),
      el('p', { class: 'field inline' }, exportLink, ' ', exportHint)),
    count, list, detail);
  let residents = [];
  let openResident = null;

  flagSelect.addEventListener('change', refresh);
  statusSelect.addEventListener('change', refresh);

  function query() {
    const params = new URLSearchParams({ status: statusSelect.value });
    if (flagSelect.value) params.set('flag', flagSelect.value);
    return params;
  }

  function labels() {
    root.querySelector('label[for="' + flagId + '"]').textContent = t('f.flag');
    root.querySelector('label[for="' + statusId + '"]').textContent = t('f.status');
    const selected = flagSelect.value;
    const rules = context.questionnaire ? context.questionnaire.triage : [];
    fill(flagSelect, el('option', { value: '' }, t('f.allFlags')),
      rules.map(rule => el('option', { value: rule.id, selected: rule.id === selected },
        rule.id + (rule.description ? ' — ' + rule.description : ''))));
    const texts = { 'awaiting': 'f.awaiting', 'followed-up': 'f.followedUp', 'all': 'f.all' };
    for (const option of statusSelect.options) option.textContent = t(texts[option.value]);
    exportLink.textContent = t('f.export');
    exportHint.textContent = t('f.exportHint');
  }

  async function refresh() {
    const params = query();
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const exportParams = new URLSearchParams(params);
    if (zone) exportParams.set('zone', zone);
    exportLink.href = '/api/campaigns/' + context.campaignId + '/flagged.csv?' + exportParams;
    residents = await api('/api/campaigns/' + context.campaignId + '/flagged?' + params);
    renderList();
  }

  function who(resident) {
    return context.official ? (resident.name || resident.contactRef) : resident.contactRef;
  }

  function renderList() {
    count.textContent = residents.length === 0 ? t('f.none')
      : t(residents.length === 1 ? 'f.count.one' : 'f.count', { n: residents.length });
    if (residents.length === 0) { fill(list); return; }
    const headings = context.official
      ? [t('col.resident'), t('col.phone'), t('col.flags'), t('col.surveyed'), t('col.followedUp'), t('col.actions')]
      : [t('col.contactRef'), t('col.flags'), t('col.surveyed'), t('col.followedUp'), t('col.actions')];
    const rows = residents.map(resident => {
      const cells = context.official
        ? [el('th', { scope: 'row' }, who(resident)), el('td', {}, resident.phone || '—')]
        : [el('th', { scope: 'row', class: 'contact-ref' }, resident.contactRef)];
      const answers = el('button', { type: 'button', class: 'show-answers', 'aria-label': t('f.showAnswersOf', { who: who(resident) }),
        'aria-controls': 'resident' }, t('f.showAnswers'));
      answers.addEventListener('click', () => showResident(resident.contactRef, answers));
      const actions = [answers];
      if (context.official && !resident.followedUpAt) {
        const done = el('button', { type: 'button', class: 'followed-up',
          'aria-label': t('f.markFollowedUpOf', { who: who(resident) }) }, t('f.markFollowedUp'));
        done.addEventListener('click', () => markFollowedUp(resident, done));
        actions.push(' ', done);
      }
      cells.push(el('td', {}, resident.triageFlags.map(flag => el('span', { class: 'flag' }, flag))),
        el('td', {}, formatTime(resident.surveyedAt)),
        el('td', {}, resident.followedUpAt ? formatTime(resident.followedUpAt) : '—'),
        el('td', { class: 'row-actions' }, actions));
      return el('tr', { class: 'flagged-resident', 'data-contact-ref': resident.contactRef }, cells);
    });
    fill(list, table(null, headings, rows, { id: 'flagged' }));
  }

  async function markFollowedUp(resident, button) {
    button.disabled = true;
    try {
      await api('/api/campaigns/' + context.campaignId + '/flagged/' + encodeURIComponent(resident.contactRef)
        + '/followed-up', { method: 'POST' });
      context.announce(t('f.markedFollowedUp', { who: who(resident) }));
      await refresh();
      if (openResident === resident.contactRef) await showResident(resident.contactRef);
      context.onChange();
    } catch (error) {
      button.disabled = false;
      context.announce(error.message, true);
    }
  }

  async function showResident(contactRef, opener) {
    openResident = contactRef;
    const resident = await api('/api/campaigns/' + context.campaignId + '/residents/' + encodeURIComponent(contactRef));
    renderResident(resident, opener);
  }

  function howGiven(answer) {
    const parts = [t('how.' + answer.source)];
    if (answer.confirmed) parts.push(t('how.confirmed'));
    if (answer.decision === 'ACCEPT') parts.push(t('how.accepted', { percent: Math.round(answer.confidence * 100) }));
    else parts.push(t('how.unanswered'));
    if (answer.asks > 1) parts.push(t('how.asked', { n: answer.asks }));
    return parts.join(', ');
  }

  // A voice attempt the keypad replaced, or nobody understood, is shown apart from what the answer was taken from.
  function transcriptCell(resident, answer) {
    const lang = resident.language || null;
    if (answer.transcript || !answer.transcriptNotCounted) {
      return el('td', { class: 'transcript', lang }, answer.transcript || '—');
    }
    return el('td', { class: 'transcript not-counted' },
      el('s', { lang }, answer.transcriptNotCounted), ' ',
      el('span', { class: 'hint' }, t('f.notCounted.' + (answer.source === 'KEYPAD' ? 'KEYPAD' : 'NONE'))));
  }

  function recordingCell(resident, survey, answer) {
    if (!context.official) return null;
    if (!answer.recording) return el('td', { class: 'hint' }, t('f.noRecording'));
    const src = '/api/campaigns/' + context.campaignId + '/residents/' + encodeURIComponent(resident.contactRef)
      + '/recordings/' + encodeURIComponent(survey.attemptId) + '/' + encodeURIComponent(answer.questionId);
    return el('td', {}, el('audio', { controls: true, preload: 'none', src, class: 'recording',
      'aria-label': t('f.playLabel', { question: answer.questionId }), 'data-question': answer.questionId }));
  }

  function renderResident(resident, opener) {
    const name = context.official ? (resident.name || resident.contactRef) : resident.contactRef;
    const view = context.questionnaire;
    const language = context.language();
    const headings = [t('col.question'), t('col.answer'), t('col.how'), t('col.transcript')];
    if (context.official) headings.push(t('col.recording'));
    const close = el('button', { type: 'button', id: 'resident-close' }, t('close'));
    close.addEventListener('click', () => {
      detail.hidden = true;
      openResident = null;
      if (opener && opener.isConnected) opener.focus();
    });
    fill(detail,
      el('h4', { id: 'resident-title' }, t('f.residentTitle', { who: name })),
      context.official && resident.phone ? el('p', { class: 'phone' }, resident.phone) : null,
      context.official ? el('p', { class: 'hint' }, t('f.listenNote')) : null,
      resident.surveys.map(survey => table(
        t('f.survey', { time: formatTime(survey.endedAt), status: t('status.' + survey.status) }),
        headings,
        survey.answers.map(answer => el('tr', { 'data-question': answer.questionId },
          el('th', { scope: 'row' }, answer.questionId),
          el('td', { class: 'answer-value' }, valueText(view, answer.questionId, answer.value, resident.language || language)),
          el('td', { class: 'answer-how' }, howGiven(answer)),
          transcriptCell(resident, answer),
          recordingCell(resident, survey, answer))),
        { class: 'answers' })),
      el('p', {}, close));
    detail.hidden = false;
    detail.focus();
  }

  labels();
  return {
    element: root,
    refresh: () => refresh().catch(error => context.announce(error.message, true)),
    translate: () => {
      labels();
      renderList();
      if (openResident) showResident(openResident).catch(() => {});
    },
  };
}
