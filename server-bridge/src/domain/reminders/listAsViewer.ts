import type {ChannelAccess, TaskListing, TaskReads} from '../tasks/ports';
import type {Task} from '../tasks/task';

// The reminder jobs list a person's tasks as that person would see them
// (visibility from their channels), so a digest never names a task of a
// channel they have left.

/** Enough for any one person's digest; past this the digest says "and N more" of what it has. */
const MAX_LISTED = 500;
const PAGE = 100;

export interface PersonalListing {
  tasks: Pick<TaskReads, 'listTasks'>;
  access: Pick<ChannelAccess, 'memberChannelIds'>;
}

export async function listAsViewer(
  deps: PersonalListing,
  userId: string,
  filters: TaskListing['filters'],
  now: Date,
  sort: TaskListing['sort'] = {by: 'createdAt', dueKind: null, descending: false},
  max = MAX_LISTED,
): Promise<Task[]> {
  const viewer = {userId, guest: false, channelIds: await deps.access.memberChannelIds(userId)};
  const found: Task[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.tasks.listTasks({viewer, filters, sort, limit: Math.min(PAGE, max - found.length), now, ...(cursor ? {cursor} : {})});
    found.push(...page.tasks);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && found.length < max);
  return found;
}
