// Parts of the handoff card: who handed it over, the deadlines, and where
// the task is now.
import React from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import {userLabel} from '../detail/users';
import {getCurrentUserId, getUserProfiles} from '../mattermost/hostState';
import {useBatonSelector} from '../state/hooks';
import {getTasksState} from '../state/selectors';
import type {ReaderClock} from '../tasks/deadlines';
import {statusLabel} from '../tasks/statusLabel';
import {kindMessages} from '../tasks/taskRow';

import {deadlineViews} from './cardDeadlines';
import type {CardDeadline} from './handoffCardData';

/** Who handed it over, as the DM says it; nobody: Baton assigned it (a workflow step). */
export function CardFrom({sender, previous}: {sender: string | null; previous: string | null}) {
  const shownPrevious = previous && previous !== sender ? `@${previous}` : null;
  let line: React.ReactNode;
  if (sender && shownPrevious) {
    line = (
      <FormattedMessage
        id='baton.card.from_previous'
        values={{sender: `@${sender}`, previous: shownPrevious}}
      />
    );
  } else if (sender) {
    line = (
      <FormattedMessage
        id='baton.card.from'
        values={{sender: `@${sender}`}}
      />
    );
  } else if (shownPrevious) {
    line = (
      <FormattedMessage
        id='baton.card.from_system_previous'
        values={{previous: shownPrevious}}
      />
    );
  } else {
    line = <FormattedMessage id='baton.card.from_system'/>;
  }
  return <p className='baton-card__from'>{line}</p>;
}

/** A custom kind is an identifier such as `client_approval`. */
function customKind(kind: string): string {
  const name = kind.replaceAll('_', ' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function CardDeadlines({deadlines, clock}: {deadlines: readonly CardDeadline[]; clock: ReaderClock}) {
  const intl = useIntl();
  if (deadlines.length === 0) {
    return null;
  }
  return (
    <ul
      className='baton-card__deadlines'
      aria-label={intl.formatMessage({id: 'baton.card.deadlines'})}
    >
      {deadlineViews(deadlines, clock).map((deadline) => {
        const kindMessage = kindMessages[deadline.kind];
        return (
          <li
            key={`${deadline.kind}-${deadline.dueAt}`}
            className={`baton-card__deadline${deadline.legal ? ' baton-card__deadline--legal' : ''}${deadline.overdue ? ' baton-card__deadline--overdue' : ''}`}
          >
            <span className='baton-card__deadline-kind'>
              {deadline.legal && (
                <i
                  className='icon icon-scale-balance'
                  aria-hidden='true'
                />
              )}
              {kindMessage ? intl.formatMessage(kindMessage) : customKind(deadline.kind)}
              {deadline.legal && (
                <span className='baton-card__legal-mark'>
                  <FormattedMessage id='baton.card.deadline.legal_mark'/>
                </span>
              )}
            </span>
            <time
              className='baton-card__deadline-date'
              dateTime={deadline.dueAt}
            >
              {deadline.date}
            </time>
            <span className='baton-card__deadline-relative'>
              {deadline.overdue ? (
                <>
                  <i
                    className='icon icon-alert-outline'
                    aria-hidden='true'
                  />
                  <FormattedMessage
                    id='baton.card.deadline.overdue'
                    values={{relative: deadline.relative}}
                  />
                </>
              ) : deadline.relative}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Where the task is now, when the panel has it (kept current by live updates); nothing otherwise. */
export function CardNow({taskId}: {taskId: string}) {
  const intl = useIntl();
  const task = useBatonSelector(getTasksState).entities[taskId];
  const me = useBatonSelector(getCurrentUserId);
  const profiles = useBatonSelector(getUserProfiles);
  if (!task) {
    return null;
  }
  const status = statusLabel(intl, task.status);
  let line: React.ReactNode;
  if (task.status.category === 'closed') {
    line = (
      <FormattedMessage
        id='baton.card.now.closed'
        values={{status}}
      />
    );
  } else if (task.holderId === null) {
    line = (
      <FormattedMessage
        id='baton.card.now.nobody'
        values={{status}}
      />
    );
  } else if (task.holderId === me && task.acceptedAt) {
    line = (
      <FormattedMessage
        id='baton.card.now.with_you'
        values={{status}}
      />
    );
  } else if (task.holderId === me) {
    line = (
      <FormattedMessage
        id='baton.card.now.with_you_unaccepted'
        values={{status}}
      />
    );
  } else {
    line = (
      <FormattedMessage
        id='baton.card.now.with'
        values={{status, holder: userLabel(profiles, task.holderId)}}
      />
    );
  }
  return (
    <p
      className={`baton-card__now${task.status.category === 'closed' ? ' baton-card__now--closed' : ''}`}
      data-testid='baton-card-now'
    >
      <i
        className='icon icon-information-outline'
        aria-hidden='true'
      />
      {line}
    </p>
  );
}
