import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

import * as esbuild from 'esbuild';
import {JSDOM} from 'jsdom';
import React from 'react';
import * as ReactDOM from 'react-dom';
import {renderToStaticMarkup} from 'react-dom/server';
import * as ReactIntl from 'react-intl';
import * as ReactRedux from 'react-redux';
import * as Redux from 'redux';

import {createRecordingRegistry, createRecordingStore} from '../webapp/src/testing/recordingRegistry';
import type {HostComponentProps, HostPlugin} from '../webapp/src/plugin/hostTypes';

import {webappDir} from './paths';
import {buildWebapp, esbuildOptions, hostGlobals} from './webapp-build';

jest.setTimeout(60_000);

// Strings found only in the libraries' own code, one per host library.
const libraryMarkers: Record<string, string> = {
  'react': '__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED',
  'react-dom': '__reactContainer$',
  'redux': '@@redux/INIT',
  'react-redux': 'react-redux-context',
  'react-intl': '[React Intl]',
};

// Imports every host library the way plugin code might, subpaths included.
const probeEntry = `
import * as React from 'react';
import * as ReactDOMClient from 'react-dom/client';
import * as Redux from 'redux';
import * as ReactRedux from 'react-redux';
import * as ReactIntl from 'react-intl';
window.probe = [React.createElement, ReactDOMClient.createRoot, Redux.createStore, ReactRedux.Provider, ReactIntl.FormattedMessage];
`;

