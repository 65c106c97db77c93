import { h, show, table } from './dom.js';
import { t } from './i18n.js';
import { timeOfDay } from './format.js';
import { api } from './api.js';
import { fail } from './notify.js';
import { confirmDialog } from './confirm.js';

const user = name => `/users/${encodeURIComponent(name)}`;

// OneWindow's roles (Actor.ROLES), in the order a hall thinks of them; the server (RoleRules) checks whatever is saved
const ROLES = ['clerk', 'reviewer', 'supervisor', 'admin', 'security', 'auditor', 'monitor'];

/**
 * The roles of an account as a choice list: OneWindow's roles, and a dept-<code> for each department of the
 * catalog (and dept-ALL); a role the account holds that is neither stays listed, checked, under its code.
 */
function roleChoices(held, departments, attrs) {
  const known = [...ROLES, ...departments.map(d => `dept-${d.code}`), 'dept-ALL'];
  const box = (role, label) => h('label', { class: 'check role-choice', title: role },
    h('input', { type: 'checkbox', value: role, checked: held.includes(role) }), label);
  const label = role => (role.startsWith('dept-') ? (departments.find(d => `dept-${d.code}` === role) || {}).name || t(`role.${role}`) : t(`role.${role}`));
  const summary = h('summary', { class: 'roles-summary' });
  const choices = h('details', { class: 'roles', ...attrs },
    summary,
    h('fieldset', { class: 'role-group' }, h('legend', {}, t('users.roles.duties')), ROLES.map(r => box(r, t(`role.${r}`)))),
    h('fieldset', { class: 'role-group' }, h('legend', {}, t('users.roles.departments')),
      departments.map(d => box(`dept-${d.code}`, d.name)), box('dept-ALL', t('role.dept-ALL')),
      held.filter(r => !known.includes(r)).map(r => box(r, r))));
  const sum = () => {
    const now = chosen(choices);
    summary.textContent = now.length ? now.map(label).join('、') : t('users.roles.none');
  };
  choices.addEventListener('change', sum);
  sum();
  return choices;
}

const chosen = container => [...container.querySelectorAll('input[type=checkbox]:checked')].map(x => x.value);

/**
 * The security administrator's page: the appliance's users, their roles (OneWindow's and dept-<code>),
 * passwords set for their owners to change, locks to open, second factors to reset.
 */
export function usersPage(main) {
  const list = h('div', { id: 'users' });
  // the catalog's departments, read once for the page: each is a dept-<code> role
  let departments = [];
  let loading = null;
  const loadDepartments = () => {
    loading = loading || api.get('/catalog/departments').catch(() => []).then(list => { departments = list; return list; });
    return loading;
  };
  const render = async () => {
    try {
      const users = await api.get('/users');
      await loadDepartments();
      show(list, table([t('admin.user'), t('admin.roles'), t('users.password'), t('users.state'), t('users.actions')], users.map(u => {
        const roles = roleChoices(u.roles, departments, { 'data-user': u.name });
        const password = h('input', { type: 'password', autocomplete: 'new-password', placeholder: t('admin.newPassword') });
        const run = action => async () => { try { await action(); await render(); } catch (e) { fail(e, list); } };
        // what cannot be taken back (an account gone, a second factor to enrol again) is asked first, naming the account
        const asked = (what, action) => async () => {
          if (await confirmDialog(t('users.confirm.title', { user: u.name }), t(what, { user: u.name }))) await run(action)();
        };
        return h('tr', { 'data-user': u.name }, h('td', {}, u.name), h('td', {}, roles,
          h('button', { type: 'button', class: 'save-roles', onclick: run(() => api.put(`${user(u.name)}/roles`, { roles: chosen(roles) })) }, t('admin.save'))),
        h('td', {}, password, h('button', { type: 'button', onclick: run(() => api.put(`${user(u.name)}/password`, { password: password.value })) }, t('admin.setPassword'))),
        h('td', { class: 'state' },
          u.mustChangePassword ? h('span', { class: 'muted' }, t('users.mustChange')) : '',
          u.secondFactor ? [h('span', { class: 'ok' }, t('users.factor')),
            h('button', { type: 'button', class: 'reset-factor', onclick: asked('users.confirm.resetFactor', () => api.del(`${user(u.name)}/second-factor`)) },
              t('users.resetFactor'))] : '',
          u.lockedUntil ? [h('span', { class: 'error' }, t('admin.locked', { time: timeOfDay(u.lockedUntil) })),
            h('button', { type: 'button', class: 'unlock', onclick: run(() => api.del(`${user(u.name)}/lock`)) }, t('admin.unlock'))] : ''),
        h('td', {}, h('button', { type: 'button', class: 'delete-user', onclick: asked('users.confirm.delete', () => api.del(user(u.name))) },
          t('admin.delete'))));
      })));
    } catch (e) { fail(e, list); }
  };
  const name = h('input', { id: 'new-user', autocomplete: 'off' });
  const password = h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password' });
  const roles = h('div', { class: 'new-roles' });
  loadDepartments().then(list => show(roles, roleChoices(['clerk'], list, { id: 'new-roles', open: true })));
  const form = h('form', { id: 'add-user', onsubmit: async e => {
    e.preventDefault();
    try {
      await api.post('/users', { name: name.value.trim(), password: password.value, roles: chosen(roles) });
      name.value = ''; password.value = '';
      await render();
    } catch (err) { fail(err, form); }
  } }, h('label', {}, t('admin.user'), name), h('label', {}, t('admin.newPassword'), password), h('div', { class: 'field' }, t('admin.roles'), roles),
  h('p', { class: 'muted' }, t('users.firstLogin')),
  h('button', { type: 'submit', id: 'add-user-button' }, t('admin.addUser')));
  show(main, h('h2', {}, t('admin.users')), list, form);
  render();
  return null;
}
