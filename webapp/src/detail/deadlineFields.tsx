// The task's deadlines, legal first and marked, each in the reader's zone and
// locale with its time from now, and each editable in place: a date (due at
// the end of that day, in the deadline's own zone), or Remove. The three
// usual kinds are always listed, so a missing one can be set.
import {DateTime} from 'luxon';
import React from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import type {Task} from '../api/contract';
import {formatDue, isOverdue, relativeDue} from '../tasks/deadlines';
import type {Deadline, ReaderClock} from '../tasks/deadlines';
import {kindMessages} from '../tasks/taskRow';

import {TextEditor} from './inlineEditors';
import {InlineField} from './inlineField';

const usualKinds = ['legal', 'customer', 'internal'];

/** Legal first, then by due date. */
export function orderedDeadlines(deadlines: readonly Deadline[]): Deadline[] {
  return [...deadlines].sort((a, b) => Number(b.kind === 'legal') - Number(a.kind === 'legal') || Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

/** The day a deadline falls on where it was set (an all-day deadline is due at that day's end). */
export function deadlineDate(deadline: Deadline): string {
  return DateTime.fromISO(deadline.dueAt, {zone: deadline.timeZone}).toISODate() ?? '';
}

function DeadlineLine({deadline, clock}: {deadline: Deadline; clock: ReaderClock}) {
  const intl = useIntl();
  const legal = deadline.kind === 'legal';
  const overdue = isOverdue(deadline.dueAt, clock.now);
  const kindMessage = kindMessages[deadline.kind];
  return (
    <>
      <span className='baton-detail__deadline-kind'>{kindMessage ? intl.formatMessage(kindMessage) : deadline.kind}</span>
      {legal && (
        <span className='baton-detail__legal-mark'>
          <FormattedMessage id='baton.detail.deadline.legal_mark'/>
        </span>
      )}
      <time
        className='baton-detail__deadline-date'
        dateTime={deadline.dueAt}
      >
        {formatDue(deadline.dueAt, clock)}
      </time>
      <span className='baton-detail__deadline-relative'>
        {overdue ? (
          <FormattedMessage
            id='baton.detail.deadline.overdue'
            values={{relative: relativeDue(deadline.dueAt, clock)}}
          />
        ) : relativeDue(deadline.dueAt, clock)}
      </span>
    </>
  );
}

function DeadlineField({task, kind, deadline, clock}: {task: Task; kind: string; deadline: Deadline | undefined; clock: ReaderClock}) {
  const intl = useIntl();
  const kindMessage = kindMessages[kind];
  const kindName = kindMessage ? intl.formatMessage(kindMessage) : kind;
  const zone = deadline?.timeZone ?? clock.timeZone;
  return (
    <InlineField
      task={task}
      field='deadlines'
      name={`deadline-${kind}`}
      label={intl.formatMessage({id: 'baton.detail.deadline.label'}, {kind: kindName})}
      read={() => (deadline ? deadlineDate(deadline) : '')}
      toChanges={(date) => ({deadlines: [{kind, due: date === '' ? null : date, ...(zone ? {timeZone: zone} : {})}]})}
      renderEditor={(props) => (
        <TextEditor
          {...props}
          type='date'
        />
      )}
      {...(deadline ? {clear: {deadlines: [{kind, due: null}]}} : {})}
    >
      {deadline ? (
        <DeadlineLine
          deadline={deadline}
          clock={clock}
        />
      ) : (
        <>
          <span className='baton-detail__deadline-kind'>{kindName}</span>
          <span className='baton-detail__state'><FormattedMessage id='baton.detail.deadline.unset'/></span>
        </>
      )}
    </InlineField>
  );
}

export function DeadlinesSection({task, clock}: {task: Task; clock: ReaderClock}) {
  const deadlines = orderedDeadlines(task.deadlines);
  const missing = usualKinds.filter((kind) => !deadlines.some((deadline) => deadline.kind === kind));
  return (
    <section
      className='baton-detail__section'
      aria-labelledby='baton-detail-deadlines'
    >
      <h4
        className='baton-detail__section-title'
        id='baton-detail-deadlines'
      >
        <FormattedMessage id='baton.detail.deadlines'/>
      </h4>
      <ul className='baton-detail__deadlines'>
        {deadlines.map((deadline) => {
          const overdue = isOverdue(deadline.dueAt, clock.now);
          return (
            <li
              key={deadline.kind}
              className={`baton-detail__deadline${deadline.kind === 'legal' ? ' baton-detail__deadline--legal' : ''}${overdue ? ' baton-detail__deadline--overdue' : ''}`}
            >
              <DeadlineField
                task={task}
                kind={deadline.kind}
                deadline={deadline}
                clock={clock}
              />
            </li>
          );
        })}
        {missing.map((kind) => (
          <li
            key={kind}
            className='baton-detail__deadline-unset'
          >
            <DeadlineField
              task={task}
              kind={kind}
              deadline={undefined}
              clock={clock}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
