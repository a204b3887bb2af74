// The board's columns: the bridge's built-in statuses in workflow order (see
// server-bridge/src/storage/migrations/0002_tasks.ts), then any other status
// the loaded tasks carry (open ones before Done, closed ones after it), each
// with its tasks in list order.
import type {Task} from '../api/contract';

export type BoardStatus = Task['status'];

export type BoardColumn = {status: BoardStatus; tasks: Task[]};

/** The built-in statuses; their names are only a fallback (the panel shows translated ones). */
export const builtInStatuses: readonly BoardStatus[] = [
  {id: 'open', name: 'Open', category: 'open'},
  {id: 'in_progress', name: 'In progress', category: 'open'},
  {id: 'waiting', name: 'Waiting', category: 'open'},
  {id: 'done', name: 'Done', category: 'closed'},
];

export function boardColumns(tasks: readonly Task[]): BoardColumn[] {
  const known = new Set(builtInStatuses.map((status) => status.id));
  // The bridge's own status record when a task carries it (its name may be translated).
  const seen = new Map<string, BoardStatus>();
  for (const task of tasks) {
    if (!seen.has(task.status.id)) {
      seen.set(task.status.id, task.status);
    }
  }
  const builtIns = builtInStatuses.map((status) => seen.get(status.id) ?? status);
  const others = [...seen.values()].filter((status) => !known.has(status.id));
  const statuses = [
    ...builtIns.filter((status) => status.category === 'open'),
    ...others.filter((status) => status.category === 'open'),
    ...builtIns.filter((status) => status.category === 'closed'),
    ...others.filter((status) => status.category === 'closed'),
  ];
  return statuses.map((status) => ({status, tasks: tasks.filter((task) => task.status.id === status.id)}));
}

/** The status `step` columns away from the task's own (-1 left, +1 right); null past either end. */
export function neighbourStatus(columns: readonly BoardColumn[], statusId: string, step: -1 | 1): BoardStatus | null {
  const index = columns.findIndex((column) => column.status.id === statusId);
  return index < 0 ? null : columns[index + step]?.status ?? null;
}
