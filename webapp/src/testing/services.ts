// The plugin's real services wired to a fake fetch and a test host store.
import {createBatonServices} from '../plugin/services';
import type {BatonServices} from '../plugin/services';

import {testEnvironment} from './environment';
import {createFakeFetch} from './fakeFetch';
import type {FakeFetch} from './fakeFetch';
import {createTestHostStore} from './hostStore';
import type {HostEntities} from './hostStore';

export type TestServices = BatonServices & {fake: FakeFetch};

export function createTestServices(entities: HostEntities = {}): TestServices {
  const fake = createFakeFetch();
  return {...createBatonServices(createTestHostStore(entities), testEnvironment(fake)), fake};
}
