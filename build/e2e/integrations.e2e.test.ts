import {jsonReply, startFakeIntegration, type FakeIntegration} from '../mattermost-sim/src/outbound/fakeIntegration';
import {createSession} from '../mattermost-sim/src/services/users';
import {findUserByUsername} from '../mattermost-sim/src/store/store';
import {withScreenshotOnFailure} from './browser';
import {type E2EWorld, startWorld} from './world';

// The Mattermost UI the bridge builds on, seen from a browser: an attachment
// button round trip (update in place + ephemeral text) and an interactive
// dialog with a field error that keeps it open. The integration here is a
// scripted HTTP server on loopback, as the bridge will be.

describe('buttons and dialogs in the browser harness', () => {
  let world: E2EWorld;
  let integration: FakeIntegration;

  beforeAll(async () => {
    world = await startWorld();
    integration = await startFakeIntegration();
    const ctx = world.sandbox.simulator.ctx;
    const team = [...ctx.store.teams.values()][0];
    const admin = findUserByUsername(ctx.store, 'admin');
    const response = await fetch(`${world.sandbox.simulator.url}/api/v4/commands`, {
      method: 'POST',
      headers: {Authorization: `Bearer ${createSession(ctx, admin?.id ?? '').token}`, 'Content-Type': 'application/json'},
      body: JSON.stringify({team_id: team?.id, trigger: 'demo', method: 'P', url: `${integration.origin}/command`}),
    });
    expect(response.status).toBe(201);

    const simulatorUrl = world.sandbox.simulator.url;
    integration.reply((request) => {
      if (request.url === '/command') {
        const form = new URLSearchParams(request.body);
        if (form.get('text') === 'dialog') {
          void fetch(`${simulatorUrl}/api/v4/actions/dialogs/open`, {
            method: 'POST',
            headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({
              trigger_id: form.get('trigger_id'),
              url: `${integration.origin}/dialog`,
              dialog: {callback_id: 'decline', title: 'Decline', submit_label: 'Decline', state: 'P-2026-0142', elements: [{display_name: 'Reason', name: 'reason', type: 'textarea', optional: true}]},
            }),
          });
          return jsonReply({});
        }
        return jsonReply({
          response_type: 'in_channel',
          attachments: [{text: 'P-2026-0142 reached you', actions: [{id: 'accept', name: 'Accept', type: 'button', integration: {url: `${integration.origin}/action`, context: {task: 'P-2026-0142'}}}]}],
        });
      }
      if (request.url === '/action') return jsonReply({update: {message: 'Accepted by @sato'}, ephemeral_text: 'You accepted P-2026-0142'});
      const submission = (JSON.parse(request.body) as {submission: {reason?: string}}).submission;
      return jsonReply(submission.reason ? {} : {errors: {reason: 'Say why, so the sender knows what to fix.'}});
    });
  });

  afterAll(async () => {
    await integration?.close();
    await world?.stop();
  });

  it('clicks an attachment button: the integration gets the context, the post updates in place, the clicker sees the ephemeral text', async () => {
    const page = await world.logIn('sato');
    await withScreenshotOnFailure(page, 'harness-button', async () => {
      await page.getByTestId('message-box').fill('/demo');
      await page.getByTestId('message-box').press('Enter');
      await page.getByTestId('attachment-action-accept').click();
      await page.getByText('Accepted by @sato').waitFor({timeout: 10_000});
      await page.locator('[data-ephemeral="true"]').filter({hasText: 'You accepted P-2026-0142'}).waitFor();
    });
    const click = integration.received.find((request) => request.url === '/action');
    expect(JSON.parse(click?.body ?? '{}')).toMatchObject({context: {task: 'P-2026-0142'}, user_name: 'sato'});
    await page.close();
  });

  it('opens a dialog from a command, keeps it open with the field error, and closes it once valid', async () => {
    const page = await world.logIn('sato');
    await withScreenshotOnFailure(page, 'harness-dialog', async () => {
      await page.getByTestId('message-box').fill('/demo dialog');
      await page.getByTestId('message-box').press('Enter');
      await page.getByTestId('dialog').waitFor({timeout: 10_000});
      await page.getByTestId('dialog-submit').click();
      await page.getByTestId('dialog-field-error-reason').getByText('Say why').waitFor();
      await page.getByTestId('dialog-field-reason').fill('Claim 3 must stay, the client insists.');
      await page.getByTestId('dialog-submit').click();
      await page.getByTestId('dialog').waitFor({state: 'detached'});
    });
    const submissions = integration.received.filter((request) => request.url === '/dialog').map((request) => JSON.parse(request.body) as Record<string, unknown>);
    expect(submissions.at(-1)).toMatchObject({type: 'dialog_submission', callback_id: 'decline', state: 'P-2026-0142', submission: {reason: 'Claim 3 must stay, the client insists.'}});
    await page.close();
  });
});
