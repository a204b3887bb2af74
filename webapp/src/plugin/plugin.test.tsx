import React from 'react';

import {getTranslations} from '../i18n/translations';
import {rhsRegistered} from '../state/rhsSlice';
import {stylesElementId} from '../styles/styles';
import {createRecordingRegistry, createRecordingStore} from '../testing/recordingRegistry';

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

  it('registers translations, the reducer, the App Bar item and the header button with valid keys only', () => {
    const {recording} = initializedPlugin();
    expect(recording.calls.map((call) => call.method).sort()).toEqual([
      'registerAppBarComponent',
      'registerChannelHeaderButtonAction',
      'registerReducer',
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

  it('stores the RHS id the host assigned', () => {
    const {recording, store} = initializedPlugin();
    const rhsId = recording.appBarRhs()?.id;
    expect(rhsId).toEqual(expect.any(String));
    expect(store.dispatched).toContainEqual(rhsRegistered(rhsId as string));
  });

  it('injects its stylesheet and removes it on uninitialize', () => {
    const {plugin} = initializedPlugin();
    expect(document.getElementById(stylesElementId)).not.toBeNull();
    plugin.uninitialize();
    expect(document.getElementById(stylesElementId)).toBeNull();
  });
});
