import {parse as parseCookie} from 'cookie';
import type {RunningSimulator} from '../index';
import {createBot} from '../services/users';
import type {User} from '../store/entities';
import {call, PASSWORD, seedOrganisation, startTestSimulator, type Organisation} from '../testKit';

describe('users: login and logout (api4/user.go login, Logout)', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  beforeEach(async () => {
    sim = await startTestSimulator();
    org = seedOrganisation(sim);
  });
  afterEach(() => sim.stop());

  it('answers the user with a Token header that authenticates later calls', async () => {
    const login = await call<User>(sim, 'POST', '/api/v4/users/login', {body: {login_id: 'alice', password: PASSWORD}});
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({id: org.alice.user.id, username: 'alice'});
    expect(login.body).not.toHaveProperty('password');
    const token = login.headers.get('token') ?? '';
    expect(token).toMatch(/^[a-z0-9]{26}$/);
    expect((await call<User>(sim, 'GET', '/api/v4/users/me', {token})).body.id).toBe(org.alice.user.id);
    // A plain API client gets no cookies (AttachSessionCookies needs X-Requested-With).
    expect(login.headers.get('set-cookie')).toBeNull();
  });

  it('logs in by email too, case-insensitively', async () => {
    const login = await call(sim, 'POST', '/api/v4/users/login', {body: {login_id: 'ALICE@example.com', password: PASSWORD}});
    expect(login.status).toBe(200);
  });

  it('sets MMAUTHTOKEN (HttpOnly), MMUSERID and MMCSRF for browser requests, and the cookie works with the CSRF header', async () => {
    const login = await call(sim, 'POST', '/api/v4/users/login', {body: {login_id: 'alice', password: PASSWORD}, headers: {'X-Requested-With': 'XMLHttpRequest'}});
    const setCookies = login.headers.getSetCookie();
    const byName = Object.fromEntries(setCookies.map((line) => [line.split('=')[0], line]));
    expect(byName.MMAUTHTOKEN).toMatch(/HttpOnly/);
    expect(byName.MMAUTHTOKEN).toMatch(/Path=\//);
    expect(byName.MMUSERID).not.toMatch(/HttpOnly/);
    expect(byName.MMCSRF).not.toMatch(/HttpOnly/);
    const jar = Object.assign({}, ...setCookies.map((line) => parseCookie(line.split(';')[0] ?? ''))) as Record<string, string>;
    expect(jar.MMUSERID).toBe(org.alice.user.id);
    const cookie = `MMAUTHTOKEN=${jar.MMAUTHTOKEN}; MMUSERID=${jar.MMUSERID}; MMCSRF=${jar.MMCSRF}`;
    expect((await call(sim, 'GET', '/api/v4/users/me', {headers: {cookie}})).status).toBe(200);
    const patch = {nickname: 'ally'};
    expect((await call(sim, 'PUT', '/api/v4/users/me/patch', {headers: {cookie}, body: patch})).status).toBe(401);
    expect((await call(sim, 'PUT', '/api/v4/users/me/patch', {headers: {cookie, 'X-CSRF-Token': jar.MMCSRF ?? ''}, body: patch})).status).toBe(200);
  });

  it('masks a wrong password or an unknown login as invalid credentials (401)', async () => {
    for (const body of [{login_id: 'alice', password: 'wrong'}, {login_id: 'nobody', password: PASSWORD}]) {
      const response = await call(sim, 'POST', '/api/v4/users/login', {body});
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({id: 'api.user.login.invalid_credentials_email_username', status_code: 401});
    }
  });

  it('refuses a deactivated account even before looking at the password', async () => {
    sim.ctx.store.users.set(org.bob.user.id, {...org.bob.user, delete_at: 1});
    const response = await call(sim, 'POST', '/api/v4/users/login', {body: {login_id: 'bob', password: 'whatever'}});
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({id: 'api.user.login.inactive.app_error'});
  });

  it('refuses bots', async () => {
    createBot(sim.ctx, {username: 'helper', owner_id: org.admin.user.id});
    const response = await call(sim, 'POST', '/api/v4/users/login', {body: {login_id: 'helper', password: ''}});
    expect(response.body).toMatchObject({id: 'api.user.login.bot_login_forbidden.app_error', status_code: 401});
  });

  it('logs out: the session is revoked and the cookie cleared', async () => {
    const login = await call(sim, 'POST', '/api/v4/users/login', {body: {login_id: 'alice', password: PASSWORD}});
    const token = login.headers.get('token') ?? '';
    const logout = await call(sim, 'POST', '/api/v4/users/logout', {token});
    expect(logout.status).toBe(200);
    expect(logout.body).toEqual({status: 'OK'});
    expect(logout.headers.get('set-cookie')).toMatch(/^MMAUTHTOKEN=; Max-Age=0; Path=\/; HttpOnly/);
    const after = await call(sim, 'GET', '/api/v4/users/me', {token});
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({id: 'api.context.session_expired.app_error'});
  });
});

