import React from 'react';
import {act} from 'react-dom/test-utils';

import type {Task} from '../api/contract';
import en from '../i18n/en.json';
import {getTasksState} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';
import {TasksPanel} from '../tasks/tasksPanel';
import {tabSelected} from '../tasks/tasksSlice';
import {bridgeUrl, errorBody, taskFixture} from '../testing/fixtures';
import {renderWithIntl, settle} from '../testing/renderWithIntl';
import type {Rendered} from '../testing/renderWithIntl';
import {createConnectedTestServices} from '../testing/services';
import type {TestServices} from '../testing/services';

import {boardColumns, neighbourStatus} from './boardColumns';

const tasksUrl = /\/api\/v1\/tasks\?/;
// The Done column's own request (closedTasks.ts); channelView.test.tsx covers what it loads.
const closedUrl = /\/api\/v1\/tasks\?.*statusCategory=closed/;
const transitionUrl = `${bridgeUrl}/api/v1/tasks/task-1/transition`;
const now = new Date('2025-04-02T03:00:00Z');

const inProgress = {id: 'in_progress', name: 'In progress', category: 'open'} as const;
const review = {id: 'review', name: 'Review', category: 'open'} as const;

const first = () => taskFixture({deadlines: [{kind: 'legal', dueAt: '2025-04-05T03:00:00.000Z', allDay: false, timeZone: 'UTC'}]});
const second = () => taskFixture({id: 'task-2', key: 'PAT-13', title: 'Translate', statusId: 'in_progress', status: inProgress});

describe('boardColumns', () => {
  it('lists the built-in statuses in order, other open ones before Done, closed ones after', () => {
    const tasks = [
      taskFixture({id: 'a', statusId: 'review', status: review}),
      taskFixture({id: 'b', statusId: 'archived', status: {id: 'archived', name: 'Archived', category: 'closed'}}),
      taskFixture({id: 'c'}),
    ];
    const columns = boardColumns(tasks);
    expect(columns.map((column) => column.status.id)).toEqual(['open', 'in_progress', 'waiting', 'review', 'done', 'archived']);
    expect(columns.map((column) => column.tasks.map((task) => task.id))).toEqual([['c'], [], [], ['a'], [], ['b']]);
    expect(neighbourStatus(columns, 'open', -1)).toBeNull();
    expect(neighbourStatus(columns, 'waiting', 1)?.id).toBe('review');
    expect(neighbourStatus(columns, 'archived', 1)).toBeNull();
  });
});

