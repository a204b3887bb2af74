// One task in a list: key, title, holder, status, nearest deadline (relative,
// in the reader's zone and locale; the legal deadline marked) and a priority
// marker. The whole row is one button that selects the task.
import React from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import type {Task} from '../api/contract';

import {formatDue, isOverdue, legalDeadline, nearestDeadline, relativeDue} from './deadlines';
import type {Deadline, ReaderClock} from './deadlines';
import {statusLabel} from './statusLabel';

// Written out as {id: '...'} so the catalog test sees every id in use.
export const kindMessages: Record<string, {id: string}> = {
  legal: {id: 'baton.tasks.deadline.legal'},
  customer: {id: 'baton.tasks.deadline.customer'},
  internal: {id: 'baton.tasks.deadline.internal'},
};

export const priorityMessages: Record<Task['priority'], {id: string}> = {
  low: {id: 'baton.tasks.priority.low'},
  normal: {id: 'baton.tasks.priority.normal'},
  high: {id: 'baton.tasks.priority.high'},
  urgent: {id: 'baton.tasks.priority.urgent'},
};

/** A user id too long to show: its first characters. */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 6)}…` : id;
}

function DeadlineText({deadline, clock}: {deadline: Deadline; clock: ReaderClock}) {
  const intl = useIntl();
  const overdue = isOverdue(deadline.dueAt, clock.now);
  const kindMessage = kindMessages[deadline.kind];
  const kind = kindMessage ? intl.formatMessage(kindMessage) : deadline.kind;
  const values = {kind, relative: relativeDue(deadline.dueAt, clock)};
  const legal = deadline.kind === 'legal';
  return (
    <span
      className={`baton-task-row__due${overdue ? ' baton-task-row__due--overdue' : ''}${legal ? ' baton-task-row__due--legal' : ''}`}
      title={formatDue(deadline.dueAt, clock)}
    >
      <i
        className={`icon ${overdue ? 'icon-alert-circle-outline' : 'icon-clock-outline'}`}
        aria-hidden='true'
      />
      {overdue ? (
        <FormattedMessage
          id='baton.tasks.due.overdue'
          values={values}
        />
      ) : (
        <FormattedMessage
          id='baton.tasks.due.upcoming'
          values={values}
        />
      )}
    </span>
  );
}

/** The nearest deadline, relative, and the legal one too when it is not the nearest. */
export function TaskDeadlines({task, clock}: {task: Task; clock: ReaderClock}) {
  const nearest = nearestDeadline(task);
  const legal = legalDeadline(task);
  return (
    <>
      {nearest && (
        <DeadlineText
          deadline={nearest}
          clock={clock}
        />
      )}
      {legal && legal !== nearest && (
        <DeadlineText
          deadline={legal}
          clock={clock}
        />
      )}
    </>
  );
}

export type TaskRowProps = {
  task: Task;
  holderName: string | null;
  clock: ReaderClock;
  selected: boolean;
  onSelect: (taskId: string) => void;
};

export function TaskRow({task, holderName, clock, selected, onSelect}: TaskRowProps) {
  const intl = useIntl();
  const priority = intl.formatMessage(priorityMessages[task.priority]);
  const holder = holderName ? `@${holderName}` : task.holderId ? shortId(task.holderId) : intl.formatMessage({id: 'baton.tasks.holder.none'});
  return (
    <button
      type='button'
      className={`baton-task-row baton-task-row--${task.priority}${selected ? ' baton-task-row--selected' : ''}`}
      aria-current={selected ? 'true' : undefined}
      data-row-focus=''
      data-task-id={task.id}
      onClick={() => onSelect(task.id)}
    >
      <span className='baton-task-row__line'>
        <i
          className={`icon ${task.priority === 'low' ? 'icon-arrow-down' : 'icon-flag'} baton-task-row__priority`}
          role='img'
          aria-label={intl.formatMessage({id: 'baton.tasks.priority.label'}, {priority})}
          title={priority}
        />
        <span className='baton-task-row__key'>{task.key}</span>
        <span className='baton-task-row__title'>{task.title}</span>
      </span>
      <span className='baton-task-row__line baton-task-row__meta'>
        <span className='baton-task-row__holder'>{holder}</span>
        <span className='baton-task-row__status'>{statusLabel(intl, task.status)}</span>
        <TaskDeadlines
          task={task}
          clock={clock}
        />
      </span>
    </button>
  );
}
