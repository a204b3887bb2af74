import React from 'react';
import {act} from 'react-dom/test-utils';

import type {Task} from '../api/contract';
import en from '../i18n/en.json';
import {errorBody, taskFixture} from '../testing/fixtures';
import {testIds} from '../testing/hostStore';
import {renderWithIntl, settle} from '../testing/renderWithIntl';
import type {Rendered} from '../testing/renderWithIntl';
import {createConnectedTestServices} from '../testing/services';
import type {TestServices} from '../testing/services';

import {ChannelView} from './channelBoard';
import {viewChoiceKey} from './viewChoice';
import type {ViewStorage} from './viewChoice';

const openUrl = /\/api\/v1\/tasks\?(?!.*statusCategory=closed)/;
const closedUrl = /\/api\/v1\/tasks\?.*statusCategory=closed/;
const now = new Date('2025-04-02T03:00:00Z');
const doneStatus = {id: 'done', name: 'Done', category: 'closed'} as const;
const other = 'oooooooooooooooooooooooooo';

function fakeStorage(entries: Record<string, string> = {}): ViewStorage & {entries: Record<string, string>} {
  return {
    entries,
    getItem: (key) => entries[key] ?? null,
    setItem: (key, value) => {
      entries[key] = value;
    },
  };
}

describe('ChannelView', () => {
  let rendered: Rendered | undefined;
  let services: TestServices | undefined;
  afterEach(() => {
    rendered?.unmount();
    services?.session.dispose();
    services?.tasks.dispose();
  });

  async function show(open: Task[], closed: Task[] | {status: number; json: unknown}[], storage: ViewStorage = fakeStorage({[viewChoiceKey(testIds.channel)]: 'board'})) {
    const s = createConnectedTestServices();
    services = s;
    s.fake.on('GET', openUrl, {json: {items: open, nextCursor: null}});
    s.fake.on('GET', closedUrl, ...(Array.isArray(closed) && closed.every((item) => 'key' in item) ? [{json: {items: closed, nextCursor: null}}] : closed as {status: number; json: unknown}[]));
    rendered = renderWithIntl(<ChannelView
      label='This channel'
      storage={storage}
    />, 'en', {...s, now: () => now});
    act(() => s.tasks.show('channel', {channelId: testIds.channel}));
    await settle();
    await settle();
    await settle();
    return s;
  }

  const container = () => rendered?.container as HTMLElement;
  const cardsIn = (statusId: string) => [...container().querySelectorAll<HTMLElement>(`section[data-status-id="${statusId}"] .baton-board__card`)].map((card) => card.dataset.taskId);
  const allCards = () => [...container().querySelectorAll<HTMLElement>('.baton-board__card')].map((card) => card.dataset.taskId);
  const pressed = () => [...container().querySelectorAll('[aria-pressed="true"]')].map((button) => button.textContent);
  const button = (name: string) => [...container().querySelectorAll<HTMLButtonElement>('button')].find((element) => element.textContent === name);

  function choose(label: string, value: string) {
    const select = container().querySelector<HTMLSelectElement>(`select[aria-label="${label}"]`) as HTMLSelectElement;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(select, value);
      select.dispatchEvent(new Event('change', {bubbles: true}));
    });
  }

  function search(text: string) {
    const input = container().querySelector<HTMLInputElement>('input[type="search"]') as HTMLInputElement;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
      input.dispatchEvent(new Event('input', {bubbles: true}));
    });
  }

  it('fills the Done column with the channel\'s recently closed tasks, asked for newest first, one page of 20', async () => {
    const closed = taskFixture({id: 'task-9', key: 'PAT-9', title: 'Filed', statusId: 'done', status: doneStatus, closedAt: '2025-04-01T00:00:00.000Z'});
    const s = await show([taskFixture()], [closed]);

    expect(cardsIn('open')).toEqual(['task-1']);
    expect(cardsIn('done')).toEqual(['task-9']);
    const request = s.fake.requests.find((each) => closedUrl.test(each.url));
    const query = new URL(request?.url ?? 'http://x').searchParams;
    expect(Object.fromEntries(query)).toEqual({channelId: testIds.channel, statusCategory: 'closed', sort: '-updatedAt', limit: '20'});
    expect(s.fake.unexpected).toEqual([]);
  });

  it('says when the closed tasks could not load and loads them again on Retry', async () => {
    const closed = taskFixture({id: 'task-9', key: 'PAT-9', statusId: 'done', status: doneStatus});
    await show([taskFixture()], [
      {status: 503, json: errorBody(503, 'baton.not_ready', 'The bridge is not ready: starting up')},
      {status: 200, json: {items: [closed], nextCursor: null}},
    ]);

    const alert = container().querySelector('[role="alert"]');
    expect(alert?.textContent).toContain(`Could not load the recently closed tasks: ${en['baton.error.not_ready']}`);
    expect(cardsIn('open')).toEqual(['task-1']);
    act(() => alert?.querySelector<HTMLButtonElement>('.baton-tasks__retry')?.click());
    await settle();
    await settle();
    expect(container().querySelector('[role="alert"]')).toBeNull();
    expect(cardsIn('done')).toEqual(['task-9']);
  });

  it('narrows the cards by priority, label, holder and text, keeping every column, and clears the filters', async () => {
    await show([
      taskFixture({id: 'a', key: 'PAT-1', title: 'Claims draft', priority: 'high', labels: ['patent']}),
      taskFixture({id: 'b', key: 'PAT-2', title: 'Invoice', priority: 'low', labels: ['billing'], holderId: other}),
      taskFixture({id: 'c', key: 'PAT-3', title: '明細書の翻訳', priority: 'high', labels: ['patent'], holderId: other}),
    ], []);
    expect(allCards()).toEqual(['a', 'b', 'c']);

    choose(en['baton.tasks.filter.priority'], 'high');
    expect(allCards()).toEqual(['a', 'c']);
    choose(en['baton.board.filter.holder'], 'me');
    expect(allCards()).toEqual(['a']);
    choose(en['baton.board.filter.holder'], 'anyone');
    choose(en['baton.tasks.filter.priority'], '');
    const labels = [...container().querySelectorAll(`select[aria-label="${en['baton.board.filter.label']}"] option`)].map((option) => option.textContent);
    expect(labels).toEqual([en['baton.board.filter.label.any'], 'billing', 'patent']);
    choose(en['baton.board.filter.label'], 'billing');
    expect(allCards()).toEqual(['b']);
    choose(en['baton.board.filter.label'], '');
    search('翻訳');
    expect(allCards()).toEqual(['c']);
    search('pat-2');
    expect(allCards()).toEqual(['b']);

    search('nothing like this');
    expect(allCards()).toEqual([]);
    expect(container().textContent).toContain(en['baton.board.filter.none']);
    expect(container().querySelectorAll('.baton-board__column')).toHaveLength(4);
    act(() => button(en['baton.board.filter.clear'])?.click());
    expect(allCards()).toEqual(['a', 'b', 'c']);
    expect(button(en['baton.board.filter.clear'])).toBeUndefined();
  });

  it('opens on the view last chosen in this channel (List by default) and remembers a new choice', async () => {
    const storage = fakeStorage();
    await show([taskFixture()], [], storage);
    expect(pressed()).toEqual(['List']);
    expect(container().querySelector('.baton-board')).toBeNull();

    act(() => button('Board')?.click());
    await settle();
    await settle();
    expect(pressed()).toEqual(['Board']);
    expect(storage.entries).toEqual({[viewChoiceKey(testIds.channel)]: 'board'});
    rendered?.unmount();

    rendered = renderWithIntl(<ChannelView
      label='This channel'
      storage={storage}
    />, 'en', {...services as TestServices, now: () => now});
    await settle();
    await settle();
    expect(pressed()).toEqual(['Board']);
    expect(container().querySelector('.baton-board')).not.toBeNull();
    act(() => button('List')?.click());
    expect(storage.entries[viewChoiceKey(testIds.channel)]).toBe('list');
  });

  it('shows List when the browser refuses storage, and still switches', async () => {
    const refusing: ViewStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    await show([taskFixture()], [], refusing);
    expect(pressed()).toEqual(['List']);
    act(() => button('Board')?.click());
    await settle();
    await settle();
    expect(pressed()).toEqual(['Board']);
  });
});
