import React, {useState} from 'react';
import {act} from 'react-dom/test-utils';

import type {HandoffNoticeInput} from '../../../server-bridge/src/notices/handoffNotice';
import {renderHandoffNotice} from '../../../server-bridge/src/notices/handoffNotice';
import {createPostActionsClient} from '../mattermost/postActions';
import type {HostPost} from '../plugin/hostTypes';
import {getRhsRequest} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';
import {taskChanged} from '../tasks/tasksSlice';
import {taskFixture} from '../testing/fixtures';
import {testIds, testSiteUrl} from '../testing/hostStore';
import {renderWithIntl, settle} from '../testing/renderWithIntl';
import {createTestServices} from '../testing/services';

import {HandoffCard} from './handoffCard';
import {readHandoffCard} from './handoffCardData';

const postId = 'pppppppppppppppppppppppppp';
const carol = 'cccccccccccccccccccccccccd';
const sentAt = new Date('2025-03-25T00:00:00Z');
const actionUrl = `${testSiteUrl}/api/v4/posts/${postId}/actions`;

/** A handoff DM written by the bridge's own renderer, as clients receive it: `integration` stripped, each button sealed in a cookie. */
function handoffPost(overrides: Partial<HandoffNoticeInput> = {}): HostPost {
  const notice = renderHandoffNotice({
    task: {id: 'task-1', key: 'PAT-12', title: '明細書のレビュー', url: `${testSiteUrl}/acme/messages/@baton`},
    caseRef: {id: 'CASE-2025-001', url: 'https://cases.example.com/2025-001'},
    stepName: 'Review',
    runTitle: 'Patent filing 2025',
    sender: {username: 'tanaka'},
    previousHolder: {username: 'suzuki'},
    deadlines: [
      {kind: 'customer', dueAt: new Date('2025-03-28T08:00:00Z'), allDay: false, timeZone: 'Asia/Tokyo'},
      {kind: 'legal', dueAt: new Date('2025-03-31T14:59:59.999Z'), allDay: true, timeZone: 'Asia/Tokyo'},
    ],
    comment: 'Please check claim 3 against D1.',
    receiver: {locale: 'en', timeZone: 'Asia/Tokyo'},
    now: sentAt,
    businessDaysBetween: () => 3,
    actions: {url: 'https://bridge.example.com/mattermost/actions', context: (action) => ({action, signature: 'sig'})},
    ...overrides,
  });
  const [attachment] = notice.props.attachments;
  const actions = attachment.actions.map(({integration: _integration, ...action}) => ({...action, cookie: `sealed-${action.id}`}));
  return {id: postId, type: notice.type, message: notice.message, props: {...notice.props, attachments: [{...attachment, actions}]}};
}

/** The post after the Accept click as the bridge updates it: same props, fewer buttons, a footer. */
function acceptedPost(post: HostPost): HostPost {
  const [attachment] = post.props?.attachments as [{actions: {id: string}[]}];
  return {...post, props: {...post.props, attachments: [{...attachment, actions: attachment.actions.filter((action) => ['done', 'handoff'].includes(action.id)), footer: 'Accepted · 2025-03-25 09:12'}]}};
}

function setup({locale = 'en', post = handoffPost(), now = sentAt}: {locale?: string; post?: HostPost; now?: Date} = {}) {
  const base = createTestServices({profiles: {
    [testIds.user]: {id: testIds.user, username: 'sato', timezone: {useAutomaticTimezone: 'false', automaticTimezone: '', manualTimezone: 'Asia/Tokyo'}},
    [carol]: {id: carol, username: 'carol'},
  }});
  const dispatched: unknown[] = [];
  const services = {
    ...base,
    now: () => now,
    store: {...base.store, dispatch: (action: Parameters<typeof base.store.dispatch>[0]) => (dispatched.push(action), base.store.dispatch(action))},
  };
  const postActions = createPostActionsClient({fetch: base.fake.fetch, siteUrl: () => testSiteUrl, cookies: () => 'MMUSERID=u; MMCSRF=csrf-from-cookie'});
  let setPost: (next: HostPost) => void = () => undefined;
  function Host() {
    const [current, set] = useState(post);
    setPost = set;
    return (
      <HandoffCard
        post={current}
        postActions={postActions}
      />
    );
  }
  const rendered = renderWithIntl(<Host/>, locale, services);
  const button = (name: string) => [...rendered.container.querySelectorAll('button')].find((candidate) => candidate.textContent === name);
  return {...rendered, services, fake: base.fake, dispatched, button, update: (next: HostPost) => act(() => setPost(next))};
}

const texts = (container: HTMLElement, selector: string) => [...container.querySelectorAll(selector)].map((element) => element.textContent);

