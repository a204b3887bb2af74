import {isValidElement} from 'react';
import type {ReactElement} from 'react';

import type {HostAction, HostStore} from '../plugin/hostTypes';
import {createRhsOpener} from '../rhs/rhsOpener';
import {panelFormOpened} from '../state/rhsSlice';
import {createRecordingRegistry} from '../testing/recordingRegistry';

import {registerCreateTaskFromPost} from './registerPostMenu';

const teamId = 'tttttttttttttttttttttttttt';
const channelId = 'cccccccccccccccccccccccccc';
const postId = 'pppppppppppppppppppppppppp';

function hostStore(posts: Record<string, unknown>, siteUrl = 'https://chat.example.com/mm'): HostStore & {dispatched: HostAction[]} {
  const dispatched: HostAction[] = [];
  const state = {
    entities: {
      general: {config: {SiteURL: siteUrl}},
      teams: {currentTeamId: teamId, teams: {[teamId]: {id: teamId, name: 'acme'}}},
      posts: {posts},
    },
  };
  return {dispatched, dispatch: (action) => dispatched.push(action), getState: () => state, subscribe: () => () => undefined};
}

function setup(posts: Record<string, unknown>) {
  const recording = createRecordingRegistry();
  const store = hostStore(posts);
  const rhs = createRhsOpener(store);
  rhs.attach({id: 'rhs-1', showRHSPlugin: {type: 'show:rhs-1'}, hideRHSPlugin: () => undefined, toggleRHSPlugin: () => undefined});
  registerCreateTaskFromPost({registry: recording.registry, store, rhs, pageOrigin: () => 'https://chat.example.com'});
  const [args] = recording.objectArgs('registerPostDropdownMenuAction');
  return {recording, store, args: args as {text: unknown; action: (id: string) => void; filter: (id: string) => boolean}};
}

describe('"Create task from message" in the post menu', () => {
  it('registers one action with the keys the host accepts and a translated element as its text', () => {
    const {recording, args} = setup({});
    expect(recording.problems()).toEqual([]);
    expect(Object.keys(args).sort()).toEqual(['action', 'filter', 'text']);
    expect(isValidElement(args.text)).toBe(true);
    expect((args.text as ReactElement<{id: string}>).props.id).toBe('baton.post_menu.create_task');
  });

  it('opens the Baton panel on a new task prefilled from the post, with its permalink', () => {
    const message = '## Please **file** the response\n\nDetails follow.';
    const {store, args} = setup({[postId]: {id: postId, channel_id: channelId, message, type: ''}});
    args.action(postId);
    expect(store.dispatched).toEqual([
      panelFormOpened({kind: 'createTask', prefill: {
        title: 'Please file the response',
        description: `${message}\n\nhttps://chat.example.com/mm/acme/pl/${postId}`,
        channelId,
        sourcePostId: postId,
      }}),
      {type: 'show:rhs-1'},
    ]);
  });

  it('shows for ordinary posts only: not for system, ephemeral or unknown ones', () => {
    const {args} = setup({
      ordinary: {id: 'ordinary', channel_id: channelId, message: 'hi', type: ''},
      joined: {id: 'joined', channel_id: channelId, message: 'joined', type: 'system_join_channel'},
      ephemeral: {id: 'ephemeral', channel_id: channelId, message: 'only you', type: 'system_ephemeral'},
    });
    expect(['ordinary', 'joined', 'ephemeral', 'missing'].map((id) => args.filter(id))).toEqual([true, false, false, false]);
  });
});
