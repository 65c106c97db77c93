import { h, show, table } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { fail } from './notify.js';

const split = text => text.split(/[,，\s]+/).map(r => r.trim()).filter(Boolean);
const user = name => `/users/${encodeURIComponent(name)}`;

/**
 * The security administrator's page: the appliance's users, their roles (OneWindow's and dept-<code>),
 * passwords set for their owners to change, locks to open, second factors to reset.
 */
export function usersPage(main) {
  const list = h('div', { id: 'users' });
  const render = async () => {
    try {
      const users = await api.get('/users');
      show(list, table([t('admin.user'), t('admin.roles'), '', t('users.state'), ''], users.map(u => {
        const roles = h('input', { value: u.roles.join(', '), 'data-user': u.name, class: 'roles' });
        const password = h('input', { type: 'password', autocomplete: 'new-password', placeholder: t('admin.newPassword') });
        const run = action => async () => { try { await action(); await render(); } catch (e) { fail(e, list); } };
        return h('tr', { 'data-user': u.name }, h('td', {}, u.name), h('td', {}, roles,
          h('button', { type: 'button', class: 'save-roles', onclick: run(() => api.put(`${user(u.name)}/roles`, { roles: split(roles.value) })) }, t('admin.save'))),
        h('td', {}, password, h('button', { type: 'button', onclick: run(() => api.put(`${user(u.name)}/password`, { password: password.value })) }, t('admin.setPassword'))),
        h('td', { class: 'state' },
          u.mustChangePassword ? h('span', { class: 'muted' }, t('users.mustChange')) : '',
          u.secondFactor ? [h('span', { class: 'ok' }, t('users.factor')),
            h('button', { type: 'button', class: 'reset-factor', onclick: run(() => api.del(`${user(u.name)}/second-factor`)) }, t('users.resetFactor'))] : '',
          u.lockedUntil ? [h('span', { class: 'error' }, t('admin.locked', { time: new Date(u.lockedUntil).toLocaleTimeString() })),
            h('button', { type: 'button', class: 'unlock', onclick: run(() => api.del(`${user(u.name)}/lock`)) }, t('admin.unlock'))] : ''),
        h('td', {}, h('button', { type: 'button', onclick: run(() => api.del(user(u.name))) }, t('admin.delete'))));
      })));
    } catch (e) { fail(e, list); }
  };
  const name = h('input', { id: 'new-user', autocomplete: 'off' });
  const password = h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password' });
  const roles = h('input', { id: 'new-roles', value: 'clerk' });
  const form = h('form', { id: 'add-user', onsubmit: async e => {
    e.preventDefault();
    try {
      await api.post('/users', { name: name.value.trim(), password: password.value, roles: split(roles.value) });
      name.value = ''; password.value = '';
      await render();
    } catch (err) { fail(err, form); }
  } }, h('label', {}, t('admin.user'), name), h('label', {}, t('admin.newPassword'), password), h('label', {}, t('admin.roles'), roles),
  h('p', { class: 'muted' }, t('users.firstLogin')),
  h('button', { type: 'submit', id: 'add-user-button' }, t('admin.addUser')));
  show(main, h('h2', {}, t('admin.users')), list, form);
  render();
  return null;
}
