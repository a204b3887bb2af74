// A PluginEnvironment for tests: the fake fetch, a cookie jar string, and the
// global clock and timers (so jest's fake timers drive renewal).
import type {PluginEnvironment} from '../plugin/services';

import type {FakeFetch} from './fakeFetch';
import {testSiteUrl} from './hostStore';

export function testEnvironment(fake: FakeFetch, cookies = 'MMUSERID=uuuuuuuuuuuuuuuuuuuuuuuuuu; MMCSRF=csrf-from-cookie'): PluginEnvironment {
  return {
    fetch: fake.fetch,
    cookies: () => cookies,
    pageOrigin: () => testSiteUrl,
    now: () => new Date(),
    timers: {
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
  };
}
