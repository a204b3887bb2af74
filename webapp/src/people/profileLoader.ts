// Loads the Mattermost profiles of people the panel names but the host has
// not loaded yet, the way the host's own webapp does (mattermost-redux
// getMissingProfilesByIds): the missing ids in one POST /api/v4/users/ids,
// the answer dispatched as RECEIVED_PROFILES_LIST into the host store, where
// every view reads names from (entities.users.profiles). Ids arriving within
// a short moment go out together; an id is asked for once per page load,
// answered or not, so a deleted or hidden user costs one request, not one per
// render or list page.
import type {Task} from '../api/contract';
import type {MattermostClient, MattermostProfile} from '../mattermost/client4';
import {getUserProfiles} from '../mattermost/hostState';
import type {HostStore, PlainAction} from '../plugin/hostTypes';
import type {Timers} from '../session/sessionManager';

/** mattermost-redux's UserTypes.RECEIVED_PROFILES_LIST. */
export const receivedProfilesList = 'RECEIVED_PROFILES_LIST';

/** How long ids are gathered before one request goes out. */
export const profileBatchDelayMs = 50;

/** Ids per request: a list page names few people, but the timeline of a long task may name many. */
const maxIdsPerRequest = 100;

const mattermostId = /^[a-z0-9]{26}$/;

export type ProfileLoader = {
  /** Loads, soon and once, the profiles among `userIds` that the host store does not have. */
  ensure(userIds: Iterable<string | null | undefined>): void;
};

export type ProfileLoaderDeps = {
  store: Pick<HostStore, 'getState' | 'dispatch'>;
  mattermost: Pick<MattermostClient, 'getProfilesByIds'>;
  timers: Timers;
  delayMs?: number;
};

/** Everyone a task names: holder, who handed it, creator, watchers. */
export function peopleOfTask(task: Pick<Task, 'holderId' | 'handedById' | 'creatorId' | 'watcherIds'>): string[] {
  return [task.holderId, task.handedById, task.creatorId, ...task.watcherIds].filter((id): id is string => Boolean(id));
}

export function createProfileLoader({store, mattermost, timers, delayMs = profileBatchDelayMs}: ProfileLoaderDeps): ProfileLoader {
  const asked = new Set<string>();
  let waiting: string[] = [];
  let scheduled = false;

  const send = async (ids: string[]) => {
    try {
      const users = await mattermost.getProfilesByIds(ids);
      if (users.length > 0) {
        const action: PlainAction & {data: MattermostProfile[]} = {type: receivedProfilesList, data: users};
        store.dispatch(action);
      }
    } catch {
      // Not asked again: names fall back to the start of the id, as before.
    }
  };

  const flush = () => {
    scheduled = false;
    const ids = waiting;
    waiting = [];
    for (let start = 0; start < ids.length; start += maxIdsPerRequest) {
      void send(ids.slice(start, start + maxIdsPerRequest));
    }
  };

  return {
    ensure(userIds) {
      const profiles = getUserProfiles(store.getState());
      for (const id of userIds) {
        if (id && mattermostId.test(id) && !asked.has(id) && !profiles?.[id]) {
          asked.add(id);
          waiting.push(id);
        }
      }
      if (waiting.length > 0 && !scheduled) {
        scheduled = true;
        timers.setTimeout(flush, delayMs);
      }
    },
  };
}
