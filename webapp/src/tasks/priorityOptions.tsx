// The priorities as a select's options, labelled in the reader's language,
// and the priority filter the task list and the board share.
import React from 'react';
import {useIntl} from 'react-intl';

import {PRIORITIES} from '../api/contract';

import {priorityMessages} from './taskRow';
import type {Priority} from './tasksSlice';

/** One <option> a priority, in PRIORITIES order. */
export function PriorityOptions() {
  const intl = useIntl();
  return (
    <>
      {PRIORITIES.map((priority) => (
        <option
          key={priority}
          value={priority}
        >
          {intl.formatMessage(priorityMessages[priority])}
        </option>
      ))}
    </>
  );
}

/** "Any priority" or one of them. */
export function PriorityFilter({value, onChange}: {value: Priority | null; onChange: (priority: Priority | null) => void}) {
  const intl = useIntl();
  return (
    <select
      aria-label={intl.formatMessage({id: 'baton.tasks.filter.priority'})}
      value={value ?? ''}
      onChange={(event) => onChange(PRIORITIES.find((priority) => priority === event.target.value) ?? null)}
    >
      <option value=''>{intl.formatMessage({id: 'baton.tasks.filter.priority.any'})}</option>
      <PriorityOptions/>
    </select>
  );
}
