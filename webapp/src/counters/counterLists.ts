// The lists the sidebar counters open, as GET /api/v1/tasks filters: the
// bridge counts exactly these (server-bridge/src/domain/tasks/counters.ts),
// so the list a counter opens holds as many tasks as the counter says.
import type {TaskListFilters} from '../api/bridgeApi';

export const COUNTERS = ['mine', 'overdue', 'waiting'] as const;
export type CounterName = (typeof COUNTERS)[number];

export function counterListFilters(userId: string): Record<CounterName, TaskListFilters> {
  return {
    mine: {holderId: userId, statusCategory: 'open'},
    overdue: {holderId: userId, statusCategory: 'open', overdue: true},
    waiting: {handedById: userId, accepted: false, statusCategory: 'open'},
  };
}