async function bundleProbe(withHostGlobals: boolean): Promise<string> {
  const options = esbuildOptions({mode: 'production', outfile: 'probe.js'});
  const result = await esbuild.build({
    ...options,
    entryPoints: undefined,
    stdin: {contents: probeEntry, resolveDir: webappDir, loader: 'js'},
    plugins: withHostGlobals ? options.plugins : [],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

function foundMarkers(code: string): string[] {
  return Object.entries(libraryMarkers).filter(([, marker]) => code.includes(marker)).map(([name]) => name);
}

describe('host library markers', () => {
  it('are found when the libraries are bundled (so their absence below means something)', async () => {
    expect(foundMarkers(await bundleProbe(false))).toEqual(Object.keys(libraryMarkers));
  });

  it('are gone when the host globals plugin is on, subpaths included', async () => {
    const code = await bundleProbe(true);
    expect(foundMarkers(code)).toEqual([]);
    expect(code).toContain('window.ReactDOM');
  });
});

describe('production webapp bundle', () => {
  let outDir: string;
  let code: string;

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-webapp-'));
    const size = await buildWebapp({mode: 'production', outfile: path.join(outDir, 'main.js'), regenerateManifest: false});
    expect(size.bytes).toBeGreaterThan(0);
    expect(size.gzipBytes).toBeLessThan(size.bytes);
    code = fs.readFileSync(path.join(outDir, 'main.js'), 'utf8');
  });

  afterAll(() => fs.rmSync(outDir, {recursive: true, force: true}));

  it('is one IIFE file with no source map', () => {
    expect(fs.readdirSync(outDir)).toEqual(['main.js']);
    expect(code).toMatch(/^(?:"use strict";)?\(\(\)=>\{[\s\S]*\}\)\(\);\s*$/);
    expect(code).not.toContain('sourceMappingURL');
  });

  it('contains no copy of a host library', () => {
    expect(foundMarkers(code)).toEqual([]);
  });

  it('reads the host libraries from window', () => {
    for (const globalName of ['React', 'ReactIntl', 'Redux']) {
      expect(code).toContain(`window.${globalName}`);
    }
  });

  it('uses nothing the host CSP forbids', () => {
    expect(code).not.toMatch(/\beval\s*\(/);
    expect(code).not.toMatch(/new\s+Function\b/);
  });

  describe('run in a page', () => {
    const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>');
    const registered: {id: unknown; plugin: HostPlugin}[] = [];
    let registeredDuringLoad = 0;

    beforeAll(() => {
      const page: Record<string, unknown> = {
        React,
        ReactDOM,
        Redux,
        ReactRedux,
        ReactIntl,
        PropTypes: {},
        ReactBootstrap: {},
        ReactRouterDom: {},
        Luxon: {},
        document: dom.window.document,
        getComputedStyle: dom.window.getComputedStyle.bind(dom.window),
        console,
        registerPlugin: (id: unknown, plugin: HostPlugin) => registered.push({id, plugin}),
      };
      page.window = page;
      // As under the host's CSP: code generation from strings throws.
      const context = vm.createContext(page, {codeGeneration: {strings: false, wasm: false}});
      new vm.Script(code, {filename: 'main.js'}).runInContext(context);
      registeredDuringLoad = registered.length;
    });

    it('calls registerPlugin synchronously with the manifest id', () => {
      expect(registeredDuringLoad).toBe(1);
      expect(registered[0]?.id).toBe('baton');
      expect(typeof registered[0]?.plugin.initialize).toBe('function');
      expect(typeof registered[0]?.plugin.uninitialize).toBe('function');
    });

    it('initializes against the registry with valid keys and the real return shapes', () => {
      const plugin = registered[0]?.plugin as HostPlugin;
      const recording = createRecordingRegistry();
      const store = createRecordingStore();
      plugin.initialize(recording.registry, store);

      expect(recording.problems()).toEqual([]);
      const methods = recording.calls.map((call) => call.method);
      expect(methods).toContain('registerReducer');
      expect(methods).toContain('registerTranslations');

      const [appBar] = recording.objectArgs('registerAppBarComponent');
      expect(appBar?.rhsComponent).toEqual(expect.any(Function));
      expect(appBar?.iconUrl).toEqual(expect.stringMatching(/^data:image\/svg\+xml/));
      expect(recording.objectArgs('registerChannelHeaderButtonAction')).toHaveLength(1);

      const rhs = recording.appBarRhs();
      store.dispatched.length = 0;
      (appBar?.action as () => void)();
      expect(store.dispatched).toEqual([rhs?.toggleRHSPlugin]);

      const translate = recording.calls.find((call) => call.method === 'registerTranslations')?.args[0] as (locale: string) => Record<string, string>;
      expect(translate('ja')['baton.rhs.placeholder']).toMatch(/バトン/);
      expect(translate('xx')['baton.rhs.placeholder']).toMatch(/baton/);

      // The registered panel renders with the host's react-intl.
      const Panel = appBar?.rhsComponent as React.ComponentType<HostComponentProps>;
      const html = renderToStaticMarkup(
        React.createElement(ReactIntl.IntlProvider, {locale: 'ja', messages: translate('ja')}, React.createElement(Panel)),
      );
      expect(html).toContain(translate('ja')['baton.tasks.about.mine']);

      expect(dom.window.document.querySelectorAll('style#baton-styles')).toHaveLength(1);
      plugin.uninitialize?.();
      expect(dom.window.document.getElementById('baton-styles')).toBeNull();
    });
  });
});

describe('hostGlobals', () => {
  it('maps every library the host exposes', () => {
    expect(hostGlobals).toEqual({
      'react': 'React',
      'react-dom': 'ReactDOM',
      'redux': 'Redux',
      'react-redux': 'ReactRedux',
      'react-intl': 'ReactIntl',
      'prop-types': 'PropTypes',
      'react-bootstrap': 'ReactBootstrap',
      'react-router-dom': 'ReactRouterDom',
      'luxon': 'Luxon',
    });
  });

  it('refuses the automatic JSX runtime, which Mattermost 11 does not provide', async () => {
    const options = esbuildOptions({mode: 'production', outfile: 'probe.js'});
    await expect(esbuild.build({
      ...options,
      entryPoints: undefined,
      stdin: {contents: "import {jsx} from 'react/jsx-runtime'; window.x = jsx;", resolveDir: webappDir, loader: 'js'},
      write: false,
      logLevel: 'silent',
    })).rejects.toThrow(/classic JSX/);
  });
});
