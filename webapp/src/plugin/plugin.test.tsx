import React from 'react';
import {config as zodConfig} from 'zod';

import {getTranslations} from '../i18n/translations';
import {rhsListRequested, rhsRegistered} from '../state/rhsSlice';
import {getSessionState} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';
import {stylesElementId} from '../styles/styles';
import {testEnvironment} from '../testing/environment';
import {createFakeFetch} from '../testing/fakeFetch';
import {connectResponse} from '../testing/fixtures';
import {createTestHostStore, testIds, testSiteUrl} from '../testing/hostStore';
import {createRecordingRegistry, createRecordingStore} from '../testing/recordingRegistry';
import {renderWithIntl, settle} from '../testing/renderWithIntl';

import type {HostComponentProps} from './hostTypes';

import {Plugin} from './plugin';

const iconSvg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" stroke="currentColor"><path d="M1 1h2"/></svg>';

function initializedPlugin() {
  const recording = createRecordingRegistry();
  const store = createRecordingStore();
  const plugin = new Plugin({iconSvg});
  plugin.initialize(recording.registry, store);
  return {plugin, recording, store};
}

describe('Plugin', () => {
  afterEach(() => document.getElementById(stylesElementId)?.remove());

  it('registers translations, the reducer, the App Bar item, the header button, the sidebar counters and the /task hook with valid keys only', () => {
    const {recording} = initializedPlugin();
    expect(recording.calls.map((call) => call.method).sort()).toEqual([
      'registerAppBarComponent',
      'registerChannelHeaderButtonAction',
      'registerLeftSidebarHeaderComponent',
      'registerPostDropdownMenuAction',
      'registerPostTypeComponent',
      'registerReducer',
      'registerSlashCommandWillBePostedHook',
      'registerTranslations',
    ]);
    expect(recording.problems()).toEqual([]);
  });

  it('hands the host a translation lookup by locale', () => {
    const {recording} = initializedPlugin();
    const lookup = recording.calls.find((call) => call.method === 'registerTranslations')?.args[0];
    expect(typeof lookup).toBe('function');
    expect((lookup as (locale: string) => unknown)('ja')).toEqual(getTranslations('ja'));
  });

  it('registers an App Bar item that owns the RHS, with a data: icon', () => {
    const {recording} = initializedPlugin();
    const [appBar] = recording.objectArgs('registerAppBarComponent');
    expect(appBar?.rhsComponent).toEqual(expect.any(Function));
    expect(React.isValidElement(appBar?.rhsTitle)).toBe(true);
    expect(String(appBar?.iconUrl)).toMatch(/^data:image\/svg\+xml/);
  });

  it('toggles the RHS from the App Bar and the channel header by dispatching the thunk', () => {
    const {recording, store} = initializedPlugin();
    const rhs = recording.appBarRhs();
    expect(rhs).toBeDefined();
    const [appBar] = recording.objectArgs('registerAppBarComponent');
    const [header] = recording.objectArgs('registerChannelHeaderButtonAction');
    store.dispatched.length = 0;
    (appBar?.action as () => void)();
    (header?.action as (channel: unknown, member: unknown) => void)({id: 'c1'}, {user_id: 'u1'});
    expect(store.dispatched).toEqual([rhs?.toggleRHSPlugin, rhs?.toggleRHSPlugin]);
    expect(store.dispatched[0]).toBe(rhs?.toggleRHSPlugin);
  });

  it('opens its own RHS from the /task hook and passes other commands on', async () => {
    const {recording, store} = initializedPlugin();
    const rhs = recording.appBarRhs();
    const [{hook} = {}] = recording.objectArgs('registerSlashCommandWillBePostedHook');
    const run = hook as (message: string, args: unknown) => unknown;
    const args = {channel_id: 'c1', team_id: 't1'};
    store.dispatched.length = 0;
    expect(await run('/task board', args)).toEqual({});
    expect(store.dispatched).toEqual([rhsListRequested('channel'), rhs?.showRHSPlugin]);
    expect(await run('/task mine', args)).toEqual({message: '/task mine', args});
    expect(store.dispatched).toHaveLength(2);
  });

  it('stores the RHS id the host assigned', () => {
    const {recording, store} = initializedPlugin();
    const rhsId = recording.appBarRhs()?.id;
    expect(rhsId).toEqual(expect.any(String));
    expect(store.dispatched).toContainEqual(rhsRegistered(rhsId as string));
  });

  it('keeps zod off its eval-based fast path, which the host CSP forbids', () => {
    initializedPlugin();
    expect(zodConfig().jitless).toBe(true);
  });

  it('injects its stylesheet and removes it on uninitialize', () => {
    const {plugin} = initializedPlugin();
    expect(document.getElementById(stylesElementId)).not.toBeNull();
    plugin.uninitialize();
    expect(document.getElementById(stylesElementId)).toBeNull();
  });

  it('fetches nothing while initializing, and connects through its own fetch when the panel opens', async () => {
    const fake = createFakeFetch();
    fake.on('POST', `${testSiteUrl}/api/v4/commands/execute`, {json: connectResponse('token-1', new Date(Date.now() + 3_600_000))});
    const recording = createRecordingRegistry();
    const store = createTestHostStore();
    const plugin = new Plugin({iconSvg, environment: testEnvironment(fake)});
    plugin.initialize(recording.registry, store);
    expect(fake.requests).toEqual([]);

    // The host renders the registered component as it is, with no provider of ours around it.
    const [appBar] = recording.objectArgs('registerAppBarComponent');
    const Panel = appBar?.rhsComponent as React.ComponentType<HostComponentProps>;
    const rendered = renderWithIntl(<Panel/>);
    await settle();
    expect(fake.to('/commands/execute').map((request) => (request.body as {channel_id?: string}).channel_id)).toEqual([testIds.channel]);
    const state = () => getSessionState(store.getState() as GlobalStateWithBaton);
    expect(state().status).toBe('connected');

    rendered.unmount();
    plugin.uninitialize();
    expect(state().status).toBe('idle');
  });
});
