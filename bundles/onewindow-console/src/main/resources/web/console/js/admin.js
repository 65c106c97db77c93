import { h, show, table } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { fail } from './notify.js';
import { filePicker } from './files.js';

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
            // once sent the bar turns indeterminate: the server checks and writes the whole file in one transaction
            const done = await api.postWithProgress('/catalog/items', text, share => {
              if (share === null) { progress.removeAttribute('value'); result.textContent = t('admin.importing'); } else progress.value = share;
            });
            result.textContent = t('admin.imported', done);
          } catch (e) { fail(e, preview); }
        } }, t('admin.import')));
    } catch (e) { fail(e, preview); }
  });
  return h('section', {}, h('h3', {}, t('admin.catalog')), h('div', { class: 'file-field' }, t('admin.chooseFile'), ' ', filePicker(file)), preview, progress, result);
}

/** This district's link to the city hub: registration, state, what the hub has acknowledged, the backlog. */
function replicationSection() {
  const status = h('p', { id: 'replication' });
  // the key this appliance made: district IT reads its fingerprint out to the city administrator, who compares it before approving
  const key = h('p', { id: 'replication-key' });
  // wide enough for a city hub's whole address, read before it is registered
  const url = h('input', { id: 'hub-url', type: 'url', class: 'wide', placeholder: 'https://hub.example:8443' });
  const enrolment = h('input', { id: 'enrolment-code', type: 'text', autocomplete: 'off', placeholder: 'XXXX-XXXX-XXXX-XXXX' });
  const render = async () => {
    try {
      const link = await api.get('/replication');
      status.textContent = link.hubUrl ? t('admin.replication.status', { hub: link.hubUrl, state: t(`city.state.${link.state}`),
        acked: link.acked, journal: link.journalLastSeq, backlog: link.backlog }) + (link.lastError ? ` · ${link.lastError}` : '')
        : t('admin.replication.none');
      key.textContent = link.fingerprint ? t('admin.replication.key', { algorithm: link.keyAlgorithm, fingerprint: link.fingerprint }) : '';
      hubCert.textContent = link.hubCertificate ? t('admin.replication.hubCertificate', { fingerprint: link.hubCertificate }) : '';
      restore.replaceChildren(...restoreLines(link));
    } catch (e) { status.textContent = t('admin.replication.unavailable'); }
  };
  // intake held (just started, or restored from an older copy) and the last restore's reconciliation with the hub
  const restore = h('div', { id: 'replication-restore' });
  // the hub's TLS certificate: shown at the first registration, registered only once district IT confirmed its fingerprint
  const hubCert = h('p', { id: 'hub-certificate' });
  const offer = h('div', { id: 'hub-certificate-offer' });
  const register = async (hubFingerprint) => {
    const body = { hubUrl: url.value.trim() };
    if (enrolment.value.trim()) body.enrolmentCode = enrolment.value.trim();
    if (hubFingerprint) body.hubFingerprint = hubFingerprint;
    offer.replaceChildren();
    try {
      await api.post('/replication/registration', body);
      enrolment.value = '';
      await render();
    } catch (err) {
      const presented = (err.details || []).find(d => d.field === 'fingerprint');
      if (err.code === 'HUB_CERTIFICATE_UNCONFIRMED' && presented) {
        offer.replaceChildren(h('p', {}, t('admin.replication.hubCertificateOffer', { fingerprint: presented.message })),
          h('button', { type: 'button', id: 'hub-certificate-confirm', onclick: () => register(presented.message) },
            t('admin.replication.hubCertificateConfirm')));
      } else {
        fail(err, form);
      }
    }
  };
  const form = h('form', { id: 'hub-register', onsubmit: async e => { e.preventDefault(); await register(null); } },
    h('label', {}, t('admin.replication.hubUrl'), url), h('label', {}, t('admin.replication.enrolmentCode'), enrolment),
    h('button', { type: 'submit' }, t('admin.replication.register')));
  render();
  return h('section', {}, h('h3', {}, t('admin.replication')), status, key, hubCert, restore, form, offer);
}

/** Why new cases wait, and the last restore as the hub found it: its state, figures and what district IT must look at. */
function restoreLines(link) {
  const out = [];
  if (link.intakeHold) {
    out.push(h('p', { class: 'error', id: 'intake-hold' }, t('admin.replication.intakeHold', { code: link.intakeHold, message: link.intakeHoldMessage })));
  }
  const r = link.restore;
  if (r) {
    out.push(h('p', { id: 'restore-state' }, t(`admin.replication.restore.${r.state}`, { detected: r.detectedAt, point: r.restorePoint,
      hubAcked: r.hubAcked, records: r.recordsRestored, rebased: r.rebasedAt ?? '-', at: r.reconciledAt ?? '-' })
      + (r.lastError ? ` · ${r.lastError}` : '')));
    if (r.notes && r.notes.length) {
      out.push(h('table', { id: 'restore-notes' }, h('thead', {}, h('tr', {}, h('th', {}, t('admin.replication.restore.kind')),
        h('th', {}, t('admin.replication.restore.key')), h('th', {}, t('admin.replication.restore.detail')))),
      h('tbody', {}, ...r.notes.map(n => h('tr', {}, h('td', {}, t(`admin.replication.restore.note.${n.kind}`)), h('td', {}, n.key || ''),
        h('td', {}, n.detail))))));
    }
  }
  return out;
}

