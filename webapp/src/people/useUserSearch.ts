// Searches Mattermost users as the person types: waits `debounceMs` after the
// last change, cancels the request a newer text makes stale, and keeps the
// last answer while the next one loads (so the list does not flicker).
import {useEffect, useState} from 'react';

import type {MattermostClient, MattermostUser} from '../mattermost/client4';

import {searchTermOf} from './userOptions';

export type UserSearchState = {
  users: MattermostUser[];
  status: 'idle' | 'loading' | 'loaded' | 'error';
};

export type UserSearchScope = {teamId: string | null; channelId?: string | null};

export const SEARCH_LIMIT = 20;

export function useUserSearch(client: MattermostClient, scope: UserSearchScope, text: string, enabled: boolean, debounceMs: number): UserSearchState {
  const [state, setState] = useState<UserSearchState>({users: [], status: 'idle'});
  const {teamId, channelId} = scope;
  const term = searchTermOf(text);
  useEffect(() => {
    if (!enabled || !teamId) {
      return undefined;
    }
    const controller = new AbortController();
    setState((previous) => ({...previous, status: 'loading'}));
    const timer = setTimeout(() => {
      client.autocompleteUsers({teamId, channelId, name: term, limit: SEARCH_LIMIT}, controller.signal).then(
        (users) => {
          if (!controller.signal.aborted) {
            setState({users, status: 'loaded'});
          }
        },
        () => {
          if (!controller.signal.aborted) {
            setState({users: [], status: 'error'});
          }
        },
      );
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [client, teamId, channelId, term, enabled, debounceMs]);
  return state;
}
