import {getSessionState} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';
import {bridgeUrl, connectResponse, errorBody, taskFixture} from '../testing/fixtures';
import {testSiteUrl} from '../testing/hostStore';
import {createTestServices} from '../testing/services';

// The services as initialize wires them: session manager, Mattermost client
// and bridge client sharing one fake network.

const executeUrl = `${testSiteUrl}/api/v4/commands/execute`;
const taskUrl = `${bridgeUrl}/api/v1/tasks/PAT-12`;
const later = () => new Date(Date.now() + 3_600_000);
const unauthorized = {status: 401, json: errorBody(401, 'baton.unauthorized', 'The Baton session has expired.', {reason: 'expired'})};

describe('services', () => {
  it('connect on the first bridge call, then reuse the session', async () => {
    const services = createTestServices();
    services.fake.on('POST', executeUrl, {json: connectResponse('token-1', later())});
    services.fake.on('GET', taskUrl, {json: taskFixture()});

    await services.api.getTask('PAT-12');
    await services.api.getTask('PAT-12');

    expect(services.fake.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      `POST ${executeUrl}`,
      `GET ${taskUrl}`,
      `GET ${taskUrl}`,
    ]);
    services.session.dispose();
  });

  it('on a 401 run /task connect again once and retry with the new token', async () => {
    const services = createTestServices();
    services.fake.on('POST', executeUrl, {json: connectResponse('token-1', later())}, {json: connectResponse('token-2', later())});
    services.fake.on('GET', taskUrl, unauthorized, {json: taskFixture()});

    await expect(services.api.getTask('PAT-12')).resolves.toMatchObject({key: 'PAT-12'});

    expect(services.fake.to('/commands/execute')).toHaveLength(2);
    expect(services.fake.to('/api/v1/tasks').map((request) => request.headers.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(getSessionState(services.store.getState() as GlobalStateWithBaton).status).toBe('connected');
    services.session.dispose();
  });

  it('after a second 401 stop in the error state until the user retries', async () => {
    const services = createTestServices();
    services.fake.on('POST', executeUrl, {json: connectResponse('token-1', later())}, {json: connectResponse('token-2', later())}, {json: connectResponse('token-3', later())});
    services.fake.on('GET', taskUrl, unauthorized, unauthorized, {json: taskFixture()});
    const state = () => getSessionState(services.store.getState() as GlobalStateWithBaton);

    await expect(services.api.getTask('PAT-12')).rejects.toMatchObject({status: 401, id: 'baton.unauthorized'});
    expect(state()).toMatchObject({status: 'error', reason: 'unauthorized'});
    await expect(services.api.getTask('PAT-12')).rejects.toMatchObject({name: 'SessionError', reason: 'unauthorized'});
    expect(services.fake.to('/api/v1/tasks')).toHaveLength(2);

    services.session.retry();
    await expect(services.api.getTask('PAT-12')).resolves.toMatchObject({key: 'PAT-12'});
    expect(services.fake.to('/api/v1/tasks').at(-1)?.headers.Authorization).toBe('Bearer token-3');
    expect(state().status).toBe('connected');
    services.session.dispose();
  });
});
