import React from 'react';
import {act} from 'react-dom/test-utils';

import {workflowRunSchema, workflowTemplateListSchema} from '../api/contract';
import type {WorkflowRunBody} from '../api/contract';
import en from '../i18n/en.json';
import {getTasksState} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';
import {bridgeUrl, errorBody, taskFixture} from '../testing/fixtures';
import {testIds} from '../testing/hostStore';
import {renderWithIntl, settle} from '../testing/renderWithIntl';
import type {Rendered} from '../testing/renderWithIntl';
import {createConnectedTestServices} from '../testing/services';
import type {TestServices} from '../testing/services';

import {WorkflowStartForm} from './workflowStartForm';

const me = testIds.user;
const tanaka = 'tttttttttttttttttttttttta1';
const templatesUrl = `${bridgeUrl}/api/v1/workflows`;
const runsUrl = `${bridgeUrl}/api/v1/workflows/tpl-1/runs`;

const templates = workflowTemplateListSchema.parse({
  nextCursor: null,
  items: [{
    id: 'tpl-1',
    version: 2,
    definition: {name: 'Office action response', description: 'Answer an office action', steps: [
      {name: 'Draft', instructions: '', assignee: {kind: 'role', role: 'attorney'}, deadlines: []},
      {name: 'Review', instructions: '', assignee: {kind: 'role', role: 'reviewer'}, deadlines: []},
    ]},
    roles: ['attorney', 'reviewer'],
    createdBy: me,
    updatedAt: '2025-03-01T00:00:00.000Z',
  }, {
    id: 'tpl-2',
    version: 1,
    definition: {name: 'Filing', description: '', steps: [{name: 'File', instructions: '', assignee: {kind: 'requester'}, deadlines: []}]},
    roles: [],
    createdBy: me,
    updatedAt: '2025-03-01T00:00:00.000Z',
  }],
});

const run: WorkflowRunBody = workflowRunSchema.parse({
  id: 'run-1', templateId: 'tpl-1', templateVersion: 2, title: 'OA response: JP-2025-001', status: 'active', requesterId: me,
  channelId: testIds.channel, parentTaskId: 'task-20', parentTaskKey: 'PAT-20', currentStep: 0,
  steps: [{position: 0, name: 'Draft', taskId: 'task-21', taskKey: 'PAT-21', holderId: tanaka, startedAt: '2025-04-01T00:00:00.000Z', completedAt: null}],
  startedAt: '2025-04-01T00:00:00.000Z', completedAt: null, runChannel: null,
});