describe('ChannelBoard', () => {
  let rendered: Rendered | undefined;
  let services: TestServices | undefined;
  afterEach(() => {
    rendered?.unmount();
    services?.session.dispose();
    services?.tasks.dispose();
    // TasksPanel gives ChannelView no storage: the List | Board choice goes to jsdom's localStorage.
    window.localStorage.clear();
  });

  async function showBoard(items: Task[]): Promise<TestServices> {
    const s = createConnectedTestServices();
    services = s;
    s.fake.on('GET', tasksUrl, {json: {items, nextCursor: null}});
    s.fake.on('GET', closedUrl, {json: {items: [], nextCursor: null}});
    s.store.dispatch(tabSelected('channel'));
    rendered = renderWithIntl(<TasksPanel/>, 'en', {...s, now: () => now});
    await settle();
    await settle();
    toggle('Board');
    await settle();
    return s;
  }

  function toggle(name: string) {
    const button = [...(rendered?.container.querySelectorAll<HTMLButtonElement>('[aria-pressed]') ?? [])].find((element) => element.textContent === name);
    act(() => button?.click());
  }

  const columnOf = (taskId: string) => card(taskId)?.closest('section')?.getAttribute('data-status-id');
  const card = (taskId: string) => rendered?.container.querySelector<HTMLButtonElement>(`.baton-board__card[data-task-id="${taskId}"]`) ?? null;
  const column = (statusId: string) => rendered?.container.querySelector<HTMLElement>(`section[data-status-id="${statusId}"]`) as HTMLElement;
  const alertText = () => rendered?.container.querySelector('[role="alert"]')?.textContent ?? null;
  const live = () => rendered?.container.querySelector('[aria-live="polite"]')?.textContent;
  const transitions = () => services?.fake.to('/transition') ?? [];
  const stored = (id: string) => getTasksState(services?.store.getState() as GlobalStateWithBaton).entities[id];

  function altArrow(element: Element, key: 'ArrowLeft' | 'ArrowRight') {
    act(() => {
      element.dispatchEvent(new KeyboardEvent('keydown', {key, altKey: true, bubbles: true}));
    });
  }

  function drag(taskId: string, statusId: string) {
    act(() => {
      card(taskId)?.dispatchEvent(new Event('dragstart', {bubbles: true}));
    });
    act(() => {
      column(statusId).dispatchEvent(new Event('dragover', {bubbles: true, cancelable: true}));
    });
    act(() => {
      column(statusId).dispatchEvent(new Event('drop', {bubbles: true, cancelable: true}));
    });
  }

  it('switches "This channel" between List and Board; the board has a column per status with the tasks as cards', async () => {
    await showBoard([first(), second()]);
    const container = rendered?.container as HTMLElement;

    const pressed = [...container.querySelectorAll('[aria-pressed]')].map((button) => [button.textContent, button.getAttribute('aria-pressed')]);
    expect(pressed).toEqual([['List', 'false'], ['Board', 'true']]);
    expect(container.querySelector('[role="group"][aria-label]')?.getAttribute('aria-label')).toBe(en['baton.board.view.label']);
    const titles = [...container.querySelectorAll('.baton-board__column-title')].map((title) => title.textContent);
    expect(titles).toEqual(['Open1 task', 'In progress1 task', 'Waiting0 tasks', 'Done0 tasks']);
    expect(columnOf('task-1')).toBe('open');
    expect(columnOf('task-2')).toBe('in_progress');
    const one = card('task-1') as HTMLButtonElement;
    expect(one.textContent).toContain('PAT-12');
    expect(one.textContent).toContain('明細書のレビュー');
    expect(one.textContent).toContain('Legal in 3 days');
    expect(one.querySelector('.baton-task-row__due--legal')).not.toBeNull();
    expect(one.getAttribute('aria-describedby')).toBe('baton-board-card-help');
    expect(one.draggable).toBe(true);

    toggle('List');
    expect(container.querySelector('.baton-board')).toBeNull();
    expect(container.querySelector('.baton-task-row[data-task-id="task-1"]')).not.toBeNull();
  });

  it('moves a focused card with Alt+ArrowRight at once, sends the transition with If-Match, and stores the answer', async () => {
    const s = await showBoard([first(), second()]);
    s.fake.on('POST', transitionUrl, {json: {...first(), statusId: 'in_progress', status: inProgress, version: 4}});

    const one = card('task-1') as HTMLButtonElement;
    one.focus();
    altArrow(one, 'ArrowRight');
    expect(columnOf('task-1')).toBe('in_progress');
    expect(live()).toBe('PAT-12 moved to In progress.');
    await settle();
    expect(transitions()).toHaveLength(1);
    expect(transitions()[0]?.headers['If-Match']).toBe('"3"');
    expect(transitions()[0]?.body).toEqual({statusId: 'in_progress'});

    expect(stored('task-1')?.version).toBe(4);
    expect(columnOf('task-1')).toBe('in_progress');
    expect(document.activeElement).toBe(card('task-1'));
    expect(alertText()).toBeNull();

    // The first column has nothing to its left: nothing is sent.
    altArrow(card('task-2') as HTMLButtonElement, 'ArrowLeft');
    expect(columnOf('task-2')).toBe('open');
    altArrow(card('task-2') as HTMLButtonElement, 'ArrowLeft');
    await settle();
    expect(transitions().map((request) => request.url)).toEqual([transitionUrl, `${bridgeUrl}/api/v1/tasks/task-2/transition`]);
  });

  it('moves a card by drag and drop onto another column, keeping it there when it leaves the open list', async () => {
    const s = await showBoard([first()]);
    s.fake.on('POST', transitionUrl, {json: {...first(), statusId: 'done', status: {id: 'done', name: 'Done', category: 'closed'}, version: 4}});

    drag('task-1', 'done');
    expect(columnOf('task-1')).toBe('done');
    await settle();
    expect(transitions()[0]?.body).toEqual({statusId: 'done'});
    expect(transitions()[0]?.headers['If-Match']).toBe('"3"');
    expect(columnOf('task-1')).toBe('done');
    expect(stored('task-1')?.version).toBe(4);
  });

  it('on a 409 puts back the task as the bridge has it now and shows the bridge\'s message', async () => {
    const s = await showBoard([first()]);
    const current = {...first(), title: 'Renamed elsewhere', statusId: 'waiting', status: {id: 'waiting', name: 'Waiting', category: 'open'}, version: 7};
    s.fake.on('POST', transitionUrl, {status: 409, json: errorBody(409, 'baton.conflict.version', 'The task changed since you read it', {current})});

    altArrow(card('task-1') as HTMLButtonElement, 'ArrowRight');
    expect(columnOf('task-1')).toBe('in_progress');
    await settle();

    expect(alertText()).toBe(`Could not move PAT-12: ${en['baton.error.conflict.version']}`);
    expect(columnOf('task-1')).toBe('waiting');
    expect(document.activeElement).toBe(card('task-1'));
    expect(card('task-1')?.textContent).toContain('Renamed elsewhere');
    expect(stored('task-1')?.version).toBe(7);
  });

  it('on a 403 (and a 422 needing a next holder) puts the card back where it was', async () => {
    const s = await showBoard([first()]);
    s.fake.on('POST', transitionUrl,
      {status: 403, json: errorBody(403, 'baton.forbidden.task', 'Only the holder can change this task')},
      {status: 422, json: errorBody(422, 'baton.invalid.next_holder', 'Choose who holds the next step')});

    drag('task-1', 'in_progress');
    expect(columnOf('task-1')).toBe('in_progress');
    await settle();
    expect(columnOf('task-1')).toBe('open');
    expect(alertText()).toBe('Could not move PAT-12: Only the holder can change this task');
    expect(stored('task-1')).toEqual(first());

    drag('task-1', 'done');
    await settle();
    expect(columnOf('task-1')).toBe('open');
    expect(alertText()).toBe('Could not move PAT-12: Choose who holds the next step');
  });

  it('shows loading, then a failure with Retry, then the empty board', async () => {
    const s = createConnectedTestServices();
    services = s;
    s.fake.on('GET', tasksUrl,
      {status: 503, json: errorBody(503, 'baton.not_ready', 'The bridge is not ready: starting up')},
      {json: {items: [], nextCursor: null}});
    s.fake.on('GET', closedUrl, {json: {items: [], nextCursor: null}});
    s.store.dispatch(tabSelected('channel'));
    rendered = renderWithIntl(<TasksPanel/>, 'en', {...s, now: () => now});
    toggle('Board');
    expect(rendered.container.querySelector('[role="status"]')?.textContent).toBe(en['baton.tasks.loading']);
    await settle();
    await settle();

    expect(alertText()).toContain(`Could not load tasks: ${en['baton.error.not_ready']}`);
    act(() => rendered?.container.querySelector<HTMLButtonElement>('.baton-tasks__retry')?.click());
    await settle();
    await settle();
    expect(alertText()).toBeNull();
    expect(rendered.container.textContent).toContain(en['baton.tasks.empty.channel']);
    expect(rendered.container.querySelectorAll('.baton-board__column')).toHaveLength(4);
  });
});
