// Everything the plugin's features share, made once per initialize (no
// module-level singletons) and handed to components through
// servicesContext.tsx. The environment (fetch, cookies, clock, timers) is
// injected so tests run the real wiring against fakes.
import {createBridgeApi} from '../api/bridgeApi';
import type {BridgeApi} from '../api/bridgeApi';
import {createBridgeClient} from '../api/bridgeClient';
import type {FetchLike} from '../api/fetchLike';
import {createMattermostClient} from '../mattermost/client4';
import {mattermostSiteUrl} from '../mattermost/hostState';
import {createSessionManager} from '../session/sessionManager';
import type {SessionManager, Timers} from '../session/sessionManager';

import type {HostStore} from './hostTypes';

export type PluginEnvironment = {
  fetch: FetchLike;
  /** document.cookie, read at each call. */
  cookies: () => string;
  /** window.location.origin. */
  pageOrigin: () => string;
  now: () => Date;
  timers: Timers;
};

export type BatonServices = {
  store: HostStore;
  session: SessionManager;
  api: BridgeApi;
};

/**
 * The browser's own fetch, cookies, clock and timers. Each is looked up when
 * used, not now: initialize must not touch anything but the registry and the
 * store (the bundle test runs it in a page without fetch).
 */
export function browserEnvironment(): PluginEnvironment {
  return {
    fetch: (url, init) => window.fetch(url, init),
    cookies: () => document.cookie,
    pageOrigin: () => window.location.origin,
    now: () => new Date(),
    timers: {
      setTimeout: (callback, ms) => window.setTimeout(callback, ms),
      clearTimeout: (handle) => window.clearTimeout(handle as number),
    },
  };
}

export function createBatonServices(store: HostStore, environment: PluginEnvironment): BatonServices {
  const mattermost = createMattermostClient({
    fetch: environment.fetch,
    siteUrl: () => mattermostSiteUrl(store.getState(), environment.pageOrigin()),
    cookies: environment.cookies,
  });
  const session = createSessionManager({mattermost, store, now: environment.now, timers: environment.timers});
  const api = createBridgeApi(createBridgeClient({fetch: environment.fetch, session}));
  return {store, session, api};
}
