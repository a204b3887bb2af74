import React from 'react';
import {act} from 'react-dom/test-utils';

import {userSettingsSchema} from '../api/contract';
import type {UserSettingsBody} from '../api/contract';
import en from '../i18n/en.json';
import {bridgeUrl, errorBody} from '../testing/fixtures';
import {testIds} from '../testing/hostStore';
import {renderWithIntl, settle} from '../testing/renderWithIntl';
import type {Rendered} from '../testing/renderWithIntl';
import {createConnectedTestServices} from '../testing/services';
import type {TestServices} from '../testing/services';

import {SettingsForm} from './settingsForm';

const settingsUrl = `${bridgeUrl}/api/v1/me/settings`;

const current: UserSettingsBody = userSettingsSchema.parse({
  userId: testIds.user,
  digestTime: '09:00',
  digestEnabled: true,
  weeklySummary: false,
  dueSoonDays: 3,
  mutedDeadlineKinds: ['internal', 'filing_fee'],
  requireAcceptance: false,
  updatedAt: null,
});

describe('SettingsForm', () => {
  let rendered: Rendered | undefined;
  let services: TestServices | undefined;
  let closed = 0;
  afterEach(() => {
    rendered?.unmount();
    services?.session.dispose();
    closed = 0;
  });

  async function render(...replies: Parameters<TestServices['fake']['on']>[2][]) {
    const s = createConnectedTestServices();
    services = s;
    s.fake.on('GET', settingsUrl, ...(replies.length > 0 ? replies : [{json: current}]));
    rendered = renderWithIntl(<SettingsForm onClose={() => closed++}/>, 'en', s);
    await settle();
    await settle();
    return s;
  }

  const container = () => rendered?.container as HTMLElement;
  const field = (id: string) => container().querySelector<HTMLInputElement>(`#${id}`) as HTMLInputElement;
  const errorOf = (id: string) => document.getElementById(`${id}-error`)?.textContent ?? null;
  const status = () => container().querySelector('[role="status"]')?.textContent ?? '';
  const patches = () => services?.fake.requests.filter((request) => request.method === 'PATCH').map((request) => request.body) ?? [];
  const button = (name: string) => [...container().querySelectorAll<HTMLButtonElement>('button')].find((element) => element.textContent === name) as HTMLButtonElement;

  function type(id: string, value: string) {
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field(id), value);
      field(id).dispatchEvent(new Event('input', {bubbles: true}));
    });
  }

  async function save() {
    act(() => button(en['baton.settings.save']).click());
    await settle();
    await settle();
  }

  it('says it is loading, shows a failure with Retry, then the settings as they are, focus on the first field', async () => {
    await render({status: 503, json: errorBody(503, 'baton.not_ready', 'The bridge is not ready: starting up')}, {json: current});
    const alert = container().querySelector('[role="alert"]');
    expect(alert?.textContent).toContain(`Could not load your settings: ${en['baton.error.not_ready']}`);
    act(() => alert?.querySelector<HTMLButtonElement>('.baton-tasks__retry')?.click());
    expect(status()).toBe(en['baton.settings.loading']);
    await settle();
    await settle();

    expect(document.activeElement).toBe(field('baton-settings-digest-time'));
    expect(field('baton-settings-digest-time').type).toBe('time');
    expect(field('baton-settings-digest-time').value).toBe('09:00');
    expect(field('baton-settings-digest-enabled').checked).toBe(true);
    expect(field('baton-settings-weekly').checked).toBe(false);
    expect(field('baton-settings-due-soon').value).toBe('3');
    expect(['legal', 'customer', 'internal'].map((kind) => field(`baton-settings-mute-${kind}`).checked)).toEqual([false, false, true]);
    expect(field('baton-settings-acceptance').checked).toBe(false);
    for (const input of container().querySelectorAll('input')) {
      expect(container().querySelector(`label[for="${input.id}"]`)).not.toBeNull();
    }
  });

  it('sends only what changed, keeps mutes of other kinds, and says Saved', async () => {
    const s = await render();
    s.fake.on('PATCH', settingsUrl, {json: {...current, digestTime: '08:30', weeklySummary: true, mutedDeadlineKinds: ['filing_fee', 'legal'], updatedAt: '2025-04-01T00:00:00.000Z'}});
    type('baton-settings-digest-time', '08:30');
    act(() => field('baton-settings-weekly').click());
    act(() => field('baton-settings-mute-legal').click());
    act(() => field('baton-settings-mute-internal').click());
    await save();

    expect(patches()).toEqual([{digestTime: '08:30', weeklySummary: true, mutedDeadlineKinds: ['filing_fee', 'legal']}]);
    expect(status()).toBe(en['baton.settings.saved']);
    expect(field('baton-settings-mute-legal').checked).toBe(true);

    // Nothing changed since: nothing is sent.
    await save();
    expect(patches()).toHaveLength(1);
    expect(status()).toBe(en['baton.settings.unchanged']);
    act(() => button(en['baton.settings.close']).click());
    expect(closed).toBe(1);
  });

  it('checks the due-soon days with the contract before sending, at the field', async () => {
    await render();
    type('baton-settings-due-soon', '45');
    await save();
    expect(errorOf('baton-settings-due-soon')).toBe(en['baton.settings.error.due_soon']);
    expect(field('baton-settings-due-soon').getAttribute('aria-invalid')).toBe('true');
    expect(field('baton-settings-due-soon').getAttribute('aria-describedby')).toContain('baton-settings-due-soon-error');
    expect(document.activeElement).toBe(field('baton-settings-due-soon'));
    expect(patches()).toEqual([]);
  });

  it('shows a 400 at the field the bridge names and a network failure above the form, keeping the input; saves on retry', async () => {
    const s = await render();
    s.fake.on('PATCH', settingsUrl,
      {status: 400, json: errorBody(400, 'baton.bad_request.validation', 'digestTime: must be a local time HH:mm from 00:00 to 23:59, e.g. 09:00', {field: 'digestTime'})},
      {networkError: new TypeError('Failed to fetch')},
      {json: {...current, digestTime: '07:15', dueSoonDays: 5}});
    type('baton-settings-digest-time', '07:15');
    type('baton-settings-due-soon', '5');
    await save();
    expect(errorOf('baton-settings-digest-time')).toBe('digestTime: must be a local time HH:mm from 00:00 to 23:59, e.g. 09:00');
    expect(document.activeElement).toBe(field('baton-settings-digest-time'));
    expect(field('baton-settings-digest-time').value).toBe('07:15');
    expect(field('baton-settings-due-soon').value).toBe('5');

    await save();
    expect(container().querySelector('[role="alert"]')?.textContent).toContain('Your settings were not saved:');
    expect(field('baton-settings-due-soon').value).toBe('5');

    await save();
    expect(patches()).toEqual([{digestTime: '07:15', dueSoonDays: 5}, {digestTime: '07:15', dueSoonDays: 5}, {digestTime: '07:15', dueSoonDays: 5}]);
    expect(status()).toBe(en['baton.settings.saved']);
    expect(container().querySelector('[role="alert"]')).toBeNull();
    expect(s.fake.unexpected).toEqual([]);
  });
});
