// A campaign's audit log, for officials: who created, started, paused, resumed and cancelled it, followed
// up its residents, listened to their recordings and exported them, newest first.
import { api } from './api.js';
import { el, fill, table } from './dom.js';
import { t, has, formatTime } from './i18n.js';

const PAGE = 50;

export function createAuditLog(context) {
  const refreshButton = el('button', { type: 'button', id: 'audit-refresh' });
  const more = el('button', { type: 'button', id: 'audit-more', hidden: true });
  const list = el('div', { id: 'audit-list', 'aria-live': 'polite' });
  const root = el('div', { class: 'audit' }, el('p', {}, refreshButton), list, el('p', {}, more));
  let entries = [];

  refreshButton.addEventListener('click', () => load(false));
  more.addEventListener('click', () => load(true));

  async function load(older) {
    const offset = older ? entries.length : 0;
    const page = await api('/api/audit?campaignId=' + encodeURIComponent(context.campaignId)
      + '&offset=' + offset + '&limit=' + PAGE);
    entries = older ? entries.concat(page) : page;
    more.hidden = page.length < PAGE;
    render();
  }

  function render() {
    refreshButton.textContent = t('a.refresh');
    more.textContent = t('a.more');
    if (entries.length === 0) { fill(list, el('p', { class: 'hint' }, t('a.none'))); return; }
    fill(list, table(null, [t('a.when'), t('a.who'), t('a.what'), t('a.subject'), t('a.detail')],
      entries.map(entry => el('tr', { class: 'audit-entry', 'data-action': entry.action },
        el('td', {}, el('time', { datetime: entry.occurredAt }, formatTime(entry.occurredAt))),
        el('td', { class: 'actor' }, entry.actor),
        el('td', {}, has('audit.' + entry.action) ? t('audit.' + entry.action) : entry.action),
        el('td', { class: 'contact-ref' }, entry.subject || ''),
        el('td', {}, entry.detail || ''))), { id: 'audit' }));
  }

  return {
    element: root,
    refresh: () => load(false).catch(error => context.announce(error.message, true)),
    translate: render,
  };
}
