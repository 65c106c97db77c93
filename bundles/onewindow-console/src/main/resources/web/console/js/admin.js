import { h, show, table } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { fail } from './notify.js';

/** The node and the relay outbox, with retry of what went dead. */
export function adminPage(main) {
  const render = async () => {
    try {
      const health = await api.get('/health');
      const outbox = await api.get('/relay/outbox?size=100&state=DEAD');
      const retry = id => async () => {
        try { await api.post(`/relay/outbox/${id}/retry`); await render(); } catch (e) { fail(e); }
      };
      show(main, h('h2', {}, t('admin.title')),
        h('h3', {}, t('admin.node')), h('p', { id: 'node' }, `${health.node} · ${health.role} · ${health.version} · ${health.status}`),
        h('h3', {}, t('admin.outbox')), h('p', {}, Object.entries(outbox.counts || {}).map(([k, v]) => `${k} ${v}`).join(' · ')),
        outbox.items.length === 0 ? h('p', {}, t('admin.none')) : table(['', '', '', ''], outbox.items.map(x => h('tr', {},
          h('td', {}, x.caseNo), h('td', {}, x.departmentCode), h('td', {}, x.lastError || ''),
          h('td', {}, h('button', { type: 'button', onclick: retry(x.id) }, t('admin.retry')))))),
        outbox.items.length === 0 ? '' : h('button', { type: 'button', onclick: async () => {
          try { await api.post('/relay/outbox/retry-dead'); await render(); } catch (e) { fail(e); }
        } }, t('admin.retryDead')));
    } catch (e) { fail(e); }
  };
  render();
  return null;
}