describe('users: reading (api4/user.go getUser, getUserByUsername, getUsersByIds, getUsers)', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  beforeAll(async () => {
    sim = await startTestSimulator();
    org = seedOrganisation(sim);
    sim.ctx.store.users.set(org.bob.user.id, {...org.bob.user, notify_props: {desktop: 'all'}});
  });
  afterAll(() => sim.stop());

  it('needs a session', async () => {
    const response = await call(sim, 'GET', '/api/v4/users/me');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({id: 'api.context.session_expired.app_error'});
  });

  it('shows a user their own notify props but sanitizes others (SanitizeProfile)', async () => {
    const self = await call<User>(sim, 'GET', '/api/v4/users/me', {token: org.bob.token});
    expect(self.body.notify_props).toEqual({desktop: 'all'});
    const other = await call<User>(sim, 'GET', `/api/v4/users/${org.bob.user.id}`, {token: org.alice.token});
    expect(other.status).toBe(200);
    expect(other.body.notify_props).toEqual({});
    // PrivacySettings defaults show email and full name.
    expect(other.body).toMatchObject({email: 'bob@example.com', first_name: 'bob'});
  });

  it('hides emails and names from non-admins when PrivacySettings say so', async () => {
    const privacy = sim.ctx.config.PrivacySettings;
    sim.ctx.config = {...sim.ctx.config, PrivacySettings: {ShowEmailAddress: false, ShowFullName: false}};
    try {
      const asAlice = await call<User>(sim, 'GET', `/api/v4/users/${org.bob.user.id}`, {token: org.alice.token});
      expect(asAlice.body).toMatchObject({email: '', first_name: '', last_name: ''});
      const asAdmin = await call<User>(sim, 'GET', `/api/v4/users/${org.bob.user.id}`, {token: org.admin.token});
      expect(asAdmin.body).toMatchObject({email: 'bob@example.com', first_name: 'bob'});
    } finally {
      sim.ctx.config = {...sim.ctx.config, PrivacySettings: privacy};
    }
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    const malformed = await call(sim, 'GET', '/api/v4/users/not-an-id', {token: org.alice.token});
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({id: 'api.context.invalid_url_param.app_error'});
    const unknown = await call(sim, 'GET', `/api/v4/users/${'a'.repeat(26)}`, {token: org.alice.token});
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({id: 'app.user.missing_account.const'});
  });

  it('lets a guest see only people they share a channel with', async () => {
    expect((await call(sim, 'GET', `/api/v4/users/${org.alice.user.id}`, {token: org.guest.token})).status).toBe(200);
    const hidden = await call(sim, 'GET', `/api/v4/users/${org.carol.user.id}`, {token: org.guest.token});
    expect(hidden.status).toBe(403);
    expect(hidden.body).toMatchObject({id: 'api.context.permissions.app_error'});
  });

  it('finds users by username', async () => {
    const found = await call<User>(sim, 'GET', '/api/v4/users/username/bob', {token: org.alice.token});
    expect(found.body.id).toBe(org.bob.user.id);
    const missing = await call(sim, 'GET', '/api/v4/users/username/nobody', {token: org.alice.token});
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({id: 'app.user.get_by_username.app_error'});
  });

  it('returns users by ids, skipping unknown ones, and refuses an empty list', async () => {
    const found = await call<User[]>(sim, 'POST', '/api/v4/users/ids', {token: org.alice.token, body: [org.bob.user.id, org.carol.user.id, 'x'.repeat(26)]});
    expect(found.body.map((user) => user.username).sort()).toEqual(['bob', 'carol']);
    const empty = await call(sim, 'POST', '/api/v4/users/ids', {token: org.alice.token, body: []});
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({id: 'api.context.invalid_body_param.app_error'});
  });

  it('lists channel and team members, sorted by username and paged', async () => {
    const inChannel = await call<User[]>(sim, 'GET', `/api/v4/users?in_channel=${org.general.id}`, {token: org.alice.token});
    expect(inChannel.body.map((user) => user.username)).toEqual(['admin', 'alice', 'bob', 'guest']);
    const page = await call<User[]>(sim, 'GET', `/api/v4/users?in_team=${org.team.id}&page=1&per_page=2`, {token: org.alice.token});
    expect(page.body.map((user) => user.username)).toEqual(['bob', 'carol']);
    const privateChannel = await call(sim, 'GET', `/api/v4/users?in_channel=${org.secret.id}`, {token: org.bob.token});
    expect(privateChannel.status).toBe(403);
  });
});

