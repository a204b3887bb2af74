import React, {useState} from 'react';
import {act} from 'react-dom/test-utils';

import {testIds, testSiteUrl} from '../testing/hostStore';
import {renderWithIntl, settle} from '../testing/renderWithIntl';
import type {Rendered} from '../testing/renderWithIntl';
import {createTestServices} from '../testing/services';
import type {TestServices} from '../testing/services';

import {UserPicker} from './userPicker';

const me = testIds.user;
const tanaka = 'tttttttttttttttttttttttta1';
const taro = 'tttttttttttttttttttttttta2';
const autocompleteUrl = (name: string) => `${testSiteUrl}/api/v4/users/autocomplete?in_team=${testIds.team}&in_channel=${testIds.channel}&name=${encodeURIComponent(name)}&limit=20`;

describe('UserPicker', () => {
  let rendered: Rendered | undefined;
  let services: TestServices | undefined;
  let changes: [string | null, string][] = [];
  afterEach(() => {
    rendered?.unmount();
    services?.session.dispose();
    changes = [];
  });

  function Harness({initial}: {initial: string | null}) {
    const [value, setValue] = useState(initial);
    return (
      <>
        <label htmlFor='holder'>{'Holder'}</label>
        <UserPicker
          id='holder'
          value={value}
          channelId={testIds.channel}
          debounceMs={0}
          onChange={(userId, unresolved) => {
            changes.push([userId, unresolved]);
            setValue(userId);
          }}
        />
        <output data-testid='value'>{value ?? 'none'}</output>
      </>
    );
  }

  function render(initial: string | null = me) {
    const s = createTestServices({profiles: {[me]: {id: me, username: 'sato'}}});
    services = s;
    s.fake.on('GET', /\/api\/v4\/users\/autocomplete\?/, {json: {users: [
      {id: tanaka, username: 'tanaka', first_name: 'Hanako', last_name: 'Tanaka', nickname: ''},
      {id: taro, username: 'taro', first_name: '', last_name: '', nickname: 'Taro-san'},
      {id: me, username: 'sato', first_name: 'Ichiro', last_name: 'Sato', nickname: ''},
    ]}});
    rendered = renderWithIntl(<Harness initial={initial}/>, 'en', s);
    return s;
  }

  const input = () => rendered?.container.querySelector('input') as HTMLInputElement;
  const listbox = () => rendered?.container.querySelector('[role="listbox"]') as HTMLElement;
  const options = () => Array.from(rendered?.container.querySelectorAll('[role="option"]') ?? []).map((option) => option.textContent);
  const value = () => rendered?.container.querySelector('[data-testid="value"]')?.textContent;

  function type(text: string) {
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input(), text);
      input().dispatchEvent(new Event('input', {bubbles: true}));
    });
  }

  function press(key: string) {
    act(() => {
      input().dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true, cancelable: true}));
    });
  }

  it('is a labelled combobox that shows the chosen person as @username', () => {
    render();
    expect(input().getAttribute('role')).toBe('combobox');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().getAttribute('aria-controls')).toBe(listbox().id);
    expect(rendered?.container.querySelector('label')?.htmlFor).toBe(input().id);
    expect(input().value).toBe('@sato');
  });

  it('searches Mattermost as you type (team and channel, like Client4) and lists "Me" first, then @username – name', async () => {
    const s = render(null);
    type('ta');
    await settle();
    expect(s.fake.to('/users/autocomplete').map((request) => request.url)).toEqual([autocompleteUrl('ta')]);
    expect(s.fake.to('/users/autocomplete')[0]?.headers).toEqual({'X-Requested-With': 'XMLHttpRequest'});
    expect(input().getAttribute('aria-expanded')).toBe('true');
    expect(options()).toEqual(['@tanaka – Hanako Tanaka', '@taro – Taro-san']);
    type('');
    await settle();
    expect(options()[0]).toBe('Me (@sato)');
  });

  it('moves with ArrowDown/ArrowUp (aria-activedescendant), picks with Enter and closes with Escape', async () => {
    render(null);
    type('t');
    await settle();
    const ids = Array.from(rendered?.container.querySelectorAll('[role="option"]') ?? []).map((option) => option.id);
    expect(input().getAttribute('aria-activedescendant')).toBe(ids[0]);
    press('ArrowDown');
    expect(input().getAttribute('aria-activedescendant')).toBe(ids[1]);
    press('ArrowUp');
    press('ArrowUp');
    expect(input().getAttribute('aria-activedescendant')).toBe(ids[ids.length - 1]);
    press('Enter');
    expect(value()).toBe(taro);
    expect(input().value).toBe('@taro');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    press('ArrowDown');
    expect(input().getAttribute('aria-expanded')).toBe('true');
    press('Escape');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(value()).toBe(taro);
  });

  it('takes a typed @username that matches exactly, and reports text that names nobody', async () => {
    render(null);
    type('@TANAKA');
    await settle();
    expect(value()).toBe(tanaka);
    type('@nobody');
    await settle();
    expect(value()).toBe('none');
    expect(changes.at(-1)).toEqual([null, '@nobody']);
  });

  it('says so when the search fails', async () => {
    const s = render(null);
    s.fake.on('GET', /\/api\/v4\/users\/autocomplete\?/, {status: 500, json: {id: 'x', message: 'boom'}});
    type('zz');
    await settle();
    expect(rendered?.container.textContent).toContain('Could not search people.');
  });
});