describe('WorkflowStartForm', () => {
  let rendered: Rendered | undefined;
  let services: TestServices | undefined;
  let closed = 0;
  afterEach(() => {
    rendered?.unmount();
    services?.session.dispose();
    closed = 0;
  });

  async function render(...templateReplies: Parameters<TestServices['fake']['on']>[2][]) {
    const s = createConnectedTestServices({profiles: {[me]: {id: me, username: 'sato'}, [tanaka]: {id: tanaka, username: 'tanaka'}}});
    services = s;
    s.fake.on('GET', templatesUrl, ...(templateReplies.length > 0 ? templateReplies : [{json: templates}]));
    s.fake.on('GET', /\/api\/v4\/users\/autocomplete\?/, {json: {users: [{id: tanaka, username: 'tanaka'}, {id: me, username: 'sato'}]}});
    rendered = renderWithIntl(<WorkflowStartForm onClose={() => closed++}/>, 'en', s);
    await settle();
    await settle();
    return s;
  }

  const container = () => rendered?.container as HTMLElement;
  const field = <T extends HTMLElement = HTMLInputElement>(id: string) => container().querySelector<T>(`#${id}`) as T;
  const errorOf = (id: string) => {
    const describedBy = field(id).getAttribute('aria-describedby') ?? '';
    return describedBy.split(' ').map((each) => document.getElementById(each)).find((element) => element?.classList.contains('baton-form__error'))?.textContent ?? null;
  };
  const button = (name: string) => [...container().querySelectorAll<HTMLButtonElement>('button')].find((element) => element.textContent === name) as HTMLButtonElement;
  const runPosts = () => services?.fake.requests.filter((request) => request.method === 'POST' && request.url === runsUrl) ?? [];

  function type(id: string, value: string) {
    const element = field<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(id);
    const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : element instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    act(() => {
      Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
      element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', {bubbles: true}));
    });
  }

  async function pickPeople(people: Record<string, string>) {
    for (const [role, username] of Object.entries(people)) {
      type(`baton-wf-role-${role}`, username);
    }
    // The picker searches after its debounce (200 ms) and takes an exact @username.
    await act(() => new Promise((resolve) => setTimeout(resolve, 250)));
    await settle();
  }

  async function submit() {
    act(() => button(en['baton.workflow_start.submit']).click());
    await settle();
    await settle();
  }

  it('loads the templates, says when that failed, and Retry loads them; then focuses the template choice', async () => {
    await render({status: 503, json: errorBody(503, 'baton.not_ready', 'The bridge is not ready: starting up')}, {json: templates});
    const alert = container().querySelector('[role="alert"]');
    expect(alert?.textContent).toContain(`Could not load the workflow templates: ${en['baton.error.not_ready']}`);
    act(() => alert?.querySelector<HTMLButtonElement>('.baton-tasks__retry')?.click());
    expect(container().querySelector('[role="status"]')?.textContent).toBe(en['baton.workflow_start.loading']);
    await settle();
    await settle();

    const select = field<HTMLSelectElement>('baton-wf-template');
    expect(document.activeElement).toBe(select);
    expect([...select.options].map((option) => option.textContent)).toEqual([en['baton.workflow_start.template.choose'], 'Office action response', 'Filing']);
    expect(container().textContent).toContain(`Starts in ${testIds.channel}`);
    expect(container().querySelector('label[for="baton-wf-run-channel"]')?.textContent).toContain(en['baton.workflow_start.run_channel']);
  });

  it('says there are no templates yet, and Close closes', async () => {
    await render({json: {items: [], nextCursor: null}});
    expect(container().textContent).toContain(en['baton.workflow_start.empty']);
    act(() => button(en['baton.workflow_start.close']).click());
    expect(closed).toBe(1);
  });

  it('checks the input before sending: a template, a person per role, a case id for a link, a valid link', async () => {
    const s = await render();
    await submit();
    expect(errorOf('baton-wf-template')).toBe(en['baton.workflow_start.error.template']);
    expect(field('baton-wf-template').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('baton-wf-template'));

    type('baton-wf-template', 'tpl-1');
    type('baton-wf-case-url', 'https://erp.example.com/cases/1');
    await pickPeople({reviewer: '@nobody'});
    await submit();
    expect(errorOf('baton-wf-role-attorney')).toBe('Choose a person for the attorney role.');
    expect(errorOf('baton-wf-role-reviewer')).toBe('No Mattermost user is called @nobody.');
    expect(errorOf('baton-wf-case-url')).toBe(en['baton.workflow_start.error.url_needs_case']);
    expect(document.activeElement).toBe(field('baton-wf-role-attorney'));

    await pickPeople({attorney: '@tanaka', reviewer: '@sato'});
    type('baton-wf-case-id', 'JP-2025-001');
    type('baton-wf-case-url', 'ftp://erp.example.com/cases/1');
    await submit();
    expect(errorOf('baton-wf-role-attorney')).toBeNull();
    expect(errorOf('baton-wf-case-url')).toBe(en['baton.workflow_start.error.case_url']);
    expect(document.activeElement).toBe(field('baton-wf-case-url'));
    expect(s.fake.to('/runs')).toEqual([]);
  });

  it('starts the run in this channel with what was entered, says who has the baton, and Open shows the run\'s task', async () => {
    const s = await render();
    s.fake.on('POST', runsUrl, {status: 201, json: run});
    s.fake.on('GET', `${bridgeUrl}/api/v1/tasks/PAT-20`, {json: taskFixture({id: 'task-20', key: 'PAT-20', title: run.title})});
    type('baton-wf-template', 'tpl-1');
    await pickPeople({attorney: '@tanaka', reviewer: '@sato'});
    type('baton-wf-title', 'OA response');
    type('baton-wf-case-id', 'JP-2025-001');
    type('baton-wf-case-url', 'https://erp.example.com/cases/1');
    type('baton-wf-deadline-legal', '2025-05-01');
    type('baton-wf-comment', '急ぎでお願いします');
    act(() => field('baton-wf-run-channel').click());
    await submit();

    expect(runPosts().map((request) => request.body)).toEqual([{
      channelId: testIds.channel,
      roles: {attorney: tanaka, reviewer: me},
      deadlines: [{kind: 'legal', due: '2025-05-01'}],
      runChannel: true,
      title: 'OA response',
      caseRef: {id: 'JP-2025-001', url: 'https://erp.example.com/cases/1'},
      comment: '急ぎでお願いします',
    }]);
    const status = container().querySelector('[role="status"]');
    expect(status?.textContent).toContain('OA response: JP-2025-001 is under way as PAT-20.');
    expect(status?.textContent).toContain('@tanaka has the baton for the first step, Draft.');

    act(() => button('Open PAT-20').click());
    await settle();
    await settle();
    const tasks = getTasksState(s.store.getState() as GlobalStateWithBaton);
    expect(tasks.selectedTaskId).toBe('task-20');
    expect(tasks.entities['task-20']?.key).toBe('PAT-20');
    expect(closed).toBe(1);
  });

  it('shows a 400 at the field the bridge names, keeps every input, and starts on the next try', async () => {
    const s = await render();
    s.fake.on('POST', runsUrl,
      {status: 400, json: errorBody(400, 'baton.bad_request.validation', 'roles.reviewer: must be a member of the channel', {issues: [{field: 'roles.reviewer', message: 'must be a member of the channel'}]})},
      {networkError: new TypeError('Failed to fetch')},
      {status: 201, json: run});
    type('baton-wf-template', 'tpl-1');
    await pickPeople({attorney: '@tanaka', reviewer: '@sato'});
    type('baton-wf-case-id', 'JP-2025-001');
    type('baton-wf-deadline-customer', '2025-05-10');
    await submit();

    expect(errorOf('baton-wf-role-reviewer')).toBe('must be a member of the channel');
    expect(field('baton-wf-role-reviewer').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('baton-wf-role-reviewer'));
    expect(field('baton-wf-case-id').value).toBe('JP-2025-001');
    expect(field('baton-wf-deadline-customer').value).toBe('2025-05-10');
    expect(field('baton-wf-role-attorney').value).toBe('@tanaka');
    // A case without a link goes into the title, as the /task dialog does.
    expect(runPosts()[0]?.body).toMatchObject({title: 'Office action response: JP-2025-001', deadlines: [{kind: 'customer', due: '2025-05-10'}]});

    await submit();
    expect(container().querySelector('[role="alert"]')?.textContent).toContain('The workflow did not start:');
    expect(field('baton-wf-case-id').value).toBe('JP-2025-001');

    await submit();
    expect(runPosts()).toHaveLength(3);
    expect(container().querySelector('[role="status"]')?.textContent).toContain(en['baton.workflow_start.started']);
    expect(s.fake.unexpected).toEqual([]);
  });
});
