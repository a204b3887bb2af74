import {Client4 as HarnessClient4} from '../../../build/mattermost-sim/harness/src/client/client4';
import {adaptToWindowFetch, createFakeFetch, wireShape} from '../testing/fakeFetch';

import {MattermostError, MattermostNetworkError} from './client4';
import {createPostActionsClient, receivedDialogTriggerId} from './postActions';

const siteUrl = 'https://chat.example.com/mm';
const cookies = 'MMUSERID=uuuu; MMCSRF=csrf%3Dtoken';
const actionUrl = `${siteUrl}/api/v4/posts/post1/actions/accept`;

function setup() {
  const fake = createFakeFetch();
  return {fake, client: createPostActionsClient({fetch: fake.fetch, siteUrl: () => `${siteUrl}/`, cookies: () => cookies})};
}

describe('post actions', () => {
  it('clicks a button as Client4.doPostActionWithCookie does: the cookie, the session cookie, X-Requested-With and CSRF', async () => {
    const {fake, client} = setup();
    fake.on('POST', actionUrl, {json: {status: 'OK', trigger_id: 'trigger-1'}});
    await expect(client.doPostActionWithCookie('post1', 'accept', 'sealed')).resolves.toEqual({triggerId: 'trigger-1', ephemeralText: null});
    expect(fake.requests.map(wireShape)).toEqual([{
      url: actionUrl,
      method: 'POST',
      headers: {'X-Requested-With': 'XMLHttpRequest', 'Content-Type': 'application/json', 'X-CSRF-Token': 'csrf=token'},
      body: {selected_option: '', cookie: 'sealed'},
      credentials: 'include',
    }]);
  });

  it('sends the same request as the harness’s Client4 (build/mattermost-sim/harness)', async () => {
    const fake = createFakeFetch();
    fake.on('POST', actionUrl, {json: {status: 'OK'}});
    await createPostActionsClient({fetch: fake.fetch, siteUrl: () => siteUrl, cookies: () => cookies}).doPostActionWithCookie('post1', 'accept', 'sealed');
    document.cookie = 'MMCSRF=csrf%3Dtoken';
    try {
      await new HarnessClient4(siteUrl, adaptToWindowFetch(fake.fetch)).doPostActionWithCookie('post1', 'accept', 'sealed');
    } finally {
      document.cookie = 'MMCSRF=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    }
    const [mine, theirs] = fake.requests.map(wireShape);
    expect(mine).toEqual(theirs);
  });

  it('leaves the cookie out when the action has none, as Client4 does', async () => {
    const {fake, client} = setup();
    fake.on('POST', actionUrl, {json: {status: 'OK'}});
    await expect(client.doPostActionWithCookie('post1', 'accept', '')).resolves.toEqual({triggerId: null, ephemeralText: null});
    expect(fake.requests[0]?.body).toEqual({selected_option: ''});
  });

  it('passes on an ephemeral_text in the answer', async () => {
    const {fake, client} = setup();
    fake.on('POST', actionUrl, {json: {status: 'OK', ephemeral_text: 'Accepted'}});
    await expect(client.doPostActionWithCookie('post1', 'accept', 'sealed')).resolves.toEqual({triggerId: null, ephemeralText: 'Accepted'});
  });

  it('throws Mattermost’s refusal with its id and message', async () => {
    const {fake, client} = setup();
    fake.on('POST', actionUrl, {status: 400, json: {id: 'api.post.do_action.action_integration.app_error', message: 'Action integration error.', status_code: 400}});
    const error = await client.doPostActionWithCookie('post1', 'accept', 'sealed').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MattermostError);
    expect(error).toMatchObject({status: 400, id: 'api.post.do_action.action_integration.app_error', message: 'Action integration error.'});
  });

  it('says so when Mattermost cannot be reached', async () => {
    const {fake, client} = setup();
    fake.on('POST', actionUrl, {networkError: new TypeError('Failed to fetch')});
    await expect(client.doPostActionWithCookie('post1', 'accept', 'sealed')).rejects.toBeInstanceOf(MattermostNetworkError);
  });

  it('refuses an answer that is not JSON', async () => {
    const {fake, client} = setup();
    fake.on('POST', actionUrl, {text: '<html>'});
    await expect(client.doPostActionWithCookie('post1', 'accept', 'sealed')).rejects.toThrow('unexpected answer from Mattermost');
  });

  it('hands the trigger id to the host as IntegrationTypes.RECEIVED_DIALOG_TRIGGER_ID', () => {
    expect(receivedDialogTriggerId('trigger-1')).toEqual({type: 'RECEIVED_DIALOG_TRIGGER_ID', data: 'trigger-1'});
  });
});
