// Test support for the detail view: the panel with one task in Mine, its
// comments and timeline scripted, opened on that task; and the few DOM moves
// the tests make (click a button by name or label, type, press a key).
import React from 'react';
import {act} from 'react-dom/test-utils';

import type {Task} from '../api/contract';
import {getTasksState} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';
import {TasksPanel} from '../tasks/tasksPanel';
import {bridgeUrl} from '../testing/fixtures';
import {testIds} from '../testing/hostStore';
import {renderWithIntl, settle} from '../testing/renderWithIntl';
import {createConnectedTestServices} from '../testing/services';
import type {TestServices} from '../testing/services';

export const me = testIds.user;
export const other = 'oooooooooooooooooooooooooo';
export const now = new Date('2025-04-02T03:00:00Z');
export const taskUrl = `${bridgeUrl}/api/v1/tasks/task-1`;
const tokyo = {useAutomaticTimezone: 'false', manualTimezone: 'Asia/Tokyo', automaticTimezone: ''};
const profiles = {
  [me]: {id: me, username: 'sato', timezone: tokyo},
  [other]: {id: other, username: 'tanaka'},
};

export type DetailHarness = {
  services: TestServices;
  container: HTMLElement;
  unmount: () => void;
  text: () => string;
  /** Every button whose text or aria-label is `name`. */
  button: (name: string) => HTMLButtonElement | undefined;
  click: (name: string) => Promise<void>;
  type: (id: string, value: string) => void;
  key: (element: Element | null, key: string, options?: KeyboardEventInit) => Promise<void>;
  field: <Element extends HTMLElement = HTMLInputElement>(id: string) => Element | null;
  stored: (id?: string) => Task | undefined;
  requests: (method: string, url: string | RegExp) => TestServices['fake']['requests'];
};

export async function openDetail(task: Task, setup: (services: TestServices) => void = () => undefined): Promise<DetailHarness> {
  const services = createConnectedTestServices({profiles});
  services.fake.on('GET', /\/api\/v1\/tasks\?/, {json: {items: [task], nextCursor: null}});
  services.fake.on('GET', /\/api\/v1\/tasks\/task-1\/comments\?/, {json: {items: [], nextCursor: null}});
  services.fake.on('GET', /\/api\/v1\/tasks\/task-1\/timeline\?/, {json: {items: [], nextCursor: null}});
  services.fake.on('GET', taskUrl, {json: task});
  setup(services);
  const rendered = renderWithIntl(<TasksPanel/>, 'en', {...services, now: () => now});
  await settle();
  await settle();
  const container = rendered.container;
  act(() => container.querySelector<HTMLButtonElement>('[data-task-id="task-1"]')?.click());
  await settle();
  await settle();

  const button = (name: string) => [...container.querySelectorAll<HTMLButtonElement>('button')]
    .find((element) => element.textContent === name || element.getAttribute('aria-label') === name);
  return {
    services,
    container,
    unmount: () => {
      rendered.unmount();
      services.session.dispose();
      services.tasks.dispose();
    },
    text: () => container.textContent ?? '',
    button,
    click: async (name) => {
      const target = button(name);
      expect(target).toBeDefined();
      act(() => target?.click());
      await settle();
      await settle();
    },
    type: (id, value) => {
      const field = container.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`#${id}`);
      expect(field).not.toBeNull();
      const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : field instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
      act(() => {
        Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
        field?.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', {bubbles: true}));
      });
    },
    key: async (element, key, options = {}) => {
      expect(element).not.toBeNull();
      act(() => {
        element?.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true, cancelable: true, ...options}));
      });
      await settle();
      await settle();
    },
    field: <Element extends HTMLElement = HTMLInputElement>(id: string) => container.querySelector<Element>(`#${id}`),
    stored: (id = 'task-1') => getTasksState(services.store.getState() as GlobalStateWithBaton).entities[id],
    requests: (method, url) => services.fake.requests.filter((request) => request.method === method
      && (typeof url === 'string' ? request.url === url : url.test(request.url))),
  };
}
