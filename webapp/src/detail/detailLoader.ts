// Loads what the detail view shows besides the task: its comments and its
// timeline (every page, oldest first), and the task itself when asked to
// refresh after a change. Failures land in the detail slice with a retry.
import type {BridgeApi, PageRequest} from '../api/bridgeApi';
import type {TimelineEvent} from '../api/contract';
import {peopleOfTask} from '../people/profileLoader';
import type {ProfileLoader} from '../people/profileLoader';
import type {HostStore} from '../plugin/hostTypes';
import {describeFailure} from '../tasks/taskLists';
import {taskChanged} from '../tasks/tasksSlice';

import {commentsLoaded, partFailed, partRequested, timelineLoaded} from './detailSlice';
import type {DetailPart} from './detailSlice';

export type DetailLoaderDeps = {
  store: Pick<HostStore, 'dispatch'>;
  api: Pick<BridgeApi, 'getTask' | 'listComments' | 'listTimeline'>;
  /** Told who the comments and the timeline name (authors, actors, holders handed to). */
  profiles?: Pick<ProfileLoader, 'ensure'>;
};

/** Who a timeline event names: who acted, and people a holder change moved between. */
function peopleOfEvent(event: TimelineEvent): unknown[] {
  return event.field === 'holderId' || event.field === 'handedById' ? [event.actorId, event.from, event.to] : [event.actorId];
}

/** A long history stops here; the view says nothing is hidden only below it. */
const maxPages = 20;

async function allPages<Item>(read: (page: PageRequest) => Promise<{items: Item[]; nextCursor: string | null}>): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const answer: {items: Item[]; nextCursor: string | null} = await read(cursor ? {limit: 200, cursor} : {limit: 200});
    items.push(...answer.items);
    cursor = answer.nextCursor;
    if (!cursor) {
      break;
    }
  }
  return items;
}

/** `version`: the task's version now, when known (see detailSlice's requestedVersion). */
export async function loadPart(taskId: string, part: DetailPart, {store, api, profiles}: DetailLoaderDeps, version: number | null = null): Promise<void> {
  store.dispatch(partRequested(taskId, part, version));
  try {
    if (part === 'comments') {
      const comments = await allPages((page) => api.listComments(taskId, page));
      store.dispatch(commentsLoaded(taskId, comments));
      profiles?.ensure(comments.map((comment) => comment.authorId));
    } else {
      const events = await allPages((page) => api.listTimeline(taskId, page));
      store.dispatch(timelineLoaded(taskId, events));
      profiles?.ensure(events.flatMap(peopleOfEvent).filter((id): id is string => typeof id === 'string'));
    }
  } catch (error) {
    store.dispatch(partFailed(taskId, part, describeFailure(error)));
  }
}

export async function loadDetail(taskId: string, deps: DetailLoaderDeps, version: number | null = null): Promise<void> {
  await Promise.all([loadPart(taskId, 'comments', deps, version), loadPart(taskId, 'timeline', deps, version)]);
}

/** After a change: the task as it is now (into the tasks slice), then its comments and timeline. */
export async function refreshDetail(taskId: string, deps: DetailLoaderDeps): Promise<void> {
  let version: number | null = null;
  try {
    const task = await deps.api.getTask(taskId);
    deps.store.dispatch(taskChanged(task));
    deps.profiles?.ensure(peopleOfTask(task));
    version = task.version;
  } catch {
    // The change itself succeeded; the lists catch up through live updates.
  }
  await loadDetail(taskId, deps, version);
}
