import React from 'react';
import {act} from 'react-dom/test-utils';

import {getRhsRequest} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';
import {bridgeUrl, taskFixture} from '../testing/fixtures';
import {testIds} from '../testing/hostStore';
import {renderWithIntl, settle} from '../testing/renderWithIntl';
import type {Rendered} from '../testing/renderWithIntl';
import {createConnectedTestServices} from '../testing/services';

import {REFRESH_DEBOUNCE_MS} from './countersRefresher';
import {SidebarCounters} from './sidebarCounters';

// The counters as the host mounts them, on the real services (session,
// client, refresher) against a scripted fetch.

function setup(...answers: Array<{mine: number; overdue: number; waiting: number}>) {
  const services = createConnectedTestServices();
  services.fake.on('GET', `${bridgeUrl}/api/v1/me/counters`, ...answers.map((json) => ({json})));
  const showRHSPlugin = {type: 'show:rhs-1'};
  services.rhs.attach({id: 'rhs-1', showRHSPlugin, hideRHSPlugin: () => undefined, toggleRHSPlugin: () => undefined});
  return {services, showRHSPlugin};
}

const count = (rendered: Rendered, name: string) => rendered.container.querySelector(`[data-testid="baton-counter-${name}"]`);

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

describe('the sidebar counters', () => {
  it('show a dash until the numbers arrive, then each number with a spoken label', async () => {
    const {services} = setup({mine: 3, overdue: 1, waiting: 12});
    rendered = renderWithIntl(<SidebarCounters/>, 'en', services);
    expect(count(rendered, 'mine')?.textContent).toBe('Mine–');
    expect(count(rendered, 'mine')?.getAttribute('aria-label')).toBe('Mine: not loaded yet. Open the tasks with you');
    await settle();
    expect(services.fake.to('/me/counters')[0]?.headers.Authorization).toBe('Bearer token-1');
    expect(count(rendered, 'mine')?.textContent).toBe('Mine3');
    expect(count(rendered, 'overdue')?.textContent).toBe('Overdue1');
    expect(count(rendered, 'waiting')?.textContent).toBe('Waiting on others12');
    expect(count(rendered, 'overdue')?.getAttribute('aria-label')).toBe('Overdue: 1 of your tasks is past a deadline. Open the list');
    expect(count(rendered, 'waiting')?.getAttribute('aria-label')).toBe('Waiting on others: 12 handoffs not accepted yet. Open the list');
    expect(count(rendered, 'overdue')?.className).toContain('baton-counters__item--alert');
    expect(rendered.container.querySelector('nav')?.getAttribute('aria-label')).toBe('Baton task counters');
  });

  it('speak the user’s language, plural forms included', async () => {
    const {services} = setup({mine: 5, overdue: 0, waiting: 2});
    rendered = renderWithIntl(<SidebarCounters/>, 'ru', services);
    await settle();
    expect(count(rendered, 'mine')?.getAttribute('aria-label')).toBe('Мои: 5 открытых задач у вас. Открыть список');
    expect(count(rendered, 'waiting')?.getAttribute('aria-label')).toBe('Ждут других: 2 передачи ещё не приняты. Открыть список');
    expect(count(rendered, 'overdue')?.className).not.toContain('--alert');
  });

  it('open the Baton RHS on the list that was clicked', async () => {
    const {services, showRHSPlugin} = setup({mine: 3, overdue: 1, waiting: 0});
    const dispatch = jest.spyOn(services.store, 'dispatch');
    rendered = renderWithIntl(<SidebarCounters/>, 'en', services);
    await settle();
    dispatch.mockClear();
    act(() => (count(rendered as Rendered, 'overdue') as HTMLButtonElement).click());
    expect(getRhsRequest(services.store.getState() as GlobalStateWithBaton)).toMatchObject({requestedList: 'overdue', requestedTaskKey: null});
    expect(dispatch).toHaveBeenLastCalledWith(showRHSPlugin);
    act(() => (count(rendered as Rendered, 'waiting') as HTMLButtonElement).click());
    expect(getRhsRequest(services.store.getState() as GlobalStateWithBaton).requestedList).toBe('waiting');
  });

  it('refresh once, after a pause, when live changes concern me; not for others’ changes', async () => {
    const {services} = setup({mine: 3, overdue: 1, waiting: 0}, {mine: 4, overdue: 1, waiting: 0});
    rendered = renderWithIntl(<SidebarCounters/>, 'en', services);
    await settle();
    const event = {id: 'task-1', key: 'PAT-12', channelId: testIds.channel, version: 4, kinds: ['commented']};
    services.counters.listener.onTaskChanged?.(taskFixture({holderId: 'someoneelseeeeeeeeeeeeeeee', creatorId: 'someoneelseeeeeeeeeeeeeeee'}), event);
    services.counters.listener.onTaskChanged?.(taskFixture(), event);
    services.counters.listener.onResync?.();
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, REFRESH_DEBOUNCE_MS + 50));
    });
    await settle();
    expect(services.fake.to('/me/counters')).toHaveLength(2);
    expect(count(rendered, 'mine')?.textContent).toBe('Mine4');
  });

  it('keep the last numbers when a refresh fails', async () => {
    const {services} = setup({mine: 3, overdue: 1, waiting: 0});
    rendered = renderWithIntl(<SidebarCounters/>, 'en', services);
    await settle();
    services.fake.on('GET', `${bridgeUrl}/api/v1/me/counters`, {status: 502, text: 'Bad gateway'});
    await act(() => services.counters.refresh());
    expect(count(rendered, 'mine')?.textContent).toBe('Mine3');
  });
});
