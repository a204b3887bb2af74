import React from 'react';
import {act} from 'react-dom/test-utils';

import en from '../i18n/en.json';
import ja from '../i18n/ja.json';
import {rhsTaskRequested} from '../state/rhsSlice';
import {getTasksState} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';
import {bridgeUrl, errorBody, taskFixture} from '../testing/fixtures';
import {testIds, testSiteUrl} from '../testing/hostStore';
import {renderWithIntl, settle} from '../testing/renderWithIntl';
import type {Rendered} from '../testing/renderWithIntl';
import {createConnectedTestServices} from '../testing/services';
import type {TestServices} from '../testing/services';

import {TasksPanel} from './tasksPanel';

const tasksUrl = /\/api\/v1\/tasks\?/;
const me = testIds.user;
const now = new Date('2025-04-02T03:00:00Z');

describe('TasksPanel', () => {
  let rendered: Rendered | undefined;
  let services: TestServices | undefined;
  afterEach(() => {
    rendered?.unmount();
    services?.session.dispose();
    services?.tasks.dispose();
  });

  function render(locale = 'en') {
    services = createConnectedTestServices();
    const fixedClock = {...services, now: () => now};
    const view = () => renderWithIntl(<TasksPanel/>, locale, fixedClock);
    return {services, view};
  }

  const tabs = () => [...(rendered?.container.querySelectorAll<HTMLElement>('[role="tab"]') ?? [])];
  const selectedTab = () => tabs().find((tab) => tab.getAttribute('aria-selected') === 'true');
  const listUrls = () => services?.fake.to('/api/v1/tasks?').map((request) => new URL(request.url).searchParams) ?? [];
  const text = () => rendered?.container.textContent ?? '';

  function press(element: Element, key: string) {
    act(() => {
      element.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}));
    });
  }

  function type(input: HTMLInputElement, value: string) {
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
      input.dispatchEvent(new Event('input', {bubbles: true}));
    });
  }

  const wait = (ms: number) => act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });

  it('shows the four lists as tabs that arrow keys, Home and End move between, loading each one shown', async () => {
    const {services: s, view} = render();
    s.fake.on('GET', tasksUrl, {json: {items: [], nextCursor: null}});
    rendered = view();
    await settle();

    expect(rendered.container.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe(en['baton.tasks.tabs.label']);
    expect(tabs().map((tab) => tab.textContent)).toEqual(['Mine', 'Waiting on others', 'This channel', 'Watching']);
    expect(tabs().map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1]);
    const panel = rendered.container.querySelector('[role="tabpanel"]');
    expect(panel?.getAttribute('aria-labelledby')).toBe(selectedTab()?.id);
    expect(selectedTab()?.getAttribute('aria-controls')).toBe(panel?.id);

    tabs()[0]?.focus();
    press(tabs()[0] as Element, 'ArrowRight');
    expect(selectedTab()?.textContent).toBe('Waiting on others');
    expect(document.activeElement).toBe(selectedTab());
    press(selectedTab() as Element, 'ArrowLeft');
    press(selectedTab() as Element, 'ArrowLeft');
    expect(selectedTab()?.textContent).toBe('Watching');
    press(selectedTab() as Element, 'Home');
    expect(selectedTab()?.textContent).toBe('Mine');
    press(selectedTab() as Element, 'End');
    expect(document.activeElement?.textContent).toBe('Watching');
    await settle();

    expect(listUrls().map((query) => Object.fromEntries(query))).toEqual([
      {holderId: me, statusCategory: 'open', limit: '50'},
      {handedById: me, accepted: 'false', statusCategory: 'open', limit: '50'},
      {watcherId: me, statusCategory: 'open', limit: '50'},
    ]);
    expect(text()).toContain(en['baton.tasks.empty.watching']);
  });

  it('searches on the bridge once typing pauses (~300 ms), one request for the final text', async () => {
    const {services: s, view} = render();
    s.fake.on('GET', tasksUrl, {json: {items: [], nextCursor: null}});
    rendered = view();
    await settle();
    const search = rendered.container.querySelector<HTMLInputElement>('input[type="search"]') as HTMLInputElement;
    expect(search.getAttribute('aria-label')).toBe(en['baton.tasks.search.label']);

    type(search, '明');
    await wait(100);
    type(search, '明細書');
    await wait(200);
    expect(listUrls()).toHaveLength(1);
    await wait(150);
    await settle();

    expect(listUrls().map((query) => query.get('q'))).toEqual([null, '明細書']);
    expect(text()).toContain(en['baton.tasks.empty.filtered']);
    expect(search.value).toBe('明細書');
  });

  it('says what failed (message and error id) with a Retry', async () => {
    const {services: s, view} = render();
    s.fake.on('GET', tasksUrl,
      {status: 503, json: errorBody(503, 'baton.not_ready', 'The bridge is not ready: starting up')},
      {json: {items: [taskFixture()], nextCursor: null}});
    rendered = view();
    await settle();
    await settle();

    const alert = rendered.container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain(`Could not load tasks: ${en['baton.error.not_ready']}`);
    expect(alert?.textContent).toContain('baton.not_ready');
    act(() => (alert?.querySelector('button') as HTMLButtonElement).click());
    await settle();
    await settle();
    expect(rendered.container.querySelector('[role="alert"]')).toBeNull();
    expect(text()).toContain('PAT-12');
  });

  it('renders a row in Japanese: key, title, holder, status, relative legal deadline, priority; a click selects it', async () => {
    const {services: s, view} = render('ja');
    // Mattermost's answer waits until the row has been seen without it.
    let answerProfiles = () => {};
    const profilesAsked = new Promise<void>((resolve) => {
      answerProfiles = resolve;
    });
    s.fake.on('POST', `${testSiteUrl}/api/v4/users/ids`, async () => {
      await profilesAsked;
      return {json: [{id: me, username: 'tanaka'}]};
    });
    s.fake.on('GET', tasksUrl, {json: {items: [
      taskFixture({
        priority: 'urgent',
        // The bridge names its built-in statuses in English; the row names them from the catalog.
        status: {id: 'in_progress', name: 'In progress', category: 'open'},
        statusId: 'in_progress',
        deadlines: [{kind: 'legal', dueAt: '2025-04-05T03:00:00.000Z', allDay: false, timeZone: 'Asia/Tokyo'}],
      }),
      taskFixture({id: 'task-2', key: 'PAT-13', title: '翻訳', holderId: testIds.bot, deadlines: [{kind: 'internal', dueAt: '2025-03-31T03:00:00.000Z', allDay: false, timeZone: 'Asia/Tokyo'}]}),
    ], nextCursor: null}});
    rendered = view();
    await settle();
    await settle();

    const row = rendered.container.querySelector<HTMLButtonElement>('[data-task-id="task-1"]') as HTMLButtonElement;
    expect(row.textContent).toContain('PAT-12');
    expect(row.textContent).toContain('明細書のレビュー');
    // The holder's profile was not loaded: the id first, then the name once Mattermost answered.
    expect(row.textContent).toContain('uuuuuu…');
    answerProfiles();
    // The loader gathers ids for ~50 ms; a busy machine may take longer to answer.
    for (let tries = 0; tries < 40 && !row.textContent?.includes('@tanaka'); tries++) {
      await wait(50);
    }
    expect(row.textContent).toContain('@tanaka');
    expect(s.fake.to('/api/v4/users/ids').map((request) => request.body)).toEqual([[me, testIds.bot]]);
    expect(row.textContent).toContain('対応中');
    expect(row.textContent).not.toContain('In progress');
    expect(row.textContent).toContain('法定期限 3 日後');
    expect(row.querySelector('.baton-task-row__due--legal')).not.toBeNull();
    expect(row.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('優先度: 緊急');

    const overdue = rendered.container.querySelector('[data-task-id="task-2"]');
    expect(overdue?.textContent).toContain('社内期限切れ (2 日前)');
    expect(text()).toContain(ja['baton.tasks.bucket.overdue']);
    expect(text().indexOf('PAT-13')).toBeLessThan(text().indexOf('PAT-12'));

    act(() => row.click());
    await settle();
    expect(getTasksState(s.store.getState() as GlobalStateWithBaton).selectedTaskId).toBe('task-1');
    // The panel now shows the task's detail (detail/taskDetail.test.tsx) in place of the list.
    expect(rendered.container.querySelector('#baton-detail-heading')?.textContent).toContain('PAT-12');
  });

  it('says when /task show names a task that does not exist or cannot be seen, until dismissed', async () => {
    const {services: s, view} = render('ja');
    s.fake.on('GET', tasksUrl, {json: {items: [taskFixture()], nextCursor: null}});
    s.fake.on('GET', `${bridgeUrl}/api/v1/tasks/PAT-9`, {status: 404, json: errorBody(404, 'baton.not_found.task', 'No task PAT-9 that you can see.')});
    rendered = view();
    await settle();
    act(() => {
      s.store.dispatch(rhsTaskRequested('PAT-9'));
    });
    await settle();
    await settle();

    const notice = rendered.container.querySelector('.baton-tasks__notice');
    expect(notice?.getAttribute('role')).toBe('status');
    expect(notice?.textContent).toBe('PAT-9 は見つからないか、閲覧できません。');
    expect(getTasksState(s.store.getState() as GlobalStateWithBaton).selectedTaskId).toBeNull();
    const dismiss = notice?.querySelector('button');
    expect(dismiss?.getAttribute('aria-label')).toBe(ja['baton.tasks.show.dismiss']);
    act(() => dismiss?.click());
    expect(rendered.container.querySelector('.baton-tasks__notice')).toBeNull();
  });

  it('loads the next page by cursor once the end of the list is in view', async () => {
    const {services: s, view} = render();
    s.fake.on('GET', tasksUrl,
      {json: {items: [taskFixture({id: 'a', key: 'PAT-1'})], nextCursor: 'next.1'}},
      {json: {items: [taskFixture({id: 'b', key: 'PAT-2'})], nextCursor: null}});
    rendered = view();
    await settle();
    await settle();
    await settle();
    expect(listUrls().map((query) => query.get('cursor'))).toContain('next.1');
    expect(text()).toContain('PAT-2');
    expect(s.fake.to(bridgeUrl).every((request) => request.method === 'GET')).toBe(true);
  });
});