describe('HandoffCard', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('reads the bridge’s real card data (HandoffCardData version 1)', () => {
    expect(readHandoffCard(handoffPost())).toMatchObject({version: 1, task: {key: 'PAT-12'}, actions: ['accept', 'done', 'handoff', 'decline']});
  });

  it('shows the case, the task, step and run, who handed it over, the comment, every deadline legal first in the viewer’s zone, and the buttons', () => {
    const {container, button} = setup();
    const card = container.querySelector('article');
    expect(card?.getAttribute('aria-label')).toBe('Baton handoff: PAT-12 明細書のレビュー');
    expect(card?.querySelector('.baton-card__title')?.textContent).toBe('The baton is yours');
    expect(card?.querySelector('.baton-card__case a')?.getAttribute('href')).toBe('https://cases.example.com/2025-001');
    expect(card?.querySelector('.baton-card__case')?.textContent).toBe('Case CASE-2025-001');
    expect(button('PAT-12')?.getAttribute('aria-label')).toBe('Open PAT-12 in the Baton panel');
    expect(card?.querySelector('a.baton-card__task-title')?.textContent).toBe('明細書のレビュー');
    expect(texts(container, '.baton-card__meta span')).toEqual(['Step: Review', 'Workflow: Patent filing 2025']);
    expect(card?.querySelector('.baton-card__from')?.textContent).toBe('From @tanaka, previously held by @suzuki');
    expect(card?.querySelector('blockquote')?.textContent).toBe('Please check claim 3 against D1.');
    // Legal first although the customer deadline is sooner; a timed deadline in the viewer's zone (Tokyo), an all-day one as its date.
    const deadlines = [...container.querySelectorAll('.baton-card__deadline')];
    expect(deadlines.map((item) => item.querySelector('.baton-card__deadline-kind')?.textContent)).toEqual(['Legalfixed by law', 'Customer']);
    expect(deadlines[0]?.querySelector('time')?.textContent).toBe('Mon, Mar 31, 2025');
    expect(deadlines[1]?.querySelector('time')?.textContent).toMatch(/^Mar 28, 2025, 5:00\sPM$/);
    expect(texts(container, '.baton-card__deadline-relative')).toEqual(['in 6 days', 'in 3 days']);
    expect(texts(container, '.baton-card__actions button')).toEqual(['Accept', 'Done', 'Hand off…', 'Decline…']);
  });

  it('computes the relative time from now, not from when the DM was sent', () => {
    const {container} = setup({now: new Date('2025-04-02T00:00:00Z')});
    expect(texts(container, '.baton-card__deadline-relative')).toEqual(['overdue (1 day ago)', 'overdue (4 days ago)']);
    expect(container.querySelectorAll('.baton-card__deadline--overdue')).toHaveLength(2);
  });

  it('speaks the viewer’s language (ja), whatever language the DM was written in', () => {
    const {container} = setup({locale: 'ja'});
    expect(container.querySelector('.baton-card__title')?.textContent).toBe('バトンが届きました');
    expect(container.querySelector('.baton-card__from')?.textContent).toBe('@tanaka さんから（前の担当: @suzuki さん）');
    expect(texts(container, '.baton-card__meta span')).toEqual(['ステップ: Review', 'ワークフロー: Patent filing 2025']);
    expect(texts(container, '.baton-card__deadline-kind')).toEqual(['法定延長不可', '顧客']);
    expect(container.querySelector('.baton-card__deadline time')?.textContent).toMatch(/^2025年3月31日/);
    expect(texts(container, '.baton-card__deadline-relative')).toEqual(['6 日後', '3 日後']);
    expect(texts(container, '.baton-card__actions button')).toEqual(['受領', '完了', '引き継ぐ…', '差し戻し…']);
  });

  it('opens the task in the Baton panel when its key is clicked', () => {
    const {button, services} = setup();
    act(() => button('PAT-12')?.click());
    expect(getRhsRequest(services.store.getState() as GlobalStateWithBaton).requestedTaskKey).toBe('PAT-12');
  });

  it('shows where the task is now once the panel knows it, and follows live changes', () => {
    const {container, services} = setup();
    expect(container.querySelector('[data-testid="baton-card-now"]')).toBeNull();
    act(() => {
      services.store.dispatch(taskChanged(taskFixture({id: 'task-1', holderId: carol, status: {id: 'in_progress', name: 'In progress', category: 'open'}, statusId: 'in_progress'})));
    });
    expect(container.querySelector('[data-testid="baton-card-now"]')?.textContent).toBe('Now with @carol · In progress');
    act(() => {
      services.store.dispatch(taskChanged(taskFixture({id: 'task-1', status: {id: 'done', name: 'Done', category: 'closed'}, statusId: 'done', closedAt: '2025-03-26T00:00:00.000Z'})));
    });
    expect(container.querySelector('[data-testid="baton-card-now"]')?.textContent).toBe('Closed now · Done');
  });

  it('posts a click the way the host does: /posts/{post}/actions/{action} with the action’s cookie, over the cookie session', async () => {
    const {fake, button, dispatched} = setup();
    fake.on('POST', `${actionUrl}/accept`, {json: {status: 'OK', trigger_id: 'trigger-1'}});
    act(() => button('Accept')?.click());
    // Pending until Mattermost answers; the button stays focusable but ignores clicks.
    const pending = button('Working…');
    expect(pending?.getAttribute('aria-busy')).toBe('true');
    act(() => pending?.click());
    await settle();
    expect(fake.requests.map(({url, method, headers, body, credentials}) => ({url, method, headers, body, credentials}))).toEqual([{
      url: `${actionUrl}/accept`,
      method: 'POST',
      headers: {'X-Requested-With': 'XMLHttpRequest', 'Content-Type': 'application/json', 'X-CSRF-Token': 'csrf-from-cookie'},
      body: {selected_option: '', cookie: 'sealed-accept'},
      credentials: 'include',
    }]);
    expect(button('Accept')?.getAttribute('aria-busy')).toBe('false');
    // The host opens the bridge's dialog only for the last trigger id it received.
    expect(dispatched).toContainEqual({type: 'RECEIVED_DIALOG_TRIGGER_ID', data: 'trigger-1'});
  });

  it('drops the buttons the bridge removed from the updated post, and shows its footer', () => {
    const {container, update} = setup();
    update(acceptedPost(handoffPost()));
    expect(texts(container, '.baton-card__actions button')).toEqual(['Done', 'Hand off…']);
    expect(container.querySelector('.baton-card__footer')?.textContent).toBe('Accepted · 2025-03-25 09:12');
    update({...handoffPost(), props: {...handoffPost().props, attachments: [{actions: []}]}});
    expect(container.querySelector('.baton-card__actions')).toBeNull();
  });

  it('says which button failed and why, and lets the person try again', async () => {
    const {container, fake, button} = setup();
    fake.on('POST', `${actionUrl}/done`, {status: 400, json: {id: 'api.post.do_action.action_integration.app_error', message: 'Action integration error.', status_code: 400}}, {json: {status: 'OK'}});
    act(() => button('Done')?.click());
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('Done did not work: Action integration error.');
    act(() => button('Done')?.click());
    await settle();
    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(fake.to('/actions/done')).toHaveLength(2);
  });

  it('says so when Mattermost cannot be reached', async () => {
    const {container, fake, button} = setup();
    fake.on('POST', `${actionUrl}/accept`, {networkError: new TypeError('Failed to fetch')});
    act(() => button('Accept')?.click());
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('Accept did not work: Mattermost could not be reached. Try again.');
  });

  it('shows an ephemeral_text that comes back with the answer', async () => {
    const {container, fake, button} = setup();
    fake.on('POST', `${actionUrl}/accept`, {json: {status: 'OK', ephemeral_text: 'PAT-12 is yours.'}});
    act(() => button('Accept')?.click());
    await settle();
    expect(container.querySelector('.baton-card__ephemeral[role="status"]')?.textContent).toBe('PAT-12 is yours.');
  });

  it.each([
    ['a newer bridge’s card', {version: 2}],
    ['no card data', undefined],
    ['broken card data', {version: 1, task: 'PAT-12'}],
  ])('falls back to the post’s Markdown text for %s, with its buttons', (_name, baton) => {
    const post = handoffPost();
    const {container} = setup({post: {...post, props: {...post.props, baton}}});
    expect(container.querySelector('.baton-card__message')?.textContent).toBe(post.message);
    expect(container.querySelector('.baton-card__note')?.textContent).toBe('This notice comes from another version of Baton, so it is shown as text.');
    expect(texts(container, '.baton-card__actions button')).toEqual(['Accept', 'Done', 'Hand off…', 'Decline…']);
  });

  it('renders Markdown with the host’s PostUtils', () => {
    const host = window as unknown as {PostUtils?: unknown};
    host.PostUtils = {
      formatText: (text: string) => `<em>${text}</em>`,
      messageHtmlToComponent: (html: string) => <span className='from-host'>{html}</span>,
    };
    try {
      const {container} = setup();
      expect(container.querySelector('blockquote .from-host')?.textContent).toBe('<em>Please check claim 3 against D1.</em>');
    } finally {
      delete host.PostUtils;
    }
  });
});
