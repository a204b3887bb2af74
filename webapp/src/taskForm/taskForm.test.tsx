import React from 'react';
import {act} from 'react-dom/test-utils';

import {versionETag} from '../api/contract';
import {getTasksState} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';
import {taskChanged} from '../tasks/tasksSlice';
import {bridgeUrl, errorBody, taskFixture} from '../testing/fixtures';
import {testIds} from '../testing/hostStore';
import {renderWithIntl, settle} from '../testing/renderWithIntl';
import type {Rendered} from '../testing/renderWithIntl';
import {createConnectedTestServices} from '../testing/services';
import type {TestServices} from '../testing/services';

import {TaskForm} from './taskForm';
import type {TaskFormProps} from './taskForm';

const me = testIds.user;
const postId = 'pppppppppppppppppppppppppp';
const otherChannel = 'oooooooooooooooooooooooooo';

describe('TaskForm', () => {
  let rendered: Rendered | undefined;
  let services: TestServices | undefined;
  let closed = 0;
  afterEach(() => {
    rendered?.unmount();
    services?.session.dispose();
    services?.tasks.dispose();
    closed = 0;
  });

  async function render(form: TaskFormProps['form'], locale = 'en', script: (s: TestServices) => void = () => undefined) {
    const s = createConnectedTestServices({profiles: {[me]: {id: me, username: 'sato'}}});
    services = s;
    script(s);
    rendered = renderWithIntl(<TaskForm
      form={form}
      onClose={() => {
        closed += 1;
      }}
    />, locale, s);
    await settle();
    return s;
  }

  const container = () => rendered?.container as HTMLElement;
  const field = (label: string) => {
    const labelElement = Array.from(container().querySelectorAll('label')).find((element) => element.textContent === label);
    return container().querySelector(`#${labelElement?.htmlFor ?? 'missing'}`) as HTMLInputElement;
  };
  const button = (text: string) => Array.from(container().querySelectorAll('button')).find((element) => element.textContent === text) as HTMLButtonElement;
  const errorOf = (input: HTMLElement) => container().querySelector(`#${input.getAttribute('aria-describedby') ?? 'none'}`)?.textContent;

  function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
    act(() => {
      const prototype = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(input, value);
      input.dispatchEvent(new Event('input', {bubbles: true}));
    });
  }

  function choose(select: HTMLSelectElement, value: string) {
    act(() => {
      select.value = value;
      select.dispatchEvent(new Event('change', {bubbles: true}));
    });
  }

  async function submit(text: string) {
    act(() => {
      button(text).click();
    });
    await settle();
    await settle();
  }

  it('creates a task in the current channel held by me, then shows it and closes', async () => {
    const s = await render({kind: 'createTask', prefill: {}});
    expect(document.activeElement).toBe(field('Title'));
    expect(field('Holder').value).toBe('@sato');
    expect(Array.from((field('Channel') as unknown as HTMLSelectElement).options).map((option) => option.textContent)).toEqual(['This channel', 'Personal task']);
    const created = taskFixture({id: 'task-9', key: 'PAT-9', title: 'File the response'});
    s.fake.on('POST', `${bridgeUrl}/api/v1/tasks`, {status: 201, json: created});
    type(field('Title'), 'File the response');
    choose(field('Priority') as unknown as HTMLSelectElement, 'high');
    type(field('Legal deadline'), '2025-04-10');
    type(field('Labels'), 'patent, urgent');
    await submit('Create task');
    expect(s.fake.to('/api/v1/tasks').map((request) => request.body)).toEqual([{
      title: 'File the response', description: '', channelId: testIds.channel, holderId: me, priority: 'high',
      deadlines: [{kind: 'legal', due: '2025-04-10'}], labels: ['patent', 'urgent'],
    }]);
    const tasks = getTasksState(s.store.getState() as GlobalStateWithBaton);
    expect(tasks.entities['task-9']?.key).toBe('PAT-9');
    expect(tasks.selectedTaskId).toBe('task-9');
    expect(closed).toBe(1);
  });

  it('checks with the contract first: errors at their fields, focus on the first, nothing sent, nothing lost', async () => {
    const s = await render({kind: 'createTask', prefill: {}});
    type(field('Description'), 'keep me');
    type(field('Case ID'), 'C-1');
    type(field('Case URL'), 'ftp://erp.example.com');
    await submit('Create task');
    expect(s.fake.to('/api/v1/tasks')).toEqual([]);
    expect(field('Title').getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(field('Title'))).toBe('Enter a title of 1–200 characters.');
    expect(errorOf(field('Case URL'))).toBe('Enter an address starting with http:// or https://.');
    expect(document.activeElement).toBe(field('Title'));
    expect(field('Description').value).toBe('keep me');
    expect(closed).toBe(0);
  });

  it('shows a bridge 400 at the field it names and keeps the input for another try', async () => {
    const s = await render({kind: 'createTask', prefill: {}});
    s.fake.on('POST', `${bridgeUrl}/api/v1/tasks`, {status: 400, json: errorBody(400, 'baton.invalid_request', 'parentId: no task PAT-404', {field: 'parentId'})});
    type(field('Title'), 'Sub-task');
    type(field('Parent task'), 'PAT-404');
    await submit('Create task');
    expect(errorOf(field('Parent task'))).toBe('parentId: no task PAT-404');
    expect(document.activeElement).toBe(field('Parent task'));
    expect(field('Title').value).toBe('Sub-task');
    s.fake.on('POST', `${bridgeUrl}/api/v1/tasks`, {status: 503, json: errorBody(503, 'baton.not_ready', 'The bridge is starting')});
    await submit('Create task');
    expect(container().querySelector('[role="alert"]')?.textContent).toBe('The task could not be saved: Baton is starting up or not fully set up yet. Try again in a moment.');
    expect(closed).toBe(0);
  });

  it('refuses a holder text that names nobody', async () => {
    const s = await render({kind: 'createTask', prefill: {}});
    s.fake.on('GET', /\/api\/v4\/users\/autocomplete\?/, {json: {users: []}});
    type(field('Title'), 'A task');
    type(field('Holder'), '@ghost');
    await submit('Create task');
    expect(s.fake.to('/api/v1/tasks')).toEqual([]);
    expect(errorOf(field('Holder'))).toBe('No one is called “@ghost”. Choose a person from the list.');
    expect(document.activeElement).toBe(field('Holder'));
  });

  it('starts from a prefill (another channel, a personal choice) and sends the source post', async () => {
    const s = await render({kind: 'createTask', prefill: {title: 'From a post', description: 'text', channelId: otherChannel, sourcePostId: postId}});
    s.fake.on('POST', `${bridgeUrl}/api/v1/tasks`, {status: 201, json: taskFixture({id: 'task-2'})});
    expect(field('Title').value).toBe('From a post');
    choose(field('Channel') as unknown as HTMLSelectElement, '');
    await submit('Create task');
    expect(s.fake.to('/api/v1/tasks')[0]?.body).toMatchObject({title: 'From a post', description: 'text', channelId: null, sourcePostId: postId});
  });

  it('edits a task: sends only what changed with its version; a 409 keeps the edits on the current task for "Save again"', async () => {
    const task = taskFixture({title: 'Old title', description: 'Old', version: 3});
    const s = await render({kind: 'editTask', taskId: 'task-1'});
    act(() => {
      s.store.dispatch(taskChanged(task));
    });
    await settle();
    expect(container().querySelector('h2')?.textContent).toBe('Edit PAT-12');
    expect(field('Holder')).toBeNull();
    const theirs = {...task, description: 'Theirs', version: 4};
    s.fake.on('PATCH', `${bridgeUrl}/api/v1/tasks/task-1`,
      {status: 409, json: errorBody(409, 'baton.conflict.version', 'The task changed since version 3.')},
      {json: {...theirs, title: 'New title', version: 5}});
    s.fake.on('GET', `${bridgeUrl}/api/v1/tasks/task-1`, {json: theirs});
    type(field('Title'), 'New title');
    type(field('Internal deadline'), '2025-04-04');
    await submit('Save');
    expect(container().textContent).toContain('Someone else changed this task at the same moment. Check the current task and try again. The form now shows the current task with your changes kept.');
    expect(field('Title').value).toBe('New title');
    expect(field('Description').value).toBe('Theirs');
    await submit('Save again');
    const patches = s.fake.to('/api/v1/tasks/task-1').filter((request) => request.method === 'PATCH');
    expect(patches.map((request) => [request.headers['If-Match'], request.body])).toEqual([
      [versionETag(3), {title: 'New title', deadlines: [{kind: 'internal', due: '2025-04-04'}]}],
      [versionETag(4), {title: 'New title', deadlines: [{kind: 'internal', due: '2025-04-04'}]}],
    ]);
    expect(getTasksState(s.store.getState() as GlobalStateWithBaton).entities['task-1']?.version).toBe(5);
    expect(closed).toBe(1);
  });

  it('loads a task the lists do not hold, and Cancel closes without saving', async () => {
    const s = await render({kind: 'editTask', taskId: 'task-7'}, 'ja', (scripted) => {
      scripted.fake.on('GET', `${bridgeUrl}/api/v1/tasks/task-7`, {json: taskFixture({id: 'task-7', key: 'PAT-7'})});
    });
    await settle();
    expect(container().querySelector('h2')?.textContent).toBe('PAT-7 を編集');
    act(() => {
      button('キャンセル').click();
    });
    expect(closed).toBe(1);
    expect(s.fake.requests.filter((request) => request.method === 'PATCH')).toEqual([]);
  });

  it('says when the task cannot be loaded, and still lets the person cancel', async () => {
    await render({kind: 'editTask', taskId: 'task-8'}, 'en', (scripted) => {
      scripted.fake.on('GET', `${bridgeUrl}/api/v1/tasks/task-8`, {status: 404, json: errorBody(404, 'baton.not_found.task', 'No task task-8')});
    });
    await settle();
    expect(container().querySelector('[role="alert"]')?.textContent).toContain('The task could not be loaded: This task was not found, or you cannot see it.');
    act(() => {
      button('Cancel').click();
    });
    expect(closed).toBe(1);
  });
});
