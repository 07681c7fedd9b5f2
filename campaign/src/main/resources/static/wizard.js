// The "new campaign" form, in four steps: name and roster (checked by the server as the import will check
// it, with the first rows and the rejects shown), questionnaire (a known one, or a file checked by the
// server's loader), calling window and retries (the service's defaults filled in), and a summary.
import { api, postForm, ApiError } from './api.js';
import { el, fill, table, uid } from './dom.js';
import { t, translatePage, onLanguageChange, formatDuration } from './i18n.js';
import { renderQuestionnaire, languageName } from './questionnaire.js';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const RETRIES = [['BUSY', 'wizard.retryBusy'], ['NO_ANSWER', 'wizard.retryNoAnswer'],
  ['CONGESTION', 'wizard.retryCongestion']];
const STEP_TITLES = ['wizard.step1', 'wizard.step2', 'wizard.step3', 'wizard.step4'];

/** ISO-8601 duration (PT1H30M, PT10S) to minutes. */
function minutes(iso) {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(iso || '');
  if (!match) return 30;
  const [, h, m, s] = match;
  return Math.round(((Number(h || 0) * 60) + Number(m || 0) + Number(s || 0) / 60) * 100) / 100;
}

function isoMinutes(value) {
  return 'PT' + Math.max(1, Math.round(Number(value) * 60)) + 'S';
}

/** A labelled input: the label names it for screen readers, the hint is read after it. */
function field(labelKey, input, hintKey) {
  const hint = hintKey ? el('span', { class: 'hint', id: uid('hint'), 'data-i18n': hintKey }) : null;
  if (hint) input.setAttribute('aria-describedby', hint.id);
  return el('p', { class: 'field' }, el('label', { for: input.id, 'data-i18n': labelKey }), input, hint);
}

/**
 * Shows the form in container.
 *
 * @param onCreated called with the created campaign
 * @param onClose   called when the official closes the form without creating
 */
