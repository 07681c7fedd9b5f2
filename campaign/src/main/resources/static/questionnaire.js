// A questionnaire as an official reads it before it calls anyone: every text a resident hears, in one of
// the questionnaire's languages, the questions in asking order with the conditions of follow-ups, and the
// triage rules. The caller may add controls beside each prompt (play, upload).
import { el, uid } from './dom.js';
import { t, has } from './i18n.js';

const LANGUAGE_NAMES = { ko: '한국어', en: 'English' };

/** The name of a questionnaire language, e.g. 한국어 for ko. */
export function languageName(code) { return LANGUAGE_NAMES[code] || code; }

/** Option labels by question id and option id, in a language, to show answers by their words. */
export function optionLabels(view, language) {
  const labels = {};
  for (const question of view.questions) {
    if (!question.options) continue;
    labels[question.id] = {};
    for (const option of question.options) labels[question.id][option.id] = option.label[language] || option.id;
  }
  return labels;
}

/** An answer's value in words: yes/no, option labels, numbers with their unit. */
export function valueText(view, questionId, value, language) {
  if (value === null || value === undefined) return t('value.none');
  if (value === true) return t('value.yes');
  if (value === false) return t('value.no');
  const labels = (view && optionLabels(view, language)[questionId]) || {};
  if (Array.isArray(value)) return value.map(v => labels[v] || v).join(', ');
  if (typeof value === 'string' && labels[value]) return labels[value];
  const question = view && view.questions.find(q => q.id === questionId);
  if (typeof value === 'number' && question && question.number) return value + ' ' + question.number.unit;
  return String(value);
}

/** A follow-up or triage condition in words. */
export function conditionText(view, condition, language) {
  if (condition.all) return condition.all.map(c => wrap(view, c, language)).join(t('cond.and'));
  if (condition.any) return condition.any.map(c => wrap(view, c, language)).join(t('cond.or'));
  if (condition.not) return t('cond.not', { c: conditionText(view, condition.not, language) });
  if (condition.op === 'answered') return t('cond.answered.' + Boolean(condition.value), { q: condition.question });
  const key = 'cond.' + condition.op;
  const text = { q: condition.question, v: valueText(view, condition.question, condition.value, language) };
  return has(key) ? t(key, text) : condition.question + ' ' + condition.op + ' ' + text.v;
}

function wrap(view, condition, language) {
  const text = conditionText(view, condition, language);
  return condition.all || condition.any ? '(' + text + ')' : text;
}

/**
 * The questionnaire, with a choice of its languages for the texts.
 *
 * @param view      the API's QuestionnaireView
 * @param options   { promptControls(prompt, language) → node or null, language, onLanguage(code) }
 */
export function renderQuestionnaire(view, options = {}) {
  const container = el('div', { class: 'questionnaire', 'data-questionnaire': view.id });
  let language = view.languages.includes(options.language) ? options.language : view.languages[0];
  const body = el('div');
  const chooserId = uid('q-language');
  const chooser = el('select', { id: chooserId },
    view.languages.map(code => el('option', { value: code, selected: code === language }, languageName(code))));
  chooser.addEventListener('change', () => {
    language = chooser.value;
    if (options.onLanguage) options.onLanguage(language);
    draw();
  });
  container.append(el('p', { class: 'field inline' }, el('label', { for: chooserId }, t('q.textLanguage')), ' ', chooser),
    body);

  function draw() {
    body.replaceChildren(
      el('h4', {}, t('q.messages')),
      el('ul', { class: 'prompts' }, view.messages.map(message =>
        el('li', { 'data-prompt': message.promptId || message.kind },
          el('span', { class: 'prompt-kind' }, t('msg.' + message.kind)), ' ',
          el('q', { lang: language }, message.text[language] || ''),
          controls(message)))),
      el('h4', {}, t('q.questions')),
      el('ol', { class: 'questions' }, view.questions.map(question)),
      el('h4', {}, t('q.triage')),
      el('ul', { class: 'triage' }, view.triage.map(rule =>
        el('li', { 'data-flag': rule.id },
          el('span', { class: 'flag' }, rule.id), ' ', rule.description, ' — ',
          el('span', { class: 'condition' }, conditionText(view, rule.when, language))))),
      readBacks());
  }

  // Many (one per value a flag may look at): listed only when the official opens them.
  function readBacks() {
    const prompts = (view.readBacks || []).filter(prompt => prompt.text[language]);
    if (prompts.length === 0) return null;
    const list = el('ul', { class: 'prompts read-backs' });
    const details = el('details', { class: 'read-backs' },
      el('summary', {}, t('q.readBacks', { n: prompts.length })), el('p', { class: 'hint' }, t('q.readBacksHint')), list);
    details.addEventListener('toggle', () => {
      if (!details.open || list.childElementCount > 0) return;
      list.append(...prompts.map(prompt => el('li', { 'data-prompt': prompt.promptId },
        el('code', { class: 'prompt-kind' }, prompt.promptId), ' ',
        el('q', { lang: language }, prompt.text[language]), controls(prompt))));
    });
    return details;
  }

  function controls(prompt) {
    if (!prompt.promptId || !options.promptControls) return null;
    return options.promptControls(prompt, language);
  }

  function question(q) {
    const details = [];
    if (q.consent) details.push(el('p', { class: 'hint' }, t('q.consent')));
    if (q.askedWhen) {
      details.push(el('p', { class: 'condition' },
        t('q.askedWhen', { condition: conditionText(view, q.askedWhen, language) })));
    }
    if (q.number) {
      details.push(el('p', {}, t('q.range', { min: q.number.min, max: q.number.max, unit: q.number.unit })));
    }
    if (q.options) {
      details.push(el('p', {}, t('q.options') + (q.multiple ? ' (' + t('q.multiple') + ')' : '') + ': ',
        q.options.map((option, i) => [i > 0 ? ', ' : '', el('span', { lang: language, 'data-option': option.id },
          option.label[language] || option.id), option.exclusive ? ' (' + t('q.exclusive') + ')' : ''])));
    }
    if (q.keys) {
      details.push(el('p', {}, t('q.keys', { keys: Object.entries(q.keys)
        .map(([key, answer]) => key + ' = ' + valueText(view, q.id, answer === 'yes' ? true : answer === 'no' ? false : answer, language))
        .join(', ') })));
    }
    details.push(el('p', { class: 'hint' }, t('q.threshold', { percent: Math.round(q.confidenceThreshold * 100) })));
    return el('li', { class: 'question depth-' + Math.min(q.depth, 3), 'data-question': q.id },
      el('h5', {}, el('code', {}, q.id), ' · ', t('q.type.' + q.type)),
      details,
      el('ul', { class: 'prompts' }, q.prompts.map(prompt =>
        el('li', { 'data-prompt': prompt.promptId },
          el('span', { class: 'prompt-kind' }, t('prompt.' + prompt.kind)), ' ',
          el('q', { lang: language }, prompt.text[language] || ''),
          controls(prompt)))));
  }

  draw();
  return container;
}
