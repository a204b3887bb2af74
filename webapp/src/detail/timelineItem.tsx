// One timeline event: who, when, and what changed from what to what. Kinds
// the webapp does not know yet are shown by their name (the contract says new
// kinds come without a new API version).
import React from 'react';
import {FormattedMessage} from 'react-intl';

import type {TimelineEvent} from '../api/contract';
import {formatDue} from '../tasks/deadlines';
import type {ReaderClock} from '../tasks/deadlines';

import {userLabel} from './users';

type Profiles = Readonly<Record<string, unknown>> | null;

// Written out as {id: '...'} so the catalog test sees every id in use.
const kindMessages: Record<string, {id: string}> = {
  created: {id: 'baton.detail.event.created'},
  field_changed: {id: 'baton.detail.event.field_changed'},
  handed_off: {id: 'baton.detail.event.handed_off'},
  status_changed: {id: 'baton.detail.event.status_changed'},
  commented: {id: 'baton.detail.event.commented'},
  comment_edited: {id: 'baton.detail.event.comment_edited'},
  comment_deleted: {id: 'baton.detail.event.comment_deleted'},
  watched: {id: 'baton.detail.event.watched'},
  unwatched: {id: 'baton.detail.event.unwatched'},
};

const userFields = new Set(['holderId', 'handedById', 'creatorId']);
const maxValueLength = 80;

/** A changed value as one short line: people by name, text as is, the rest as JSON. */
export function describeValue(value: unknown, field: string | null, profiles: Profiles): string {
  if (value === null || value === undefined) {
    return '—';
  }
  if (typeof value === 'string') {
    const text = field && userFields.has(field) ? userLabel(profiles, value) : value;
    return text.length > maxValueLength ? `${text.slice(0, maxValueLength - 1)}…` : text;
  }
  const json = JSON.stringify(value) ?? String(value);
  return json.length > maxValueLength ? `${json.slice(0, maxValueLength - 1)}…` : json;
}

export function TimelineItem({event, profiles, clock}: {event: TimelineEvent; profiles: Profiles; clock: ReaderClock}) {
  const kind = kindMessages[event.kind];
  const changed = event.field !== null && (event.from !== null || event.to !== null);
  return (
    <div className={`baton-detail__event baton-detail__event--${event.kind}`}>
      <p className='baton-detail__meta'>
        <span className='baton-detail__who'>{userLabel(profiles, event.actorId)}</span>
        {' · '}
        <time dateTime={event.at}>{formatDue(event.at, clock)}</time>
      </p>
      <p className='baton-detail__what'>
        {kind ? <FormattedMessage {...kind}/> : event.kind}
        {changed && (
          <>
            {': '}
            <FormattedMessage
              id='baton.detail.event.change'
              values={{
                field: event.field,
                from: describeValue(event.from, event.field, profiles),
                to: describeValue(event.to, event.field, profiles),
              }}
            />
          </>
        )}
      </p>
    </div>
  );
}
