// A person picker following the WAI-ARIA combobox pattern (an input with a
// listbox popup): typing searches Mattermost's users (GET
// /api/v4/users/autocomplete, debounced), ArrowUp/Down move through the
// options, Enter picks, Escape closes. The first option is "Me". Typing
// `@username` exactly picks that user without opening the list. The value is
// a Mattermost user id (null: nobody, or text that names no one yet —
// `onChange`'s second argument is that text, so a form can say so).
import React, {useCallback, useEffect, useId, useMemo, useState} from 'react';
import type {KeyboardEvent, Ref} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import type {MattermostUser} from '../mattermost/client4';
import {getCurrentTeamId, getCurrentUserId, getUserProfiles, usernameIn} from '../mattermost/hostState';
import {useBatonSelector} from '../state/hooks';
import {useBatonServices} from '../plugin/servicesContext';

import {exactMatch, fullNameOf, meMatches} from './userOptions';
import {useUserSearch} from './useUserSearch';

export type UserPickerProps = {
  /** The input's id, for the form's <label htmlFor>. */
  id: string;
  value: string | null;
  /** `unresolved`: the typed text when it names nobody yet ('' otherwise). */
  onChange: (userId: string | null, unresolved: string) => void;
  /** Search this channel's members first (its team's other members follow). */
  channelId?: string | null;
  invalid?: boolean;
  /** The id of the field's error message. */
  describedBy?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Wait this long after typing before searching. */
  debounceMs?: number;
};

type Option = {user: MattermostUser | null; id: string; userId: string; username: string; name: string};

const readTeamId = (state: unknown) => getCurrentTeamId(state);
const readMe = (state: unknown) => getCurrentUserId(state);
const readProfiles = (state: unknown) => getUserProfiles(state);

export function UserPicker({id, value, onChange, channelId, invalid = false, describedBy, inputRef, debounceMs = 200}: UserPickerProps) {
  const intl = useIntl();
  const {mattermost} = useBatonServices();
  const teamId = useBatonSelector(readTeamId);
  const me = useBatonSelector(readMe);
  const profiles = useBatonSelector(readProfiles);
  const myUsername = me ? usernameIn(profiles, me) : null;
  const listId = useId();
  const meWord = intl.formatMessage({id: 'baton.people.me'});
  // A value shows as its @username when the host has loaded that profile ("me" for oneself otherwise).
  const textOf = (userId: string | null) => {
    const username = userId ? usernameIn(profiles, userId) : null;
    return username ? `@${username}` : userId && userId === me ? meWord : '';
  };
  const [text, setText] = useState(() => textOf(value));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useUserSearch(mattermost, {teamId, channelId}, text, open || text.trim() !== '', debounceMs);

  const options = useMemo<Option[]>(() => {
    const list: Option[] = [];
    if (me && meMatches(text, myUsername, meWord)) {
      list.push({user: null, id: `${listId}-me`, userId: me, username: myUsername ?? '', name: ''});
    }
    for (const user of search.users) {
      if (user.id !== me) {
        list.push({user, id: `${listId}-${user.id}`, userId: user.id, username: user.username, name: fullNameOf(user)});
      }
    }
    return list;
  }, [me, myUsername, meWord, text, search.users, listId]);

  // An exact @username is a choice, whether or not the list is open.
  useEffect(() => {
    const match = exactMatch(text, search.users) ?? (me && myUsername && exactMatch(text, [{id: me, username: myUsername, firstName: '', lastName: '', nickname: ''}]));
    if (match && match.id !== value) {
      onChange(match.id, '');
    }
  }, [search.users]);

  const choose = useCallback((option: Option) => {
    setText(option.username ? `@${option.username}` : meWord);
    setOpen(false);
    onChange(option.userId, '');
  }, [onChange, meWord]);

  const onType = (next: string) => {
    setText(next);
    setOpen(true);
    setActive(0);
    const trimmed = next.trim();
    onChange(null, trimmed);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (options.length === 0 ? 0 : (current + step + options.length) % options.length));
    } else if (event.key === 'Enter' && open) {
      // Enter picks the option instead of submitting the form.
      event.preventDefault();
      const option = options[active];
      if (option) {
        choose(option);
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  const activeOption = open ? options[active] : undefined;
  return (
    <div className='baton-user-picker'>
      <input
        ref={inputRef}
        id={id}
        className='baton-form__input'
        type='text'
        role='combobox'
        autoComplete='off'
        aria-autocomplete='list'
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeOption?.id}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        placeholder={intl.formatMessage({id: 'baton.people.placeholder'})}
        value={text}
        onChange={(event) => onType(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul
        id={listId}
        role='listbox'
        className='baton-user-picker__list'
        hidden={!open}
        aria-label={intl.formatMessage({id: 'baton.people.results'})}
      >
        {options.map((option, index) => (
          <li
            key={option.id}
            id={option.id}
            role='option'
            aria-selected={index === active}
            className='baton-user-picker__option'
            // mousedown, not click: the input keeps focus and its blur does not close the list first.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
          >
            {option.user ? <span className='baton-user-picker__username'>{`@${option.username}`}</span> : (
              <FormattedMessage
                id='baton.people.me_option'
                values={{username: option.username}}
              />
            )}
            {option.name === '' ? null : <span className='baton-user-picker__name'>{` – ${option.name}`}</span>}
          </li>
        ))}
      </ul>
      <div
        className='baton-user-picker__status'
        aria-live='polite'
      >
        {open && search.status === 'loaded' && options.length === 0 ? <FormattedMessage id='baton.people.no_match'/> : null}
        {open && search.status === 'error' ? <FormattedMessage id='baton.people.search_failed'/> : null}
      </div>
    </div>
  );
}
