import React from 'react';
import {act} from 'react-dom/test-utils';

import en from '../i18n/en.json';
import ja from '../i18n/ja.json';
import {connectResponse} from '../testing/fixtures';
import {testSiteUrl} from '../testing/hostStore';
import {renderWithIntl, settle} from '../testing/renderWithIntl';
import type {Rendered} from '../testing/renderWithIntl';
import {createTestServices} from '../testing/services';
import type {TestServices} from '../testing/services';

import {SessionNotice} from './sessionNotice';

const executeUrl = `${testSiteUrl}/api/v4/commands/execute`;
const serverError = {status: 500, json: {id: 'api.command.execute_command.failed.app_error', message: 'Command with a trigger of \'task\' failed.', status_code: 500}};

describe('SessionNotice', () => {
  let rendered: Rendered | undefined;
  let services: TestServices | undefined;
  afterEach(() => {
    rendered?.unmount();
    services?.session.dispose();
  });

  /** `script` answers the network before the notice mounts (mounting connects). */
  function render(script: (current: TestServices) => void, locale = 'en') {
    services = createTestServices();
    script(services);
    rendered = renderWithIntl(<SessionNotice/>, locale, services);
    return {services, container: rendered.container};
  }

  it('connects when shown, says so meanwhile, and shows nothing once connected', async () => {
    const {services: current, container} = render((next) => next.fake.on('POST', executeUrl, {json: connectResponse('token-1', new Date(Date.now() + 3_600_000))}));

    expect(container.querySelector('[role="status"]')?.textContent).toBe(en['baton.session.connecting']);
    await settle();
    expect(current.fake.to('/commands/execute')).toHaveLength(1);
    expect(container.textContent).toBe('');
  });

  it('says why it could not connect, with a retry that connects again', async () => {
    const {services: current, container} = render((next) => next.fake.on('POST', executeUrl, serverError, {json: connectResponse('token-1', new Date(Date.now() + 3_600_000))}));
    await settle();

    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Baton could not connect: Mattermost answered “Command with a trigger of \'task\' failed.”.');
    const retry = container.querySelector('button');
    expect(retry?.textContent).toBe(en['baton.session.retry']);

    act(() => retry?.click());
    await settle();
    expect(current.fake.to('/commands/execute')).toHaveLength(2);
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('names the unusable props in the message', async () => {
    const {container} = render((next) => next.fake.on('POST', executeUrl, {json: {props: {baton_url: 'ftp://x', baton_token: 't', baton_expires_at: new Date(Date.now() + 3_600_000).toISOString()}}}));
    await settle();
    expect(container.textContent).toContain('the Baton service gave an unusable answer (baton_url)');
  });

  it('speaks the user’s language', async () => {
    const {container} = render((next) => next.fake.on('POST', executeUrl, {networkError: new TypeError('Failed to fetch')}), 'ja');
    await settle();
    expect(container.textContent).toContain(ja['baton.session.error.network']);
    expect(container.querySelector('button')?.textContent).toBe(ja['baton.session.retry']);
  });
});
