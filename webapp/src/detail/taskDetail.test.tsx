import React from 'react';
import {act} from 'react-dom/test-utils';

import {versionETag} from '../api/contract';
import en from '../i18n/en.json';
import ja from '../i18n/ja.json';
import {getTasksState} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';
import {formatDue} from '../tasks/deadlines';
import {TasksPanel} from '../tasks/tasksPanel';
import {taskRemoved, taskSelected} from '../tasks/tasksSlice';
import {bridgeUrl, errorBody, taskFixture} from '../testing/fixtures';
import {testIds} from '../testing/hostStore';
import {renderWithIntl, settle} from '../testing/renderWithIntl';
import type {Rendered} from '../testing/renderWithIntl';
import {createConnectedTestServices} from '../testing/services';
import type {TestServices} from '../testing/services';

const me = testIds.user;
const other = 'oooooooooooooooooooooooooo';
const now = new Date('2025-04-02T03:00:00Z');
const taskUrl = `${bridgeUrl}/api/v1/tasks/task-1`;
const tokyo = {useAutomaticTimezone: 'false', manualTimezone: 'Asia/Tokyo', automaticTimezone: ''};
const profiles = {
  [me]: {id: me, username: 'sato', timezone: tokyo},
  [other]: {id: other, username: 'tanaka'},
};

const detailedTask = taskFixture({
  title: '明細書のレビュー',
  description: 'Check **claims** 1–3',
  priority: 'high',
  status: {id: 'in_progress', name: 'In progress', category: 'open'},
  statusId: 'in_progress',
  holderId: me,
  handedById: other,
  creatorId: other,
  watcherIds: [me, other],
  labels: ['patent', 'urgent-review'],
  caseRef: {id: 'CASE-2025-001', url: 'https://erp.example.com/cases/2025-001'},
  deadlines: [
    {kind: 'internal', dueAt: '2025-04-04T03:00:00.000Z', allDay: false, timeZone: 'Asia/Tokyo'},
    {kind: 'legal', dueAt: '2025-04-10T09:00:00.000Z', allDay: false, timeZone: 'Asia/Tokyo'},
    {kind: 'customer', dueAt: '2025-03-31T03:00:00.000Z', allDay: false, timeZone: 'Asia/Tokyo'},
  ],
});

const comment = {
  id: 'comment-1', taskId: 'task-1', authorId: other, body: 'Please look at claim 2', createdAt: '2025-04-01T01:00:00.000Z', updatedAt: '2025-04-01T01:00:00.000Z', edited: false,
};
const events = [
  {id: 'event-1', taskId: 'task-1', actorId: other, at: '2025-03-31T08:00:00.000Z', kind: 'created', field: null, from: null, to: null},
  {id: 'event-2', taskId: 'task-1', actorId: other, at: '2025-03-31T09:00:00.000Z', kind: 'handed_off', field: 'holderId', from: other, to: me},
  {id: 'event-3', taskId: 'task-1', actorId: other, at: '2025-03-31T10:00:00.000Z', kind: 'archived_somewhere', field: null, from: null, to: null},
];

