import { h, show, table } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { fail } from './notify.js';

/** A catalog file: first a preview of what would change, then the import with its progress. */
function catalogImport() {
  const file = h('input', { type: 'file', id: 'catalog-file', accept: 'application/json,.json' });
  const preview = h('div', { id: 'catalog-preview' });
  const progress = h('progress', { id: 'catalog-progress', max: 1, value: 0, hidden: true });
  const result = h('p', { id: 'catalog-result' });
  file.addEventListener('change', async () => {
    show(preview);
    result.textContent = '';
    const text = await file.files[0].text();
    try {
      const plan = await api.postWithProgress('/catalog/items?dryRun=true', text, () => {});
      const changed = plan.items.filter(i => i.outcome !== 'UNCHANGED');
      show(preview, h('p', { id: 'catalog-plan' }, t('admin.preview', plan)),
        table([t('item.code'), ''], changed.map(i => h('tr', {}, h('td', {}, i.code), h('td', {}, t(`outcome.${i.outcome}`))))),
        h('button', { type: 'button', id: 'catalog-import', onclick: async () => {
          progress.hidden = false;
          try {
            const done = await api.postWithProgress('/catalog/items', text, share => { progress.value = share; });
            result.textContent = t('admin.imported', done);
          } catch (e) { fail(e, preview); }
        } }, t('admin.import')));
    } catch (e) { fail(e, preview); }
  });
  return h('section', {}, h('h3', {}, t('admin.catalog')), h('label', {}, t('admin.chooseFile'), file), preview, progress, result);
}

/** The node, the catalog import and the relay outbox, with retry of what went dead. */
export function adminPage(main) {
  const importer = catalogImport();
  const render = async () => {
    try {
      const health = await api.get('/health');
      const outbox = await api.get('/relay/outbox?size=100&state=DEAD');
      const retry = id => async () => {
        try { await api.post(`/relay/outbox/${id}/retry`); await render(); } catch (e) { fail(e); }
      };
      show(main, h('h2', {}, t('admin.title')), importer,
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
