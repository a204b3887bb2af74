// Loads what the detail view shows besides the task: its comments and its
// timeline (every page, oldest first), and the task itself when asked to
// refresh after a change. Failures land in the detail slice with a retry.
import type {BridgeApi, PageRequest} from '../api/bridgeApi';
import type {HostStore} from '../plugin/hostTypes';
import {describeFailure} from '../tasks/taskLists';
import {taskChanged} from '../tasks/tasksSlice';

import {commentsLoaded, partFailed, partRequested, timelineLoaded} from './detailSlice';
import type {DetailPart} from './detailSlice';

export type DetailLoaderDeps = {
  store: Pick<HostStore, 'dispatch'>;
  api: Pick<BridgeApi, 'getTask' | 'listComments' | 'listTimeline'>;
};

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
export async function loadPart(taskId: string, part: DetailPart, {store, api}: DetailLoaderDeps, version: number | null = null): Promise<void> {
  store.dispatch(partRequested(taskId, part, version));
  try {
    if (part === 'comments') {
      store.dispatch(commentsLoaded(taskId, await allPages((page) => api.listComments(taskId, page))));
    } else {
      store.dispatch(timelineLoaded(taskId, await allPages((page) => api.listTimeline(taskId, page))));
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
    version = task.version;
  } catch {
    // The change itself succeeded; the lists catch up through live updates.
  }
  await loadDetail(taskId, deps, version);
}
