import type {RunningSimulator} from '../index';
import {createBot} from '../services/users';
import type {Bot, User} from '../store/entities';
import {call, seedOrganisation, startTestSimulator, type Organisation} from '../testKit';

describe('bots (api4/bot.go)', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  beforeEach(async () => {
    sim = await startTestSimulator({ServiceSettings: {EnableBotAccountCreation: true}});
    org = seedOrganisation(sim);
  });
  afterEach(() => sim.stop());

  it('lets an admin create a bot (201) that is a user with is_bot and a @localhost email', async () => {
    const created = await call<Bot>(sim, 'POST', '/api/v4/bots', {token: org.admin.token, body: {username: 'baton', display_name: 'Baton', description: 'Tasks'}});
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({username: 'baton', display_name: 'Baton', description: 'Tasks', owner_id: org.admin.user.id, delete_at: 0});
    const user = await call<User>(sim, 'GET', `/api/v4/users/${created.body.user_id}`, {token: org.admin.token});
    expect(user.body).toMatchObject({is_bot: true, email: 'baton@localhost', bot_description: 'Tasks'});
    const taken = await call(sim, 'POST', '/api/v4/bots', {token: org.admin.token, body: {username: 'baton'}});
    expect(taken.status).toBe(400);
  });

  it('refuses with api.bot.create_disabled when EnableBotAccountCreation is off, and users without create_bot', async () => {
    expect((await call(sim, 'POST', '/api/v4/bots', {token: org.alice.token, body: {username: 'mine'}})).status).toBe(403);
    sim.ctx.config = {...sim.ctx.config, ServiceSettings: {...sim.ctx.config.ServiceSettings, EnableBotAccountCreation: false}};
    const disabled = await call(sim, 'POST', '/api/v4/bots', {token: org.admin.token, body: {username: 'other'}});
    expect(disabled.body).toMatchObject({id: 'api.bot.create_disabled', status_code: 403});
  });

  it('hides bots from users who may not read them (404, not 403)', async () => {
    const bot = createBot(sim.ctx, {username: 'baton', owner_id: org.admin.user.id});
    expect((await call<Bot>(sim, 'GET', `/api/v4/bots/${bot.user_id}`, {token: org.admin.token})).body.user_id).toBe(bot.user_id);
    const hidden = await call(sim, 'GET', `/api/v4/bots/${bot.user_id}`, {token: org.alice.token});
    expect(hidden.body).toMatchObject({id: 'store.sql_bot.get.missing.app_error', status_code: 404});
    expect((await call(sim, 'GET', '/api/v4/bots', {token: org.alice.token})).status).toBe(403);
    expect((await call<Bot[]>(sim, 'GET', '/api/v4/bots', {token: org.admin.token})).body.map((item) => item.username)).toEqual(['baton']);
  });

  it('disables and enables a bot with POST, deactivating its user', async () => {
    const bot = createBot(sim.ctx, {username: 'baton', owner_id: org.admin.user.id});
    const disabled = await call<Bot>(sim, 'POST', `/api/v4/bots/${bot.user_id}/disable`, {token: org.admin.token});
    expect(disabled.body.delete_at).toBeGreaterThan(0);
    expect(sim.ctx.store.users.get(bot.user_id)?.delete_at).toBeGreaterThan(0);
    expect((await call<Bot[]>(sim, 'GET', '/api/v4/bots', {token: org.admin.token})).body).toEqual([]);
    expect((await call<Bot[]>(sim, 'GET', '/api/v4/bots?include_deleted=true', {token: org.admin.token})).body).toHaveLength(1);
    const enabled = await call<Bot>(sim, 'POST', `/api/v4/bots/${bot.user_id}/enable`, {token: org.admin.token});
    expect(enabled.body.delete_at).toBe(0);
    expect((await call(sim, 'POST', `/api/v4/bots/${bot.user_id}/disable`, {token: org.alice.token})).status).toBe(404);
  });

  it('patches a bot (PUT): only the given fields change, and its user follows', async () => {
    const bot = createBot(sim.ctx, {username: 'baton', display_name: 'Old', description: 'old', owner_id: org.admin.user.id});
    const patched = await call<Bot>(sim, 'PUT', `/api/v4/bots/${bot.user_id}`, {token: org.admin.token, body: {display_name: 'Baton'}});
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({username: 'baton', display_name: 'Baton', description: 'old'});
    expect(sim.ctx.store.users.get(bot.user_id)).toMatchObject({first_name: 'Baton', bot_description: 'old'});
    expect((await call(sim, 'PUT', `/api/v4/bots/${bot.user_id}`, {token: org.alice.token, body: {description: 'x'}})).status).toBe(404);
  });

  describe('icon (POST/GET /bots/{id}/icon)', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>';
    const upload = (botUserId: string, token: string, form: FormData) =>
      fetch(`${sim.url}/api/v4/bots/${botUserId}/icon`, {method: 'POST', headers: {Authorization: `Bearer ${token}`}, body: form});
    const svgForm = (text: string) => {
      const form = new FormData();
      form.append('image', new Blob([text], {type: 'image/svg+xml'}), 'icon.svg');
      return form;
    };

    it('answers 404 before an icon is set, then stores the SVG from the multipart file `image` and serves it back', async () => {
      const bot = createBot(sim.ctx, {username: 'baton', owner_id: org.admin.user.id});
      const missing = await call(sim, 'GET', `/api/v4/bots/${bot.user_id}/icon`, {token: org.admin.token});
      expect(missing.body).toMatchObject({id: 'api.bot.get_bot_icon_image.read.app_error', status_code: 404});

      const set = await upload(bot.user_id, org.admin.token, svgForm(svg));
      expect(set.status).toBe(200);
      expect(await set.json()).toEqual({status: 'OK'});
      expect(sim.ctx.store.bots.get(bot.user_id)?.last_icon_update).toBeGreaterThan(0);

      const icon = await fetch(`${sim.url}/api/v4/bots/${bot.user_id}/icon`, {headers: {Authorization: `Bearer ${org.alice.token}`}});
      expect(icon.status).toBe(200);
      expect(icon.headers.get('content-type')).toBe('image/svg+xml');
      expect(await icon.text()).toBe(svg);
    });

    it('refuses a body without the file, a file that is not SVG, and callers who may not manage the bot', async () => {
      const bot = createBot(sim.ctx, {username: 'baton', owner_id: org.admin.user.id});
      const plainField = new FormData();
      plainField.append('image', svg);
      expect(await (await upload(bot.user_id, org.admin.token, plainField)).json()).toMatchObject({id: 'api.bot.set_bot_icon_image.no_file.app_error', status_code: 400});
      expect(await (await upload(bot.user_id, org.admin.token, svgForm('not an image'))).json()).toMatchObject({id: 'api.bot.set_bot_icon_image.parse.app_error', status_code: 400});
      expect((await upload(bot.user_id, org.alice.token, svgForm(svg))).status).toBe(404);
      expect(sim.ctx.store.botIcons.has(bot.user_id)).toBe(false);
    });
  });
});