describe('TaskDetail in the panel', () => {
  let rendered: Rendered | undefined;
  let services: TestServices | undefined;
  afterEach(() => {
    rendered?.unmount();
    services?.session.dispose();
    services?.tasks.dispose();
    delete (window as unknown as {PostUtils?: unknown}).PostUtils;
  });

  /** The panel with detailedTask (or `task`) in Mine, comments and timeline scripted; not yet opened. */
  async function showList(locale = 'en', task = detailedTask) {
    const s = createConnectedTestServices({profiles});
    services = s;
    s.fake.on('GET', /\/api\/v1\/tasks\?/, {json: {items: [task], nextCursor: null}});
    s.fake.on('GET', /\/api\/v1\/tasks\/task-1\/comments\?/, {json: {items: [comment], nextCursor: null}});
    s.fake.on('GET', /\/api\/v1\/tasks\/task-1\/timeline\?/, {json: {items: events, nextCursor: null}});
    s.fake.on('GET', taskUrl, {json: task});
    rendered = renderWithIntl(<TasksPanel/>, locale, {...s, now: () => now});
    await settle();
    await settle();
    return s;
  }

  const container = () => rendered?.container as HTMLElement;
  const text = () => container().textContent ?? '';
  const row = () => container().querySelector<HTMLButtonElement>('[data-task-id="task-1"]');
  const heading = () => container().querySelector<HTMLElement>('#baton-detail-heading');
  const buttonNamed = (name: string) => [...container().querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent === name);

  async function open() {
    act(() => row()?.click());
    await settle();
    await settle();
  }

  async function click(name: string) {
    const button = buttonNamed(name);
    expect(button).toBeDefined();
    act(() => button?.click());
    await settle();
    await settle();
  }

  function type(id: string, value: string) {
    const field = container().querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`) as HTMLInputElement | HTMLTextAreaElement;
    const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    act(() => {
      Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
      field.dispatchEvent(new Event('input', {bubbles: true}));
    });
  }

  const valueOf = (id: string) => container().querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)?.value;
  const posts = (action: string) => services?.fake.requests.filter((request) => request.method === 'POST' && request.url === `${taskUrl}/${action}`) ?? [];
  const storedTask = () => getTasksState(services?.store.getState() as GlobalStateWithBaton).entities['task-1'];

  it('opens on a row with every field, deadlines legal first in the reader\'s zone, focus on its heading', async () => {
    await showList();
    await open();

    expect(document.activeElement).toBe(heading());
    expect(heading()?.textContent).toBe('PAT-12 明細書のレビュー');
    expect(container().querySelector('[role="tablist"]')).toBeNull();
    for (const expected of ['In progress', en['baton.tasks.priority.high'], '@sato', en['baton.detail.not_accepted'], '@tanaka', 'patent', 'urgent-review', '2 people', 'Check **claims** 1–3']) {
      expect(text()).toContain(expected);
    }
    const caseLink = container().querySelector<HTMLAnchorElement>('.baton-detail__case');
    expect(caseLink?.textContent).toBe('CASE-2025-001');
    expect(caseLink?.href).toBe('https://erp.example.com/cases/2025-001');
    expect(caseLink?.target).toBe('_blank');
    expect(caseLink?.rel).toContain('noopener');

    const deadlines = [...container().querySelectorAll('.baton-detail__deadline')];
    expect(deadlines.map((line) => line.querySelector('.baton-detail__deadline-kind')?.textContent)).toEqual(['Legal', 'Customer', 'Internal']);
    expect(deadlines[0]?.classList.contains('baton-detail__deadline--legal')).toBe(true);
    expect(deadlines[0]?.textContent).toContain(en['baton.detail.deadline.legal_mark']);
    const clock = {now, timeZone: 'Asia/Tokyo', locale: 'en'};
    expect(deadlines[0]?.querySelector('time')?.textContent).toBe(formatDue('2025-04-10T09:00:00.000Z', clock));
    expect(deadlines[0]?.querySelector('time')?.textContent).toContain('6:00');
    expect(deadlines[0]?.textContent).toContain('in 8 days');
    expect(deadlines[1]?.textContent).toContain('overdue (2 days ago)');
    expect(deadlines[1]?.classList.contains('baton-detail__deadline--overdue')).toBe(true);
  });

  it('shows deadlines in Japanese (date in the reader\'s zone, relative time)', async () => {
    await showList('ja');
    await open();

    const legal = container().querySelector('.baton-detail__deadline--legal');
    expect(legal?.textContent).toContain(`${ja['baton.tasks.deadline.legal']}${ja['baton.detail.deadline.legal_mark']}`);
    expect(legal?.querySelector('time')?.textContent).toContain('2025年4月10日');
    expect(legal?.querySelector('time')?.textContent).toContain('18:00');
    expect(legal?.textContent).toContain('8 日後');
    expect(buttonNamed(ja['baton.detail.back'])).toBeDefined();
  });

  it('renders the description through the host\'s PostUtils when it has them', async () => {
    const formatText = jest.fn((markdown: string) => `<p>${markdown}</p>`);
    (window as unknown as {PostUtils: unknown}).PostUtils = {
      formatText,
      messageHtmlToComponent: (html: string) => <strong className='from-host'>{html}</strong>,
    };
    await showList();
    await open();

    expect(formatText).toHaveBeenCalledWith('Check **claims** 1–3');
    expect(container().querySelector('.baton-detail__description .from-host')?.textContent).toBe('<p>Check **claims** 1–3</p>');
  });

  it('Back shows the list again and puts focus back on the task\'s row', async () => {
    await showList();
    await open();
    await click(en['baton.detail.back']);

    expect(heading()).toBeNull();
    expect(container().querySelector('[role="tablist"]')).not.toBeNull();
    expect(getTasksState(services?.store.getState() as GlobalStateWithBaton).selectedTaskId).toBeNull();
    expect(document.activeElement).toBe(row());
  });

  it('loads comments and the timeline (who, when, what changed; unknown kinds by name)', async () => {
    const s = await showList();
    await open();

    expect(s.fake.to('/task-1/comments?').map((request) => request.url)).toEqual([`${taskUrl}/comments?limit=200`]);
    expect(s.fake.to('/task-1/timeline?').map((request) => request.url)).toEqual([`${taskUrl}/timeline?limit=200`]);
    const comments = container().querySelector('.baton-detail__comments');
    expect(comments?.textContent).toContain('@tanaka');
    expect(comments?.textContent).toContain('Please look at claim 2');
    const timeline = [...container().querySelectorAll('.baton-detail__event')].map((item) => item.textContent);
    expect(timeline).toHaveLength(3);
    expect(timeline[0]).toContain(`@tanaka · ${formatDue(events[0]?.at ?? '', {now, timeZone: 'Asia/Tokyo', locale: 'en'})}`);
    expect(timeline[0]).toContain(en['baton.detail.event.created']);
    expect(timeline[1]).toContain(`${en['baton.detail.event.handed_off']}: holderId: from @tanaka to @sato`);
    expect(timeline[2]).toContain('archived_somewhere');
    expect(s.fake.unexpected).toEqual([]);
  });

  it('says when comments or the timeline fail to load, and Retry loads them', async () => {
    const s = await showList();
    s.fake.on('GET', /\/api\/v1\/tasks\/task-1\/comments\?/,
      {status: 500, json: errorBody(500, 'baton.internal', 'The database is unavailable')},
      {json: {items: [comment], nextCursor: null}});
    s.fake.on('GET', /\/api\/v1\/tasks\/task-1\/timeline\?/,
      {status: 503, json: errorBody(503, 'baton.not_ready', 'Starting up')},
      {json: {items: [], nextCursor: null}});
    await open();

    const alerts = [...container().querySelectorAll('[role="alert"]')].map((alert) => alert.textContent);
    expect(alerts).toEqual([
      // A 500 without a known id says so in the reader's words; the id and request id stay for reference.
      expect.stringContaining(`Could not load comments: ${en['baton.error.server'].replace('{status}', '500')}`),
      expect.stringContaining(`Could not load the history: ${en['baton.error.not_ready']}`),
    ]);
    const retries = container().querySelectorAll<HTMLButtonElement>('.baton-detail .baton-tasks__retry');
    act(() => retries.forEach((retry) => retry.click()));
    await settle();

    expect(container().querySelectorAll('[role="alert"]')).toHaveLength(0);
    expect(text()).toContain('Please look at claim 2');
    expect(text()).toContain(en['baton.detail.timeline.empty']);
  });

  it('Accept posts to …/accept with If-Match, then shows the task as it is now', async () => {
    const s = await showList();
    const accepted = {...detailedTask, acceptedAt: '2025-04-02T03:00:00.000Z', version: 4};
    s.fake.on('POST', `${taskUrl}/accept`, {json: accepted});
    s.fake.on('GET', taskUrl, {json: accepted});
    await open();
    await click(en['baton.detail.action.accept']);

    expect(posts('accept').map(({headers, body}) => ({ifMatch: headers['If-Match'], body}))).toEqual([{ifMatch: versionETag(3), body: {}}]);
    expect(storedTask()?.version).toBe(4);
    expect(buttonNamed(en['baton.detail.action.accept'])).toBeUndefined();
    expect(text()).not.toContain(en['baton.detail.not_accepted']);
    expect(s.fake.to('/task-1/timeline?')).toHaveLength(2);
  });

  it('Done transitions to done; on 422 baton.invalid.next_holder it asks for the next holder and sends them', async () => {
    const s = await showList();
    s.fake.on('POST', `${taskUrl}/transition`,
      {status: 422, json: errorBody(422, 'baton.invalid.next_holder', 'The next step goes to whoever you choose: give nextHolderId.', {field: 'nextHolderId'})},
      {json: {...detailedTask, version: 5}});
    await open();
    await click(en['baton.detail.action.done']);

    expect(posts('transition').map(({body}) => body)).toEqual([{statusId: 'done'}]);
    expect(text()).toContain(en['baton.detail.next_holder.prompt']);
    type('baton-detail-next-holder', '@tanaka');
    await click(en['baton.detail.action.done']);

    expect(posts('transition').map(({body, headers}) => ({body, ifMatch: headers['If-Match']}))).toEqual([
      {body: {statusId: 'done'}, ifMatch: versionETag(3)},
      {body: {statusId: 'done', nextHolderId: other}, ifMatch: versionETag(3)},
    ]);
    expect(container().querySelector('#baton-detail-next-holder')).toBeNull();
  });

  it('Decline… needs a reason; a 409 keeps it, shows the bridge\'s message and the current version; Retry sends it against that', async () => {
    const s = await showList();
    s.fake.on('POST', `${taskUrl}/decline`,
      {status: 409, json: errorBody(409, 'baton.conflict.version', 'The task changed since you read it', {current: {...detailedTask, version: 7}})},
      {json: {...detailedTask, holderId: other, version: 4}});
    await open();
    await click(en['baton.detail.action.decline']);
    const submit = () => buttonNamed(en['baton.detail.decline.submit']);
    expect(submit()?.disabled).toBe(true);
    type('baton-detail-decline-reason', '担当外です');
    await click(en['baton.detail.decline.submit']);

    expect(container().querySelector('[role="alert"]')?.textContent).toContain(en['baton.error.conflict.version']);
    expect(valueOf('baton-detail-decline-reason')).toBe('担当外です');
    expect(submit()?.disabled).toBe(false);
    await click(en['baton.detail.decline.submit']);

    expect(posts('decline').map(({body, headers}) => ({body, ifMatch: headers['If-Match']}))).toEqual([
      {body: {reason: '担当外です'}, ifMatch: versionETag(3)},
      {body: {reason: '担当外です'}, ifMatch: versionETag(7)},
    ]);
    expect(container().querySelector('#baton-detail-decline-reason')).toBeNull();
    expect(container().querySelector('[role="alert"]')).toBeNull();
  });

  it('Hand off… resolves the username through the host\'s users and sends the note', async () => {
    const s = await showList();
    const handedOn = {...detailedTask, holderId: other, handedById: me, version: 4};
    s.fake.on('POST', `${taskUrl}/handoff`, {json: handedOn});
    s.fake.on('GET', taskUrl, {json: handedOn});
    await open();
    await click(en['baton.detail.action.handoff']);
    type('baton-detail-handoff-to', '@nobody');
    await click(en['baton.detail.handoff.submit']);

    expect(container().querySelector('[role="alert"]')?.textContent).toContain('nobody');
    expect(posts('handoff')).toEqual([]);
    type('baton-detail-handoff-to', '@Tanaka');
    type('baton-detail-handoff-note', '請求項2を確認済み');
    await click(en['baton.detail.handoff.submit']);

    expect(posts('handoff').map(({body, headers}) => ({body, ifMatch: headers['If-Match']}))).toEqual([
      {body: {toUserId: other, comment: '請求項2を確認済み'}, ifMatch: versionETag(3)},
    ]);
    expect(storedTask()?.holderId).toBe(other);
  });

  it('Hand off… picks the person from Mattermost\'s user search (someone the host has not loaded)', async () => {
    const suzuki = 'ssssssssssssssssssssssssss';
    const s = await showList();
    s.fake.on('GET', /\/api\/v4\/users\/autocomplete\?/, {json: {users: [{id: suzuki, username: 'suzuki', first_name: 'Jiro', last_name: 'Suzuki', nickname: ''}]}});
    s.fake.on('POST', `${taskUrl}/handoff`, {json: {...detailedTask, holderId: suzuki, handedById: me, version: 4}});
    await open();
    await click(en['baton.detail.action.handoff']);
    type('baton-detail-handoff-to', 'suz');
    await act(() => new Promise((resolve) => setTimeout(resolve, 250)));
    const option = [...container().querySelectorAll('[role="option"]')].find((item) => item.textContent?.includes('@suzuki'));
    expect(option).toBeDefined();
    act(() => {
      option?.dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true}));
    });
    expect(valueOf('baton-detail-handoff-to')).toBe('@suzuki');
    await click(en['baton.detail.handoff.submit']);

    expect(s.fake.to('/users/autocomplete?').at(-1)?.url).toContain('name=suz');
    expect(posts('handoff').map(({body}) => body)).toEqual([{toUserId: suzuki}]);
  });

  it('Comment posts the text; a failure keeps it, and a later success clears it and reloads the comments', async () => {
    const s = await showList();
    s.fake.on('POST', `${taskUrl}/comments`,
      {networkError: new TypeError('Failed to fetch')},
      {status: 201, json: {...comment, id: 'comment-2', authorId: me, body: '確認しました'}});
    await open();
    type('baton-detail-comment', '確認しました');
    await click(en['baton.detail.comment.submit']);

    expect(container().querySelector('[role="alert"]')?.textContent).toContain('could not be reached');
    expect(valueOf('baton-detail-comment')).toBe('確認しました');
    s.fake.on('GET', /\/api\/v1\/tasks\/task-1\/comments\?/, {json: {items: [comment, {...comment, id: 'comment-2', authorId: me, body: '確認しました'}], nextCursor: null}});
    await click(en['baton.detail.comment.submit']);

    expect(posts('comments').map(({body}) => body)).toEqual([{body: '確認しました'}, {body: '確認しました'}]);
    expect(valueOf('baton-detail-comment')).toBe('');
    expect(container().querySelector('.baton-detail__comments')?.textContent).toContain('@sato');
  });

  it('disables the actions while one is pending', async () => {
    const s = await showList();
    s.fake.on('POST', `${taskUrl}/accept`, {json: {...detailedTask, acceptedAt: '2025-04-02T03:00:00.000Z', version: 4}});
    await open();
    act(() => buttonNamed(en['baton.detail.action.accept'])?.click());

    expect(buttonNamed(en['baton.detail.action.pending'])?.disabled).toBe(true);
    expect(buttonNamed(en['baton.detail.action.handoff'])?.disabled).toBe(true);
    expect(container().querySelector('.baton-detail__actions')?.getAttribute('aria-busy')).toBe('true');
    await settle();
    await settle();
    expect(buttonNamed(en['baton.detail.action.handoff'])?.disabled).toBe(false);
  });

  it('reads a selected task that no list holds, with Retry when that fails', async () => {
    const s = await showList();
    s.fake.on('GET', taskUrl, {status: 404, json: errorBody(404, 'baton.not_found.task', 'No task PAT-99')}, {json: detailedTask});
    act(() => {
      s.store.dispatch(taskRemoved('task-1'));
      s.store.dispatch(taskSelected('task-1'));
    });
    await settle();

    expect(container().querySelector('[role="alert"]')?.textContent).toContain(`Could not load the task: ${en['baton.error.not_found.task']}`);
    act(() => container().querySelector<HTMLButtonElement>('.baton-detail > [role="alert"] button')?.click());
    await settle();
    await settle();
    expect(heading()?.textContent).toBe('PAT-12 明細書のレビュー');
    expect(document.activeElement).toBe(heading());
  });

  it('hides Accept and Decline… when someone else holds the task, and everything but Comment once it is closed', async () => {
    await showList('en', {...detailedTask, holderId: other, status: {id: 'done', name: 'Done', category: 'closed'}, statusId: 'done'});
    await open();

    const actionButtons = [...container().querySelectorAll('.baton-detail__actions button')].map((button) => button.textContent);
    expect(actionButtons).toEqual([en['baton.detail.comment.submit']]);
  });
});
