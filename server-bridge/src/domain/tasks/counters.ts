import type {TaskListing} from './ports';

// The three lists behind the webapp's sidebar counters (GET /api/v1/me/counters),
// as listing filters: the counts are of exactly what GET /api/v1/tasks lists
// with the same filters (webapp/src/counters/counterLists.ts sends them).

export const COUNTER_LISTS = ['mine', 'overdue', 'waiting'] as const;
export type CounterList = (typeof COUNTER_LISTS)[number];
export type MyCounters = Record<CounterList, number>;

export function counterListFilters(userId: string): Record<CounterList, TaskListing['filters']> {
  return {
    /** The baton is with me and the task is open. */
    mine: {holderId: userId, statusCategory: 'open'},
    /** Mine, with a deadline (of any kind) in the past. */
    overdue: {holderId: userId, statusCategory: 'open', overdue: true},
    /** I handed it on and the holder has not accepted it yet. */
    waiting: {handedById: userId, accepted: false, statusCategory: 'open'},
  };
}