describe('users: changes (api4/user.go patchUser, updateUserRoles, deleteUser, updateUserActive, createUser)', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  beforeEach(async () => {
    sim = await startTestSimulator();
    org = seedOrganisation(sim);
  });
  afterEach(() => sim.stop());

  it('patches oneself; another user needs edit_other_users', async () => {
    const own = await call<User>(sim, 'PUT', `/api/v4/users/${org.alice.user.id}/patch`, {token: org.alice.token, body: {nickname: 'Al', locale: 'ja'}});
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({nickname: 'Al', locale: 'ja'});
    expect(sim.ctx.store.users.get(org.alice.user.id)?.locale).toBe('ja');
    const other = await call(sim, 'PUT', `/api/v4/users/${org.bob.user.id}/patch`, {token: org.alice.token, body: {nickname: 'B'}});
    expect(other.status).toBe(403);
    expect((await call(sim, 'PUT', `/api/v4/users/${org.bob.user.id}/patch`, {token: org.admin.token, body: {nickname: 'B'}})).status).toBe(200);
  });

  it('rejects a patch field of the wrong type, naming it', async () => {
    const response = await call(sim, 'PUT', '/api/v4/users/me/patch', {token: org.alice.token, body: {nickname: 3}});
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({id: 'api.context.invalid_body_param.app_error', message: 'Invalid or missing nickname in request body.'});
  });

  it('makes an email change by the user themselves confirm the password', async () => {
    const without = await call(sim, 'PUT', '/api/v4/users/me/patch', {token: org.alice.token, body: {email: 'a@new.test'}});
    expect(without.status).toBe(400);
    const wrong = await call(sim, 'PUT', '/api/v4/users/me/patch', {token: org.alice.token, body: {email: 'a@new.test', password: 'nope'}});
    expect(wrong.status).toBe(401);
    const right = await call<User>(sim, 'PUT', '/api/v4/users/me/patch', {token: org.alice.token, body: {email: 'a@new.test', password: PASSWORD}});
    expect(right.body.email).toBe('a@new.test');
  });

  it('updates roles as an admin; validates them like model.IsValidUserRoles', async () => {
    expect((await call(sim, 'PUT', `/api/v4/users/${org.bob.user.id}/roles`, {token: org.alice.token, body: {roles: 'system_user system_admin'}})).status).toBe(403);
    const ok = await call(sim, 'PUT', `/api/v4/users/${org.bob.user.id}/roles`, {token: org.admin.token, body: {roles: 'system_user system_admin'}});
    expect(ok.body).toEqual({status: 'OK'});
    expect(sim.ctx.store.users.get(org.bob.user.id)?.roles).toBe('system_user system_admin');
    for (const roles of ['system_admin', 'system_user wizard', '']) {
      const bad = await call(sim, 'PUT', `/api/v4/users/${org.bob.user.id}/roles`, {token: org.admin.token, body: {roles}});
      expect(bad.status).toBe(400);
    }
  });

  it('deactivates with DELETE (admins only; users may not deactivate themselves by default) and reactivates with PUT active', async () => {
    const self = await call(sim, 'DELETE', '/api/v4/users/me', {token: org.bob.token});
    expect(self.status).toBe(401);
    expect(self.body).toMatchObject({id: 'api.user.update_active.not_enable.app_error'});
    expect((await call(sim, 'DELETE', `/api/v4/users/${org.bob.user.id}`, {token: org.alice.token})).status).toBe(403);
    expect((await call(sim, 'DELETE', `/api/v4/users/${org.bob.user.id}`, {token: org.admin.token})).status).toBe(200);
    expect(sim.ctx.store.users.get(org.bob.user.id)?.delete_at).toBeGreaterThan(0);
    // Bob's sessions are gone.
    expect((await call(sim, 'GET', '/api/v4/users/me', {token: org.bob.token})).status).toBe(401);
    const notBool = await call(sim, 'PUT', `/api/v4/users/${org.bob.user.id}/active`, {token: org.admin.token, body: {active: 'yes'}});
    expect(notBool.body).toMatchObject({id: 'api.context.invalid_body_param.app_error', status_code: 400});
    const forbidden = await call(sim, 'PUT', `/api/v4/users/${org.bob.user.id}/active`, {token: org.alice.token, body: {active: true}});
    expect(forbidden.body).toMatchObject({id: 'api.user.update_active.permissions.app_error', status_code: 403});
    expect((await call(sim, 'PUT', `/api/v4/users/${org.bob.user.id}/active`, {token: org.admin.token, body: {active: true}})).status).toBe(200);
    expect(sim.ctx.store.users.get(org.bob.user.id)?.delete_at).toBe(0);
  });

  it('lets an admin create a user (201, no password in the answer); others are refused', async () => {
    const body = {username: 'dave', email: 'dave@example.com', password: PASSWORD};
    expect((await call(sim, 'POST', '/api/v4/users', {token: org.alice.token, body})).status).toBe(403);
    const created = await call<User>(sim, 'POST', '/api/v4/users', {token: org.admin.token, body});
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({username: 'dave', roles: 'system_user'});
    expect(JSON.stringify(created.body)).not.toContain(PASSWORD);
    expect((await call(sim, 'POST', '/api/v4/users/login', {body: {login_id: 'dave', password: PASSWORD}})).status).toBe(200);
    const duplicate = await call(sim, 'POST', '/api/v4/users', {token: org.admin.token, body});
    expect(duplicate.body).toMatchObject({id: 'app.user.save.username_exists.app_error', status_code: 400});
  });
});
