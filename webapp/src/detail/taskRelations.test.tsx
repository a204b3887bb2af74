import {act} from 'react-dom/test-utils';

import en from '../i18n/en.json';
import {getRhsRequest, getTasksState} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';
import {taskChanged} from '../tasks/tasksSlice';
import {errorBody, taskFixture} from '../testing/fixtures';
import {settle} from '../testing/renderWithIntl';

import {me, openDetail, other, taskUrl} from './detailHarness';
import type {DetailHarness} from './detailHarness';
import {liveReloadDelayMs} from './liveReload';

const parent = taskFixture({id: 'task-1', progress: {done: 1, total: 3}, watcherIds: [other]});
const subTasks = [
  taskFixture({id: 'sub-1', key: 'PAT-13', title: '翻訳', parentId: 'task-1', status: {id: 'done', name: 'Done', category: 'closed'}, statusId: 'done'}),
  taskFixture({id: 'sub-2', key: 'PAT-14', title: '図面', parentId: 'task-1'}),
];
const subTasksUrl = /\/api\/v1\/tasks\?parentId=task-1&limit=50$/;

const waitPastDebounce = () => act(() => new Promise((resolve) => setTimeout(resolve, liveReloadDelayMs + 50)));

describe('The detail view: sub-tasks, parent, watchers and live updates', () => {
  let detail: DetailHarness | undefined;
  afterEach(() => detail?.unmount());

  const selected = () => getTasksState(detail?.services.store.getState() as GlobalStateWithBaton).selectedTaskId;
  const reads = (part: 'comments' | 'timeline') => detail?.services.fake.to(`/task-1/${part}?`).length;

  it('shows "n of m done" with a progress bar and the first page of sub-tasks; a row opens that sub-task', async () => {
    detail = await openDetail(parent, (s) => {
      s.fake.on('GET', subTasksUrl, {json: {items: subTasks, nextCursor: null}});
      s.fake.on('GET', taskUrl.replace('task-1', 'sub-2'), {json: subTasks[1]});
    });

    expect(detail.text()).toContain('1 of 3 done');
    const bar = detail.container.querySelector('[role="progressbar"]');
    expect(bar?.getAttribute('aria-valuenow')).toBe('1');
    expect(bar?.getAttribute('aria-valuemax')).toBe('3');
    expect(bar?.getAttribute('aria-label')).toBe(en['baton.detail.subtasks.progress_label']);
    const rows = [...detail.container.querySelectorAll<HTMLButtonElement>('.baton-detail__subtask')];
    expect(rows.map((row) => row.textContent)).toEqual(['PAT-13 翻訳 · Done', 'PAT-14 図面 · Open']);
    act(() => rows[1]?.click());
    await settle();

    expect(selected()).toBe('sub-2');
    expect(detail.container.querySelector('#baton-detail-heading')?.textContent).toBe('PAT-14 図面');
  });

  it('says when the sub-tasks cannot be read, with Retry', async () => {
    detail = await openDetail(parent, (s) => s.fake.on('GET', subTasksUrl,
      {status: 500, json: errorBody(500, 'baton.internal', 'The database is unavailable')},
      {json: {items: subTasks, nextCursor: null}}));

    expect(detail.container.querySelector('[role="alert"]')?.textContent).toContain(`Could not load the sub-tasks: ${en['baton.error.server'].replace('{status}', '500')}`);
    act(() => detail?.container.querySelector<HTMLButtonElement>('.baton-detail__subtasks .baton-tasks__retry')?.click());
    await settle();
    expect(detail.container.querySelectorAll('.baton-detail__subtask')).toHaveLength(2);
  });

  it('without sub-tasks asks for none, and Add sub-task opens the form pointing at this task and its channel', async () => {
    const single = taskFixture({watcherIds: []});
    detail = await openDetail(single);
    expect(detail.container.querySelector('[role="progressbar"]')).toBeNull();
    expect(detail.services.fake.to('parentId=')).toEqual([]);
    await detail.click(en['baton.detail.subtasks.add']);

    expect(getRhsRequest(detail.services.store.getState() as GlobalStateWithBaton).form).toEqual({
      kind: 'createTask',
      prefill: {parentId: 'task-1', channelId: single.channelId},
    });
  });

  it('links a sub-task to its parent, reading the parent when no list holds it', async () => {
    const child = taskFixture({parentId: 'parent-1'});
    const parentTask = taskFixture({id: 'parent-1', key: 'PAT-3', title: '出願準備'});
    const parentUrl = taskUrl.replace('task-1', 'parent-1');
    detail = await openDetail(child, (s) => s.fake.on('GET', parentUrl, {json: parentTask}));

    await detail.click(en['baton.detail.parent'].replace('{task}', 'PAT-3 – 出願準備'));
    expect(selected()).toBe('parent-1');
    // Read once for the link; opening it shows that copy.
    expect(detail.requests('GET', parentUrl)).toHaveLength(1);
    expect(detail.container.querySelector('#baton-detail-heading')?.textContent).toBe('PAT-3 出願準備');
  });

  it('lists the watchers; Watch and Stop watching send PUT / DELETE …/watch and show the task as read again', async () => {
    detail = await openDetail(parent, (s) => {
      s.fake.on('GET', subTasksUrl, {json: {items: [], nextCursor: null}});
      s.fake.on('PUT', `${taskUrl}/watch`, {status: 204});
      s.fake.on('DELETE', `${taskUrl}/watch`, {status: 204});
    });
    expect(detail.container.querySelector('.baton-detail__watcher-list')?.textContent).toBe('@tanaka');
    detail.services.fake.on('GET', taskUrl, {json: {...parent, watcherIds: [other, me], version: 4}});
    await detail.click(en['baton.detail.watch']);

    expect(detail.requests('PUT', `${taskUrl}/watch`)).toHaveLength(1);
    expect(detail.container.querySelector('.baton-detail__watcher-list')?.textContent).toBe('@tanaka@sato');
    expect(detail.text()).toContain('2 people');
    detail.services.fake.on('GET', taskUrl, {json: {...parent, watcherIds: [other], version: 5}});
    await detail.click(en['baton.detail.unwatch']);

    expect(detail.requests('DELETE', `${taskUrl}/watch`)).toHaveLength(1);
    expect(detail.button(en['baton.detail.watch'])).toBeDefined();
  });

  it('shows why watching failed', async () => {
    detail = await openDetail(taskFixture(), (s) => s.fake.on('PUT', `${taskUrl}/watch`, {status: 404, json: errorBody(404, 'baton.not_found.task', 'No task PAT-12')}));
    await detail.click(en['baton.detail.watch']);

    expect(detail.container.querySelector('[role="alert"]')?.textContent).toContain(`Could not change watching: ${en['baton.error.not_found.task']}`);
  });

  it('reloads comments and the timeline once after live changes to a newer version, not for the same version', async () => {
    const task = taskFixture();
    detail = await openDetail(task);
    expect([reads('comments'), reads('timeline')]).toEqual([1, 1]);
    const comment = {id: 'comment-9', taskId: 'task-1', authorId: other, body: '新しいコメント', createdAt: '2025-04-02T02:00:00.000Z', updatedAt: '2025-04-02T02:00:00.000Z', edited: false};
    detail.services.fake.on('GET', /\/api\/v1\/tasks\/task-1\/comments\?/, {json: {items: [comment], nextCursor: null}});

    act(() => detail?.services.store.dispatch(taskChanged({...task, title: 'same version, a list refresh'})));
    await waitPastDebounce();
    expect([reads('comments'), reads('timeline')]).toEqual([1, 1]);

    act(() => {
      detail?.services.store.dispatch(taskChanged({...task, version: 4}));
      detail?.services.store.dispatch(taskChanged({...task, version: 5}));
    });
    expect([reads('comments'), reads('timeline')]).toEqual([1, 1]);
    await waitPastDebounce();

    expect([reads('comments'), reads('timeline')]).toEqual([2, 2]);
    expect(detail.container.querySelector('.baton-detail__comments')?.textContent).toContain('新しいコメント');
    await waitPastDebounce();
    expect([reads('comments'), reads('timeline')]).toEqual([2, 2]);
  });

  it('does not reload twice after the reader\'s own action (the action reloads them itself)', async () => {
    const task = taskFixture({acceptedAt: null, holderId: me});
    const accepted = {...task, acceptedAt: '2025-04-02T03:00:00.000Z', version: 4};
    detail = await openDetail(task, (s) => s.fake.on('POST', `${taskUrl}/accept`, {json: accepted}));
    detail.services.fake.on('GET', taskUrl, {json: accepted});
    await detail.click(en['baton.detail.action.accept']);
    await waitPastDebounce();

    expect([reads('comments'), reads('timeline')]).toEqual([2, 2]);
  });
});