export async function openWizard(container, { onCreated, onClose, announce }) {
  const [defaults, known] = await Promise.all([api('/api/campaigns/defaults'), api('/api/questionnaires')]);
  const state = { step: 1, preview: null, previewFile: null, questionnaire: null, showQuestions: false };

  // Step 1: name and roster
  const name = el('input', { id: 'wizard-name', type: 'text', required: true, autocomplete: 'off', maxlength: 200 });
  const roster = el('input', { id: 'wizard-roster', type: 'file', accept: '.csv,text/csv', required: true });
  const region = el('input', { id: 'wizard-region', type: 'text', value: defaults.region, maxlength: 2,
    pattern: '[A-Za-z]{2}', autocomplete: 'off', class: 'short' });
  const callLanguage = el('select', { id: 'wizard-language' }, ['ko', 'en'].map(code =>
    el('option', { value: code, selected: code === defaults.language }, languageName(code))));
  const check = el('button', { type: 'button', id: 'wizard-check', 'data-i18n': 'wizard.check' });
  const preview = el('div', { id: 'roster-preview', 'aria-live': 'polite' });
  const step1 = el('fieldset', { 'data-step': '1' },
    el('legend', { 'data-i18n': 'wizard.step1' }),
    field('wizard.name', name),
    field('wizard.roster', roster, 'wizard.rosterHint'),
    el('details', {}, el('summary', { 'data-i18n': 'wizard.defaults' }),
      field('wizard.region', region), field('wizard.language', callLanguage)),
    el('p', {}, check),
    preview);

  // Step 2: questionnaire
  const choices = el('div', { class: 'choices' });
  known.forEach((q, i) => {
    const id = 'wizard-q-' + i;
    const radio = el('input', { type: 'radio', name: 'questionnaire', id, value: q.ref, 'data-ref': q.ref });
    radio.addEventListener('change', () => chooseKnown(q));
    choices.append(el('p', { class: 'choice' }, radio, ' ', el('label', { for: id, 'data-known': q.ref })));
  });
  const uploadRadio = el('input', { type: 'radio', name: 'questionnaire', id: 'wizard-q-upload', value: 'upload' });
  const questionnaireFile = el('input', { id: 'wizard-questionnaire-file', type: 'file', accept: '.yaml,.yml' });
  const questionnaireCheck = el('div', { id: 'questionnaire-check', 'aria-live': 'polite' });
  const showQuestions = el('button', { type: 'button', id: 'wizard-show-questions', 'aria-expanded': 'false',
    'aria-controls': 'questionnaire-preview', hidden: true });
  const questionnairePreview = el('div', { id: 'questionnaire-preview', hidden: true });
  const step2 = el('fieldset', { 'data-step': '2', hidden: true },
    el('legend', { 'data-i18n': 'wizard.step2' }),
    el('fieldset', { class: 'plain' }, el('legend', { 'data-i18n': 'wizard.known' }), choices,
      el('p', { class: 'choice' }, uploadRadio, ' ', el('label', { for: 'wizard-q-upload', 'data-i18n': 'wizard.uploadChoice' })),
      el('p', { class: 'field indent' }, el('label', { for: 'wizard-questionnaire-file', 'data-i18n': 'wizard.upload' }),
        questionnaireFile)),
    questionnaireCheck,
    el('p', {}, showQuestions),
    questionnairePreview);

  // Step 3: calling window and retries
  const schedule = defaults.schedule;
  const windowStart = el('input', { id: 'wizard-window-start', type: 'time', value: schedule.windowStart.slice(0, 5), required: true });
  const windowEnd = el('input', { id: 'wizard-window-end', type: 'time', value: schedule.windowEnd.slice(0, 5), required: true });
  const days = DAYS.map(day => el('input', { type: 'checkbox', id: 'wizard-day-' + day, value: day,
    checked: schedule.callingDays.includes(day) }));
  const maxAttempts = el('input', { id: 'wizard-max-attempts', type: 'number', min: 1, max: 20, value: schedule.maxAttempts, class: 'short' });
  const dailyCap = el('input', { id: 'wizard-daily-cap', type: 'number', min: 1, max: 20, value: schedule.dailyCap, class: 'short' });
  const retryInputs = {};
  for (const [outcome] of RETRIES) {
    retryInputs[outcome] = el('input', { id: 'wizard-retry-' + outcome, type: 'number', min: 0.02, step: 'any',
      value: minutes(schedule.retryDelays[outcome] || schedule.defaultRetryDelay), class: 'short' });
  }
  const retryOther = el('input', { id: 'wizard-retry-other', type: 'number', min: 0.02, step: 'any',
    value: minutes(schedule.defaultRetryDelay), class: 'short' });
  const giveUpRejected = el('input', { type: 'checkbox', id: 'wizard-give-up-rejected',
    checked: schedule.giveUpOn.includes('REJECTED') });
  const step3 = el('fieldset', { 'data-step': '3', hidden: true },
    el('legend', { 'data-i18n': 'wizard.step3' }),
    el('div', { class: 'row' }, field('wizard.windowStart', windowStart, 'wizard.windowHint'),
      field('wizard.windowEnd', windowEnd)),
    el('fieldset', { class: 'plain days' }, el('legend', { 'data-i18n': 'wizard.days' }),
      DAYS.map((day, i) => el('span', { class: 'day' }, days[i], el('label', { for: days[i].id, 'data-i18n': 'dayLong.' + day })))),
    el('div', { class: 'row' }, field('wizard.maxAttempts', maxAttempts), field('wizard.dailyCap', dailyCap)),
    el('fieldset', { class: 'plain' }, el('legend', { 'data-i18n': 'wizard.retries' }),
      el('div', { class: 'row' }, RETRIES.map(([outcome, key]) => field(key, retryInputs[outcome])),
        field('wizard.retryOther', retryOther))),
    el('p', { class: 'choice' }, giveUpRejected, ' ', el('label', { for: giveUpRejected.id, 'data-i18n': 'wizard.giveUpRejected' })));

  // Step 4: summary
  const summary = el('dl', { id: 'wizard-summary', class: 'summary' });
  const step4 = el('fieldset', { 'data-step': '4', hidden: true },
    el('legend', { 'data-i18n': 'wizard.step4' }), summary,
    el('p', { class: 'hint', 'data-i18n': 'summary.draftNote' }));

  const heading = el('h2', { id: 'wizard-title', 'data-i18n': 'wizard.title' });
  const stepHeading = el('p', { id: 'wizard-step', class: 'step-heading', tabindex: '-1' });
  const error = el('p', { id: 'wizard-error', class: 'error', role: 'alert' });
  const back = el('button', { type: 'button', id: 'wizard-back', 'data-i18n': 'wizard.back' });
  const next = el('button', { type: 'button', id: 'wizard-next', class: 'primary', 'data-i18n': 'wizard.next' });
  const create = el('button', { type: 'submit', id: 'wizard-create', class: 'primary', 'data-i18n': 'wizard.create' });
  const close = el('button', { type: 'button', id: 'wizard-close', 'data-i18n': 'wizard.cancel' });
  const form = el('form', { id: 'wizard-form', novalidate: true, 'aria-labelledby': 'wizard-title' },
    step1, step2, step3, step4, error, el('p', { class: 'buttons' }, back, next, create, close));
  fill(container, heading, stepHeading, form);

  function translate() {
    translatePage(container);
    known.forEach(q => {
      container.querySelector('[data-known="' + CSS.escape(q.ref) + '"]').textContent = t('wizard.questionnaireOption', {
        id: q.id, version: q.version, languages: q.languages.map(languageName).join(', '), questions: q.questions,
        source: q.source === 'shipped' ? t('source.shipped') : t('source.campaign', { campaign: q.campaign }) });
    });
    stepHeading.textContent = t('wizard.step', { n: state.step, title: t(STEP_TITLES[state.step - 1]) });
    showQuestions.textContent = t(state.showQuestions ? 'wizard.hideQuestions' : 'wizard.showQuestions');
    renderPreview();
    renderQuestionnaireCheck();
    if (state.step === 4) renderSummary();
  }

  // --- step 1
  roster.addEventListener('change', () => {
    if (state.preview) {
      state.preview = null;
      fill(preview, el('p', { class: 'hint' }, t('wizard.rosterChanged')));
    }
  });
  check.addEventListener('click', checkRoster);

  async function checkRoster() {
    error.textContent = '';
    const file = roster.files[0];
    if (!file) { fail(t('wizard.needRoster'), roster); return; }
    check.disabled = true;
    fill(preview, el('p', { class: 'hint' }, t('wizard.checking')));
    const form = new FormData();
    form.append('roster', file);
    form.append('region', region.value.trim().toUpperCase());
    form.append('language', callLanguage.value);
    try {
      state.preview = await postForm('/api/rosters/preview', form);
      state.previewFile = file;
      renderPreview();
    } catch (e) {
      state.preview = null;
      fill(preview);
      fail(e.message, roster);
    } finally {
      check.disabled = false;
    }
  }

  function renderPreview() {
    const p = state.preview;
    if (!p) return;
    const rows = p.firstRows.map(row => el('tr', { class: row.rejection ? 'rejected' : 'valid' },
      el('th', { scope: 'row' }, row.lineNumber),
      p.columns.map(column => el('td', {}, row.cells[column] ?? '')),
      el('td', {}, row.rejection ? t('preview.rejected', { reason: row.rejection })
        : row.phone + ' · ' + row.timeZone + ' · ' + languageName(row.language))));
    const rejects = p.rejects.map(reject => el('tr', {}, el('th', { scope: 'row' }, reject.lineNumber),
      el('td', {}, reject.reason)));
    fill(preview,
      el('p', { id: 'preview-summary', class: p.valid === 0 ? 'error' : 'ok' },
        t('preview.summary', { rows: p.rows, valid: p.valid, rejected: p.rejected })),
      p.complete ? null : el('p', { class: 'hint' }, t('preview.partial', { rows: p.rows })),
      table(t('preview.first'), [t('preview.line'), ...p.columns, t('preview.calledAs')], rows,
        { id: 'preview-rows', class: 'compact' }),
      rejects.length === 0 ? el('p', { class: 'hint' }, t('preview.noRejects'))
        : table(t('preview.rejects'), [t('rejects.line'), t('rejects.reason')], rejects,
          { id: 'preview-rejects', class: 'compact' }),
      p.rejected > p.rejects.length ? el('p', { class: 'hint' },
        t('preview.moreRejects', { n: p.rejected - p.rejects.length })) : null);
  }

  // --- step 2
  function chooseKnown(q) {
    state.questionnaire = { ref: q.ref, label: q.id + ' (' + q.version + ')', view: null, problems: null };
    renderQuestionnaireCheck();
    api('/api/questionnaires/' + encodeURIComponent(q.ref)).then(view => {
      if (state.questionnaire && state.questionnaire.ref === q.ref) {
        state.questionnaire.view = view;
        renderQuestionnairePreview();
      }
    }).catch(e => fail(e.message));
  }

  uploadRadio.addEventListener('change', () => {
    state.questionnaire = null;
    if (questionnaireFile.files[0]) checkQuestionnaire(); else questionnaireFile.focus();
    renderQuestionnaireCheck();
  });
  questionnaireFile.addEventListener('change', () => {
    uploadRadio.checked = true;
    checkQuestionnaire();
  });

  async function checkQuestionnaire() {
    const file = questionnaireFile.files[0];
    if (!file) return;
    state.questionnaire = { file, label: file.name, view: null, problems: null, checking: true };
    renderQuestionnaireCheck();
    const body = new FormData();
    body.append('questionnaire', file);
    try {
      const view = await postForm('/api/questionnaires/check', body);
      state.questionnaire = { file, label: file.name + ': ' + view.id + ' (' + view.version + ')', view, problems: null };
    } catch (e) {
      const problems = e instanceof ApiError && e.problem && e.problem.problems ? e.problem.problems : [{ line: 0, path: '', message: e.message }];
      state.questionnaire = { file, label: file.name, view: null, problems };
    }
    renderQuestionnaireCheck();
    renderQuestionnairePreview();
  }

  function renderQuestionnaireCheck() {
    const q = state.questionnaire;
    if (!q || !q.file) { fill(questionnaireCheck); showQuestions.hidden = !(q && q.ref); return; }
    if (q.checking) { fill(questionnaireCheck, el('p', { class: 'hint' }, t('wizard.uploadChecking'))); return; }
    if (q.problems) {
      fill(questionnaireCheck, el('p', { class: 'error' }, t('wizard.uploadInvalid', { file: q.file.name })),
        el('ul', { id: 'questionnaire-problems', class: 'problems' }, q.problems.map(p => el('li', {},
          p.line > 0 ? el('strong', {}, t('problem.at', { line: p.line }) + ': ') : null,
          p.path ? el('code', {}, p.path) : null, p.path ? ': ' : null, p.message))));
      showQuestions.hidden = true;
      return;
    }
    fill(questionnaireCheck, el('p', { class: 'ok' }, t('wizard.uploadValid', { id: q.view.id, version: q.view.version })));
    showQuestions.hidden = false;
  }

  showQuestions.addEventListener('click', () => {
    state.showQuestions = !state.showQuestions;
    showQuestions.setAttribute('aria-expanded', String(state.showQuestions));
    showQuestions.textContent = t(state.showQuestions ? 'wizard.hideQuestions' : 'wizard.showQuestions');
    renderQuestionnairePreview();
  });

  function renderQuestionnairePreview() {
    const view = state.questionnaire && state.questionnaire.view;
    questionnairePreview.hidden = !(state.showQuestions && view);
    if (view && state.showQuestions) fill(questionnairePreview, renderQuestionnaire(view));
  }

  // --- step 3 and 4
  function scheduleRequest() {
    const delays = {};
    for (const [outcome] of RETRIES) delays[outcome] = isoMinutes(retryInputs[outcome].value);
    const giveUpOn = schedule.giveUpOn.filter(o => o !== 'REJECTED');
    if (giveUpRejected.checked) giveUpOn.push('REJECTED');
    return {
      windowStart: windowStart.value, windowEnd: windowEnd.value,
      callingDays: days.filter(d => d.checked).map(d => d.value),
      maxAttempts: Number(maxAttempts.value), dailyCap: Number(dailyCap.value),
      retryDelays: delays, defaultRetryDelay: isoMinutes(retryOther.value), giveUpOn,
    };
  }

  function renderSummary() {
    const s = scheduleRequest();
    const p = state.preview;
    const dayNames = s.callingDays.length === 7 ? t('schedule.everyDay') : s.callingDays.map(d => t('day.' + d)).join(', ');
    fill(summary,
      el('dt', {}, t('summary.name')), el('dd', { id: 'summary-name' }, name.value.trim()),
      el('dt', {}, t('summary.roster')), el('dd', { id: 'summary-roster' }, t('summary.rosterValue',
        { file: state.previewFile.name, valid: p.valid, rejected: p.rejected })),
      el('dt', {}, t('summary.questionnaire')), el('dd', { id: 'summary-questionnaire' }, state.questionnaire.label),
      el('dt', {}, t('summary.window')), el('dd', {}, t('schedule.window', { start: s.windowStart, end: s.windowEnd, days: dayNames })),
      el('dt', {}, t('summary.attempts')), el('dd', {}, t('schedule.attempts', { max: s.maxAttempts, cap: s.dailyCap })),
      el('dt', {}, t('summary.retries')), el('dd', {}, t('schedule.retries', { busy: formatDuration(s.retryDelays.BUSY),
        noAnswer: formatDuration(s.retryDelays.NO_ANSWER), other: formatDuration(s.defaultRetryDelay) }),
        s.giveUpOn.length ? el('br') : null,
        s.giveUpOn.length ? t('schedule.giveUp', { outcomes: s.giveUpOn.map(o => t('outcome.' + o)).join(', ') }) : null));
  }

  function fail(message, focus) {
    error.textContent = message;
    if (focus) focus.focus();
  }

  function validate(step) {
    if (step === 1) {
      if (!name.value.trim()) return fail(t('wizard.needName'), name);
      if (!state.preview || state.previewFile !== roster.files[0]) return fail(t('wizard.needRoster'), roster.files[0] ? check : roster);
      if (state.preview.valid === 0) return fail(t('wizard.needValidRows'), roster);
    }
    if (step === 2 && !(state.questionnaire && state.questionnaire.view)) {
      return fail(t('wizard.needQuestionnaire'), state.questionnaire && state.questionnaire.file ? questionnaireFile
        : container.querySelector('input[name=questionnaire]'));
    }
    if (step === 3) {
      for (const input of [windowStart, windowEnd, maxAttempts, dailyCap, retryOther, ...Object.values(retryInputs)]) {
        if (!input.checkValidity()) return fail(input.validationMessage, input);
      }
    }
    return true;
  }

  function show(step) {
    state.step = step;
    error.textContent = '';
    [step1, step2, step3, step4].forEach((fieldset, i) => { fieldset.hidden = i + 1 !== step; });
    back.hidden = step === 1;
    next.hidden = step === 4;
    create.hidden = step !== 4;
    if (step === 4) renderSummary();
    stepHeading.textContent = t('wizard.step', { n: step, title: t(STEP_TITLES[step - 1]) });
    stepHeading.focus();
  }

  next.addEventListener('click', () => { if (validate(state.step) === true) show(state.step + 1); });
  back.addEventListener('click', () => show(state.step - 1));
  close.addEventListener('click', () => onClose());

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    create.disabled = true;
    create.textContent = t('wizard.creating');
    const body = new FormData();
    body.append('name', name.value.trim());
    body.append('roster', state.previewFile);
    if (state.questionnaire.ref) body.append('questionnaireRef', state.questionnaire.ref);
    else body.append('questionnaire', state.questionnaire.file);
    body.append('region', region.value.trim().toUpperCase());
    body.append('language', callLanguage.value);
    body.append('schedule', JSON.stringify(scheduleRequest()));
    try {
      const campaign = await postForm('/api/campaigns', body);
      announce(t('wizard.created', { name: campaign.name }));
      onCreated(campaign);
    } catch (e) {
      const field = e instanceof ApiError && e.problem ? String(e.problem.field || '') : '';
      if (field.startsWith('schedule')) show(3);
      else if (field.startsWith('questionnaire')) show(2);
      else if (field === 'name' || (e.problem && e.problem.type && e.problem.type.endsWith('roster-format'))) show(1);
      fail(e.message);
    } finally {
      create.disabled = false;
      create.textContent = t('wizard.create');
    }
  });

  onLanguageChange(() => { if (container.contains(form)) translate(); });
  translate();
  show(1);
  name.focus();
}
