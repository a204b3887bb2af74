// A status as the reader's language names it. The bridge's built-in statuses
// (server-bridge/src/storage/migrations/0002_tasks.ts) carry an English name;
// they are named from the catalog by id. A status a channel defined itself
// keeps the name it was given.
import type {IntlShape} from 'react-intl';

import type {Task} from '../api/contract';

// Written out as {id: '...'} so the catalog test sees every id in use.
const builtInStatusMessages: Record<string, {id: string}> = {
  open: {id: 'baton.status.open'},
  in_progress: {id: 'baton.status.in_progress'},
  waiting: {id: 'baton.status.waiting'},
  done: {id: 'baton.status.done'},
  cancelled: {id: 'baton.status.cancelled'},
};

export function statusLabel(intl: Pick<IntlShape, 'formatMessage'>, status: Pick<Task['status'], 'id' | 'name'>): string {
  const message = Object.hasOwn(builtInStatusMessages, status.id) ? builtInStatusMessages[status.id] : undefined;
  return message ? intl.formatMessage(message) : status.name;
}
