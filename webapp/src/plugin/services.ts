// Everything the plugin's features share, made once per initialize (no
// module-level singletons) and handed to components through
// servicesContext.tsx. The environment (fetch, cookies, clock, timers) is
// injected so tests run the real wiring against fakes.
import {createBridgeApi} from '../api/bridgeApi';
import type {BridgeApi} from '../api/bridgeApi';
import {createBridgeClient} from '../api/bridgeClient';
import type {FetchLike} from '../api/fetchLike';
import {createCountersRefresher} from '../counters/countersRefresher';
import type {CountersRefresher} from '../counters/countersRefresher';
import {createLiveStream} from '../live/liveStream';
import {createLiveUpdates} from '../live/liveUpdates';
import type {LiveUpdates} from '../live/liveUpdates';
import {createMattermostClient} from '../mattermost/client4';
import type {MattermostClient} from '../mattermost/client4';
import {createRhsOpener} from '../rhs/rhsOpener';
import type {RhsOpener} from '../rhs/rhsOpener';
import {mattermostSiteUrl} from '../mattermost/hostState';
import {createProfileLoader} from '../people/profileLoader';
import type {ProfileLoader} from '../people/profileLoader';
import {createSessionManager} from '../session/sessionManager';
import type {SessionManager, Timers} from '../session/sessionManager';
import {createTaskLists} from '../tasks/taskLists';
import type {TaskLists} from '../tasks/taskLists';

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
  /** The RHS task lists' loader (tasks/taskLists.ts); live updates call its resync(). */
  tasks: TaskLists;
  /** The clock the panel reads deadlines against. */
  now: () => Date;
  /** The bridge's live stream while the session is connected; features subscribe (live/liveUpdates.ts). */
  live: LiveUpdates;
  /** The sidebar counters' numbers (counters/countersRefresher.ts). */
  counters: CountersRefresher;
  /** Opens the Baton RHS on a list or a task (sidebar counters, the /task hook). */
  rhs: RhsOpener;
  /** Mattermost REST calls made like the host's Client4 (the user picker's autocomplete). */
  mattermost: MattermostClient;
  /** Loads the profiles of people tasks name that the host has not loaded (people/profileLoader.ts). */
  profiles: ProfileLoader;
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
  const profiles = createProfileLoader({store, mattermost, timers: environment.timers});
  const session = createSessionManager({mattermost, store, now: environment.now, timers: environment.timers});
  const api = createBridgeApi(createBridgeClient({fetch: environment.fetch, session}));
  const tasks = createTaskLists({store, api, profiles});
  const live = createLiveUpdates({
    store,
    api,
    profiles,
    createStream: (handlers) => createLiveStream({fetch: environment.fetch, session, timers: environment.timers, ...handlers}),
  });
  const counters = createCountersRefresher({api, store, timers: environment.timers});
  live.subscribe(counters.listener);
  return {store, session, api, tasks, now: environment.now, live, counters, rhs: createRhsOpener(store), mattermost, profiles};
}
