import {act} from 'react-dom/test-utils';

import {versionETag} from '../api/contract';
import en from '../i18n/en.json';
import {getRhsRequest} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';
import {errorBody, taskFixture} from '../testing/fixtures';

import {openDetail, other, taskUrl} from './detailHarness';
import type {DetailHarness} from './detailHarness';
import {parseLabels} from './taskFields';

const task = taskFixture({
  title: '明細書のレビュー',
  description: 'Check claims',
  priority: 'normal',
  creatorId: other,
  labels: ['patent'],
  deadlines: [{kind: 'legal', dueAt: '2025-04-10T14:59:59.999Z', allDay: true, timeZone: 'Asia/Tokyo'}],
});

const edit = (field: string) => en['baton.detail.edit'].replace('{field}', field);
const save = en['baton.detail.edit.save'];

describe('Editing the task in the detail view', () => {
  let detail: DetailHarness | undefined;
  afterEach(() => detail?.unmount());

  const patches = () => detail?.requests('PATCH', taskUrl).map(({body, headers}) => ({body, ifMatch: headers['If-Match']})) ?? [];
  const heading = () => detail?.container.querySelector<HTMLElement>('#baton-detail-heading') ?? null;
  const alert = () => detail?.container.querySelector('[role="alert"]');

  it('edits the title from its heading: Enter opens it focused, Save sends it with If-Match, focus returns to the heading', async () => {
    detail = await openDetail(task, (s) => s.fake.on('PATCH', taskUrl, {json: {...task, title: '請求項の確認', version: 4}}));
    expect(document.activeElement).toBe(heading());
    await detail.key(heading(), 'Enter');

    const input = detail.field('baton-detail-edit-title');
    expect(document.activeElement).toBe(input);
    expect(input?.value).toBe('明細書のレビュー');
    detail.type('baton-detail-edit-title', '請求項の確認');
    await detail.click(save);

    expect(patches()).toEqual([{body: {title: '請求項の確認'}, ifMatch: versionETag(3)}]);
    expect(detail.stored()?.version).toBe(4);
    expect(heading()?.textContent).toBe('PAT-12 請求項の確認');
    expect(document.activeElement).toBe(heading());
  });

  it('F2 and a click open the title too; Escape cancels without sending anything', async () => {
    detail = await openDetail(task);
    await detail.key(heading(), 'F2');
    detail.type('baton-detail-edit-title', 'something else');
    await detail.key(detail.field('baton-detail-edit-title'), 'Escape');

    expect(detail.field('baton-detail-edit-title')).toBeNull();
    expect(heading()?.textContent).toBe('PAT-12 明細書のレビュー');
    act(() => heading()?.click());
    expect(detail.field('baton-detail-edit-title')?.value).toBe('明細書のレビュー');
    expect(patches()).toEqual([]);
  });

  it('checks the title against the contract first: an empty one is named at the field and nothing is sent', async () => {
    detail = await openDetail(task);
    await detail.key(heading(), 'Enter');
    detail.type('baton-detail-edit-title', '   ');
    await detail.click(save);

    const input = detail.field('baton-detail-edit-title');
    expect(patches()).toEqual([]);
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    const error = detail.container.querySelector(`#${input?.getAttribute('aria-describedby') ?? 'none'}`);
    expect(error?.textContent).toContain('must be 1–200 characters');
    expect(document.activeElement).toBe(input);
  });

  it('changes the priority with a select', async () => {
    detail = await openDetail(task, (s) => s.fake.on('PATCH', taskUrl, {json: {...task, priority: 'urgent', version: 4}}));
    await detail.click(edit(en['baton.tasks.filter.priority']));
    detail.type('baton-detail-edit-priority', 'urgent');
    await detail.click(save);

    expect(patches()).toEqual([{body: {priority: 'urgent'}, ifMatch: versionETag(3)}]);
    expect(detail.container.querySelector('.baton-detail__priority')?.textContent).toBe(en['baton.tasks.priority.urgent']);
  });

  it('moves a deadline to another day in its own zone, removes it, and sets a missing kind', async () => {
    detail = await openDetail(task, (s) => s.fake.on('PATCH', taskUrl, {json: {...task, version: 4}}));
    const legal = edit(en['baton.detail.deadline.label'].replace('{kind}', en['baton.tasks.deadline.legal']));
    await detail.click(legal);
    expect(detail.field('baton-detail-edit-deadline-legal')?.value).toBe('2025-04-10');
    expect(detail.field('baton-detail-edit-deadline-legal')?.type).toBe('date');
    detail.type('baton-detail-edit-deadline-legal', '2025-04-20');
    await detail.click(save);
    await detail.click(legal);
    await detail.click(en['baton.detail.edit.remove']);
    await detail.click(edit(en['baton.detail.deadline.label'].replace('{kind}', en['baton.tasks.deadline.customer'])));
    detail.type('baton-detail-edit-deadline-customer', '2025-05-01');
    await detail.click(save);

    expect(patches().map(({body}) => body)).toEqual([
      {deadlines: [{kind: 'legal', due: '2025-04-20', timeZone: 'Asia/Tokyo'}]},
      {deadlines: [{kind: 'legal', due: null}]},
      {deadlines: [{kind: 'customer', due: '2025-05-01', timeZone: 'Asia/Tokyo'}]},
    ]);
  });

  it('replaces the labels, typed with commas', async () => {
    expect(parseLabels('patent, urgent-review,, 審査 、 ')).toEqual(['patent', 'urgent-review', '審査']);
    detail = await openDetail(task, (s) => s.fake.on('PATCH', taskUrl, {json: {...task, labels: ['patent', 'urgent'], version: 4}}));
    await detail.click(edit(en['baton.detail.labels']));
    expect(detail.field('baton-detail-edit-labels')?.value).toBe('patent');
    detail.type('baton-detail-edit-labels', 'patent, urgent');
    await detail.click(save);

    expect(patches().map(({body}) => body)).toEqual([{labels: ['patent', 'urgent']}]);
    expect([...detail.container.querySelectorAll('.baton-detail__labels li')].map((item) => item.textContent)).toContain('urgent');
  });

  it('saves the description with Ctrl+Enter (Enter alone is a new line)', async () => {
    detail = await openDetail(task, (s) => s.fake.on('PATCH', taskUrl, {json: {...task, description: 'Check claims 1–3', version: 4}}));
    await detail.click(edit(en['baton.detail.description.edit']));
    const textarea = () => detail?.field<HTMLTextAreaElement>('baton-detail-edit-description') ?? null;
    detail.type('baton-detail-edit-description', 'Check claims 1–3');
    await detail.key(textarea(), 'Enter');
    expect(patches()).toEqual([]);
    await detail.key(textarea(), 'Enter', {ctrlKey: true});

    expect(patches().map(({body}) => body)).toEqual([{description: 'Check claims 1–3'}]);
    expect(textarea()).toBeNull();
    expect(detail.text()).toContain('Check claims 1–3');
  });

  it('sets the start date and the case; a case link that is not http(s) is named before sending', async () => {
    const withCase = {...task, startDate: '2025-04-03', caseRef: {id: 'CASE-1', url: 'https://erp.example.com/1'}, version: 5};
    detail = await openDetail(task, (s) => s.fake.on('PATCH', taskUrl, {json: {...task, startDate: '2025-04-03', version: 4}}, {json: withCase}));
    await detail.click(edit(en['baton.detail.start_date']));
    detail.type('baton-detail-edit-start-date', '2025-04-03');
    await detail.click(save);
    await detail.click(edit(en['baton.detail.case.id']));
    detail.type('baton-detail-edit-case', 'CASE-1');
    detail.type('baton-detail-edit-case-url', 'ftp://erp.example.com/1');
    await detail.click(save);

    expect(patches()).toHaveLength(1);
    expect(alert()?.textContent).toContain('http:// or https://');
    detail.type('baton-detail-edit-case-url', 'https://erp.example.com/1');
    await detail.click(save);

    expect(patches()).toEqual([
      {body: {startDate: '2025-04-03'}, ifMatch: versionETag(3)},
      {body: {caseRef: {id: 'CASE-1', url: 'https://erp.example.com/1'}}, ifMatch: versionETag(4)},
    ]);
    const link = detail.container.querySelector<HTMLAnchorElement>('.baton-detail__case');
    expect(link?.href).toBe('https://erp.example.com/1');
    expect(link?.target).toBe('_blank');
    expect(link?.rel).toBe('noopener noreferrer');
  });

  it('shows the bridge\'s 400 and 403 messages at the field and keeps the edit', async () => {
    detail = await openDetail(task, (s) => s.fake.on('PATCH', taskUrl,
      {status: 400, json: errorBody(400, 'baton.bad_request.validation', 'labels: must not repeat a label', {field: 'labels'})},
      {status: 403, json: errorBody(403, 'baton.forbidden', 'Only the holder, the creator or a watcher can edit this task')}));
    await detail.click(edit(en['baton.detail.labels']));
    detail.type('baton-detail-edit-labels', 'Patent, patent2');
    await detail.click(save);

    expect(alert()?.textContent).toContain('must not repeat a label');
    await detail.click(save);
    expect(alert()?.textContent).toContain('Only the holder, the creator or a watcher');
    expect(detail.field('baton-detail-edit-labels')?.value).toBe('Patent, patent2');
  });

  it('on 409 says so, reads the task as it is now and keeps the edit; Save again applies it to that version', async () => {
    const changed = {...task, description: 'Someone else wrote this', version: 8};
    detail = await openDetail(task, (s) => s.fake.on('PATCH', taskUrl,
      {status: 409, json: errorBody(409, 'baton.conflict.version', 'The task changed since you read it')},
      {json: {...changed, title: 'Mine', version: 9}}));
    detail.services.fake.on('GET', taskUrl, {json: changed});
    await detail.key(heading(), 'Enter');
    detail.type('baton-detail-edit-title', 'Mine');
    await detail.click(save);

    expect(alert()?.textContent).toContain(en['baton.error.conflict.version']);
    expect(detail.stored()?.version).toBe(8);
    expect(detail.text()).toContain('Someone else wrote this');
    expect(detail.field('baton-detail-edit-title')?.value).toBe('Mine');
    await detail.click(save);

    expect(patches()).toEqual([
      {body: {title: 'Mine'}, ifMatch: versionETag(3)},
      {body: {title: 'Mine'}, ifMatch: versionETag(8)},
    ]);
    expect(heading()?.textContent).toBe('PAT-12 Mine');
  });

  it('Edit all fields… opens the full edit form for this task', async () => {
    detail = await openDetail(task);
    await detail.click(en['baton.detail.edit_all']);

    expect(getRhsRequest(detail.services.store.getState() as GlobalStateWithBaton).form).toEqual({kind: 'editTask', taskId: 'task-1'});
  });
});
