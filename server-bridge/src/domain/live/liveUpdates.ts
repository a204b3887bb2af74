import type {ChannelAccess} from '../tasks/ports';
import type {Caller, EventKind} from '../tasks/task';
import {canSee} from '../tasks/visibility';
import type {ChangeFeed, ChangeMessage} from './ports';

// What one caller hears of the change feed: only changes to tasks they may
// see (visibility.ts: channel members, guests only in their channels;
// personal tasks to creator, holder and watchers), checked for every message
// against Mattermost membership as the bridge knows it now. Messages reach a
// subscriber in the order they were published.

export type LiveEvent =
  | {name: 'task.changed'; data: {id: string; key: string; channelId: string | null; version: number; kinds: EventKind[]}}
  | {name: 'keys.changed'; data: {channelId: string | null}}
  /** Whether the caller may see a change could not be decided (Mattermost unreachable), or changes may have been missed (the shared feed reconnected): refetch what is on screen. */
  | {name: 'resync'; data: Record<string, never>};

export type LiveUpdates = ReturnType<typeof createLiveUpdates>;

export function createLiveUpdates(deps: {feed: ChangeFeed; access: ChannelAccess}) {
  /** How to end each subscription, by user. */
  const open = new Map<string, Set<() => void>>();
  async function eventFor(caller: Caller, message: ChangeMessage): Promise<LiveEvent | undefined> {
    if (message.type === 'resync') return {name: 'resync', data: {}};
    if (message.type === 'task.changed') {
      const {task, kinds} = message;
      if (!(await canSee(task, caller, deps.access))) return undefined;
      return {name: 'task.changed', data: {id: task.id, key: task.key, channelId: task.channelId, version: task.version, kinds}};
    }
    const mine = message.channelId ? await deps.access.isMember(caller.userId, message.channelId) : !caller.guest && message.ownerId === caller.userId;
    return mine ? {name: 'keys.changed', data: {channelId: message.channelId}} : undefined;
  }

  return {
    /**
     * Calls `deliver` with each change the caller may see, until the returned
     * function is called or `endAll` ends it (then `ended` is called).
     */
    subscribe(caller: Caller, deliver: (event: LiveEvent) => void, ended: () => void = () => {}): () => void {
      let subscribed = true;
      let queue = Promise.resolve();
      const unsubscribe = deps.feed.subscribe((message) => {
        queue = queue.then(async () => {
          if (!subscribed) return;
          let event: LiveEvent | undefined;
          try {
            event = await eventFor(caller, message);
          } catch {
            // Fail closed: say nothing about the task, but tell the caller their view may be behind.
            event = {name: 'resync', data: {}};
          }
          if (event && subscribed) deliver(event);
        });
        // A delivery that throws must not stop the ones after it.
        queue = queue.catch(() => undefined);
      });
      const stop = () => {
        subscribed = false;
        unsubscribe();
        const mine = open.get(caller.userId);
        mine?.delete(end);
        if (mine?.size === 0) open.delete(caller.userId);
      };
      const end = () => {
        stop();
        ended();
      };
      open.set(caller.userId, (open.get(caller.userId) ?? new Set()).add(end));
      return stop;
    },

    /** Ends every subscription of the user (their account was deactivated): they hear nothing more. */
    endAll(userId: string): void {
      for (const end of [...(open.get(userId) ?? [])]) end();
      open.delete(userId);
    },
  };
}
