import {mkdtempSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {RunningSimulator} from '../index';
import {fnv1a64Hex, installPlugin} from '../services/plugins';
import {call, seedOrganisation, startTestSimulator, type Organisation} from '../testKit';

describe('webapp plugins (api4/plugin.go getWebappPlugins, model.Manifest.ClientManifest)', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  let dir: string;
  const manifest = {id: 'com.example.baton', name: 'Baton', version: '1.2.3', description: 'Tasks', webapp: {bundle_path: 'webapp/dist/main.js'}, settings_schema: {settings: []}, props: {k: 'v'}};

  beforeEach(async () => {
    sim = await startTestSimulator();
    org = seedOrganisation(sim);
    dir = mkdtempSync(join(tmpdir(), 'sim-plugin-'));
    mkdirSync(join(dir, 'public', 'img'), {recursive: true});
    writeFileSync(join(dir, 'main.js'), 'window.registerPlugin("com.example.baton", {});');
    writeFileSync(join(dir, 'public', 'img', 'icon.svg'), '<svg/>');
    installPlugin(sim.ctx, {manifest, bundleFile: join(dir, 'main.js'), publicDir: join(dir, 'public')});
  });
  afterEach(async () => {
    await sim.stop();
    rmSync(dir, {recursive: true, force: true});
  });

  it('computes FNV-1a 64 like Go hash/fnv (test vectors)', () => {
    expect(fnv1a64Hex(Buffer.from(''))).toBe('cbf29ce484222325');
    expect(fnv1a64Hex(Buffer.from('a'))).toBe('af63dc4c8601ec8c');
    expect(fnv1a64Hex(Buffer.from('foobar'))).toBe('85944171f73967e8');
  });

  it('lists client manifests, no session needed, with bundle_path rewritten and server-only fields dropped', async () => {
    const listed = await call<Array<Record<string, unknown>>>(sim, 'GET', '/api/v4/plugins/webapp');
    expect(listed.status).toBe(200);
    const hash = fnv1a64Hex(Buffer.from('window.registerPlugin("com.example.baton", {});'));
    expect(listed.body).toEqual([{id: 'com.example.baton', name: 'Baton', version: '1.2.3', props: {k: 'v'}, webapp: {bundle_path: `/static/com.example.baton/com.example.baton_${hash}_bundle.js`}}]);
  });

  it('serves the bundle under /static/plugins/ (where the webapp loads it), re-read on every request', async () => {
    const first = await call<Array<{webapp: {bundle_path: string}}>>(sim, 'GET', '/api/v4/plugins/webapp');
    const path = (first.body[0]?.webapp.bundle_path ?? '').replace('/static/', '/static/plugins/');
    const bundle = await fetch(`${sim.url}${path}`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await bundle.text()).toContain('registerPlugin');
    writeFileSync(join(dir, 'main.js'), 'window.registerPlugin("com.example.baton", {v: 2});');
    expect((await fetch(`${sim.url}${path}`)).status).toBe(404);
    const second = await call<Array<{webapp: {bundle_path: string}}>>(sim, 'GET', '/api/v4/plugins/webapp', {token: org.alice.token});
    const rebuilt = await fetch(`${sim.url}${(second.body[0]?.webapp.bundle_path ?? '').replace('/static/', '/static/plugins/')}`);
    expect(await rebuilt.text()).toContain('v: 2');
  });

  it('serves public/ files at /plugins/<id>/public/ and nothing outside it', async () => {
    const icon = await fetch(`${sim.url}/plugins/com.example.baton/public/img/icon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect((await fetch(`${sim.url}/plugins/com.example.baton/public/%2e%2e/main.js`)).status).toBe(404);
    expect((await fetch(`${sim.url}/plugins/com.example.baton/public/missing.png`)).status).toBe(404);
  });

  it('answers 501 app.plugin.disabled.app_error when plugins are off', async () => {
    sim.ctx.config = {...sim.ctx.config, PluginSettings: {Enable: false}};
    const response = await call(sim, 'GET', '/api/v4/plugins/webapp');
    expect(response.body).toMatchObject({id: 'app.plugin.disabled.app_error', status_code: 501});
  });

  it('lists installed plugins for system admins as {active, inactive} manifests (GET /plugins)', async () => {
    const listed = await call<{active: Array<Record<string, unknown>>; inactive: unknown[]}>(sim, 'GET', '/api/v4/plugins', {token: org.admin.token});
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({active: [manifest], inactive: []});
    expect((await call(sim, 'GET', '/api/v4/plugins', {token: org.alice.token})).body).toMatchObject({id: 'api.context.permissions.app_error', status_code: 403});
    sim.ctx.config = {...sim.ctx.config, PluginSettings: {Enable: false}};
    expect((await call(sim, 'GET', '/api/v4/plugins', {token: org.admin.token})).body).toMatchObject({id: 'app.plugin.disabled.app_error', status_code: 501});
  });

  it('disables and enables a plugin (POST /plugins/{id}/disable|enable): it moves between the lists and leaves the webapp list', async () => {
    const disabled = await call(sim, 'POST', '/api/v4/plugins/com.example.baton/disable', {token: org.admin.token});
    expect(disabled.body).toEqual({status: 'OK'});
    expect((await call(sim, 'GET', '/api/v4/plugins', {token: org.admin.token})).body).toEqual({active: [], inactive: [manifest]});
    expect((await call(sim, 'GET', '/api/v4/plugins/webapp')).body).toEqual([]);
    expect((await call(sim, 'POST', '/api/v4/plugins/com.example.baton/enable', {token: org.admin.token})).body).toEqual({status: 'OK'});
    expect((await call<unknown[]>(sim, 'GET', '/api/v4/plugins/webapp')).body).toHaveLength(1);
    expect((await call(sim, 'POST', '/api/v4/plugins/com.example.baton/disable', {token: org.alice.token})).status).toBe(403);
    expect((await call(sim, 'POST', '/api/v4/plugins/missing.plugin/disable', {token: org.admin.token})).body).toMatchObject({id: 'app.plugin.not_installed.app_error', status_code: 404});
  });
});
