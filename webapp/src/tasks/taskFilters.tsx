// A list's filter bar: search (sent to the bridge as q), status category,
// priority, label and overdue deadlines. Typed text is sent once the person
// pauses (debounceMs); the loader aborts the request it replaces.
import React, {useEffect, useRef, useState} from 'react';
import {useIntl} from 'react-intl';

import {PriorityFilter} from './priorityOptions';
import type {ListFilters} from './tasksSlice';

export const searchDebounceMs = 300;

/** The text as typed, handed to `commit` once it has not changed for `delayMs`. */
function useDebouncedText(committed: string, commit: (text: string) => void, delayMs: number): [string, (text: string) => void] {
  const [text, setText] = useState(committed);
  // The latest commit, without restarting the wait when the parent re-renders.
  const commitRef = useRef(commit);
  commitRef.current = commit;
  useEffect(() => {
    if (text === committed) {
      return undefined;
    }
    const timer = setTimeout(() => commitRef.current(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, committed, delayMs]);
  return [text, setText];
}

const overdueKinds = ['any', 'legal', 'customer', 'internal'] as const;

// Written out as {id: '...'} so the catalog test sees every id in use.
const overdueMessages: Record<(typeof overdueKinds)[number], {id: string}> = {
  any: {id: 'baton.tasks.filter.overdue.any'},
  legal: {id: 'baton.tasks.filter.overdue.legal'},
  customer: {id: 'baton.tasks.filter.overdue.customer'},
  internal: {id: 'baton.tasks.filter.overdue.internal'},
};

export type TaskFiltersProps = {
  filters: ListFilters;
  onChange: (filters: Partial<ListFilters>) => void;
  debounceMs?: number;
};

export function TaskFilters({filters, onChange, debounceMs = searchDebounceMs}: TaskFiltersProps) {
  const intl = useIntl();
  const [q, setQ] = useDebouncedText(filters.q, (text) => onChange({q: text}), debounceMs);
  const [label, setLabel] = useDebouncedText(filters.label, (text) => onChange({label: text}), debounceMs);

  return (
    <div className='baton-task-filters'>
      <div className='baton-task-filters__search'>
        <i
          className='icon icon-magnify'
          aria-hidden='true'
        />
        <input
          type='search'
          value={q}
          aria-label={intl.formatMessage({id: 'baton.tasks.search.label'})}
          placeholder={intl.formatMessage({id: 'baton.tasks.search.placeholder'})}
          onChange={(event) => setQ(event.target.value)}
        />
      </div>
      <div className='baton-task-filters__row'>
        <select
          aria-label={intl.formatMessage({id: 'baton.tasks.filter.status'})}
          value={filters.statusCategory ?? ''}
          onChange={(event) => onChange({statusCategory: event.target.value === 'open' || event.target.value === 'closed' ? event.target.value : null})}
        >
          <option value='open'>{intl.formatMessage({id: 'baton.tasks.filter.status.open'})}</option>
          <option value='closed'>{intl.formatMessage({id: 'baton.tasks.filter.status.closed'})}</option>
          <option value=''>{intl.formatMessage({id: 'baton.tasks.filter.status.any'})}</option>
        </select>
        <PriorityFilter
          value={filters.priority}
          onChange={(priority) => onChange({priority})}
        />
        <select
          aria-label={intl.formatMessage({id: 'baton.tasks.filter.overdue'})}
          value={filters.overdue ?? ''}
          onChange={(event) => onChange({overdue: event.target.value || null})}
        >
          <option value=''>{intl.formatMessage({id: 'baton.tasks.filter.overdue.none'})}</option>
          {overdueKinds.map((kind) => (
            <option
              key={kind}
              value={kind}
            >
              {intl.formatMessage(overdueMessages[kind])}
            </option>
          ))}
        </select>
        <input
          type='text'
          className='baton-task-filters__label'
          value={label}
          aria-label={intl.formatMessage({id: 'baton.tasks.filter.label'})}
          placeholder={intl.formatMessage({id: 'baton.tasks.filter.label'})}
          onChange={(event) => setLabel(event.target.value)}
        />
      </div>
    </div>
  );
}