const gib = bytes => (bytes / 1073741824).toFixed(1);

/** What the node's health says (the same as GET /health/details and onewindow:status): status, reasons, what is still starting, the disk. */
function healthSection(health) {
  const waiting = health.capabilities.filter(c => !c.ready);
  return h('div', { id: 'health' },
    h('p', { id: 'health-status', 'data-status': health.status, class: health.status === 'UP' ? '' : 'error' },
      t('admin.health.status', { status: t(`admin.health.${health.status}`) })),
    health.reasons.length === 0 ? '' : h('ul', { id: 'health-reasons' }, health.reasons.map(r => h('li', { class: 'error', 'data-code': r.code }, r.message))),
    waiting.length === 0 ? '' : h('ul', { id: 'health-waiting' }, waiting.map(c => h('li', {}, t('admin.health.waiting', { name: c.name, what: c.waitingFor.join('、') })))),
    health.storage ? h('p', { id: 'health-disk' }, t('admin.health.disk', { free: gib(health.storage.freeBytes), total: gib(health.storage.totalBytes),
      threshold: gib(health.storage.thresholdBytes) })) : '');
}

/** 备份: the last good backup, the last attempt, the schedule, and a backup made now (GET/POST /backups). */
function backupSection() {
  const line = h('p', { id: 'backup' });
  const result = h('p', { id: 'backup-result' });
  const render = async () => {
    try {
      const b = await api.get('/backups');
      const last = b.backups[0];
      line.className = b.overdue || b.lastSucceeded === false ? 'error' : '';
      line.textContent = [
        last ? t('admin.backup.last', { at: b.lastGoodAt || last.finishedAt, name: last.name, size: gib(last.sizeBytes), count: b.backups.length })
          : t('admin.backup.none'),
        b.lastSucceeded === false ? t('admin.backup.failed', { at: b.lastAttemptAt, error: b.lastError || '' }) : '',
        b.overdue ? t('admin.backup.overdue') : '',
        b.dailyAt ? t('admin.backup.daily', { at: b.dailyAt, keep: b.keep, directory: b.directory }) : t('admin.backup.manual', { directory: b.directory })
      ].filter(x => x).join(' · ');
    } catch (e) { line.textContent = t('admin.backup.unavailable'); }
  };
  const button = h('button', { type: 'button', id: 'backup-now', onclick: async () => {
    button.disabled = true;
    result.textContent = t('admin.backup.running');
    try {
      const made = await api.post('/backups');
      result.textContent = t('admin.backup.made', { name: made.name, cases: made.cases, scans: made.scans, newScans: made.newScans, size: gib(made.sizeBytes) });
    } catch (e) { result.textContent = ''; fail(e); }
    button.disabled = false;
    await render();
  } }, t('admin.backup.now'));
  render();
  return h('section', {}, h('h3', {}, t('admin.backup')), line, button, result);
}

/**
 * The system administrator's page: the node and its health, the catalog import, the link to the city hub and the relay
 * outbox, with retry of what went dead. Users and roles are the security administrator's (users.js).
 */
export function adminPage(main) {
  const importer = catalogImport();
  const replication = replicationSection();
  const backup = backupSection();
  const render = async () => {
    try {
      const health = await api.get('/health/details');
      const outbox = await api.get('/relay/outbox?size=100&state=DEAD');
      const retry = id => async () => {
        try { await api.post(`/relay/outbox/${id}/retry`); await render(); } catch (e) { fail(e); }
      };
      show(main, h('h2', {}, t('admin.title')), importer,
        h('h3', {}, t('admin.node')), h('p', { id: 'node', 'data-role': health.role, 'data-status': health.status }, t('admin.node.line', { node: health.node,
          role: t(`node.role.${health.role}`), version: health.version, status: t(`admin.health.${health.status}`) })),
        healthSection(health), backup,
        health.role === 'hub' ? '' : replication,
        h('h3', {}, t('admin.outbox')), h('p', { id: 'outbox-counts' }, Object.entries(outbox.counts || {}).flatMap(([state, n], i) => [i ? ' · ' : '',
          h('span', { class: 'outbox-count', 'data-state': state, 'data-count': n }, t('admin.outbox.count', { state: t(`outbox.state.${state}`), n }))])),
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
