// The plugin's real services wired to a fake fetch and a test host store.
import {createBatonServices} from '../plugin/services';
import type {BatonServices} from '../plugin/services';

import {testEnvironment} from './environment';
import {createFakeFetch} from './fakeFetch';
import type {FakeFetch} from './fakeFetch';
import {connectResponse} from './fixtures';
import {createTestHostStore, testSiteUrl} from './hostStore';
import type {HostEntities} from './hostStore';

export type TestServices = BatonServices & {fake: FakeFetch};

export function createTestServices(entities: HostEntities = {}): TestServices {
  const fake = createFakeFetch();
  // The profile loader asks for people the store lacks; by default Mattermost knows none of them (a test may script more).
  fake.on('POST', `${testSiteUrl}/api/v4/users/ids`, {json: []});
  return {...createBatonServices(createTestHostStore(entities), testEnvironment(fake)), fake};
}

/** Test services whose `/task connect` answers with a bridge token good for an hour: where the panel's tests start. */
export function createConnectedTestServices(entities: HostEntities = {}): TestServices {
  const services = createTestServices(entities);
  services.fake.on('POST', `${testSiteUrl}/api/v4/commands/execute`, {json: connectResponse('token-1', new Date(Date.now() + 3_600_000))});
  return services;
}
