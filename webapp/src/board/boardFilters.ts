// The board's filter bar narrows the cards already loaded (the channel's open
// list, the recently closed page, cards moved here). It filters on the
// client on purpose: the board shows one bounded set of cards, and asking the
// bridge again per keystroke would reload both lists for no new cards. The
// list view's own filters are the ones sent to the bridge.
import type {Task} from '../api/contract';

export type BoardFilters = {
  priority: Task['priority'] | null;
  /** A label the card must carry (any letter case); '' for any. */
  label: string;
  holder: 'anyone' | 'me';
  /** Text the key, title or a label must contain (any letter case); '' for any. */
  q: string;
};

export const noBoardFilters: BoardFilters = {priority: null, label: '', holder: 'anyone', q: ''};

export function boardFiltersActive(filters: BoardFilters): boolean {
  return filters.priority !== null || filters.label !== '' || filters.holder !== 'anyone' || filters.q.trim() !== '';
}

const folded = (text: string) => text.normalize('NFKC').toLocaleLowerCase();

export function cardMatches(task: Task, filters: BoardFilters, me: string | null): boolean {
  if (filters.priority && task.priority !== filters.priority) {
    return false;
  }
  if (filters.label && !task.labels.some((label) => folded(label) === folded(filters.label))) {
    return false;
  }
  if (filters.holder === 'me' && (!me || task.holderId !== me)) {
    return false;
  }
  const q = folded(filters.q.trim());
  return q === '' || [task.key, task.title, ...task.labels].some((text) => folded(text).includes(q));
}

/** The labels the loaded cards carry, sorted, each once: the label filter's choices. */
export function labelsOf(tasks: readonly Task[]): string[] {
  return [...new Set(tasks.flatMap((task) => task.labels))].sort((a, b) => a.localeCompare(b));
}
