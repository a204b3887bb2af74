// One list in the panel: its filter bar, then loading / error / empty states
// or the virtualized rows (Mine grouped by deadline bucket), then the next
// page. A failure says what failed (the bridge's message and error id) next
// to a Retry; what was already loaded stays on screen.
import React, {useCallback, useMemo} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import type {Task} from '../api/contract';
import {formatErrorText} from '../api/errorText';
import {getCurrentUserId, getUserProfiles, timeZoneIn, usernameIn} from '../mattermost/hostState';
import {useBatonServices} from '../plugin/servicesContext';
import {useBatonSelector} from '../state/hooks';
import {getTasksState} from '../state/selectors';

import {groupByBucket} from './deadlines';
import type {DeadlineBucket, ReaderClock} from './deadlines';
import {TaskFilters} from './taskFilters';
import {TaskRow} from './taskRow';
import {defaultListFilters, taskSelected} from './tasksSlice';
import type {ListFilters, RequestFailure, TaskListId} from './tasksSlice';
import {VirtualList} from './virtualList';

export const taskRowHeight = 56;

// Written out as {id: '...'} so the catalog test sees every id in use.
const bucketMessages: Record<DeadlineBucket, {id: string}> = {
  overdue: {id: 'baton.tasks.bucket.overdue'},
  today: {id: 'baton.tasks.bucket.today'},
  thisWeek: {id: 'baton.tasks.bucket.this_week'},
  later: {id: 'baton.tasks.bucket.later'},
  none: {id: 'baton.tasks.bucket.none'},
};

const emptyMessages: Record<TaskListId, {id: string}> = {
  mine: {id: 'baton.rhs.placeholder'},
  waiting: {id: 'baton.tasks.empty.waiting'},
  channel: {id: 'baton.tasks.empty.channel'},
  watching: {id: 'baton.tasks.empty.watching'},
};

type Row = {kind: 'bucket'; bucket: DeadlineBucket; count: number} | {kind: 'task'; task: Task};

function toRows(tasks: Task[], grouped: boolean, clock: ReaderClock): Row[] {
  if (!grouped) {
    return tasks.map((task) => ({kind: 'task', task}));
  }
  return groupByBucket(tasks, clock).flatMap(({bucket, tasks: inBucket}): Row[] => [
    {kind: 'bucket', bucket, count: inBucket.length},
    ...inBucket.map((task): Row => ({kind: 'task', task})),
  ]);
}

export function FailureNotice({failure, message, onRetry}: {failure: RequestFailure; message: {id: string}; onRetry: () => void}) {
  const intl = useIntl();
  const reference = [failure.id, failure.requestId].filter(Boolean).join(' · ');
  return (
    <div
      className='baton-tasks__error'
      role='alert'
    >
      <p>
        <FormattedMessage
          {...message}
          values={{message: formatErrorText(intl, failure.text)}}
        />
      </p>
      {reference && (
        <p className='baton-tasks__error-reference'>
          <FormattedMessage
            id='baton.tasks.error.reference'
            values={{reference}}
          />
        </p>
      )}
      <TextButton
        className='baton-tasks__retry'
        message={{id: 'baton.tasks.retry'}}
        onClick={onRetry}
      />
    </div>
  );
}

function TextButton({className, message, onClick}: {className: string; message: {id: string}; onClick: () => void}) {
  return (
    <button
      type='button'
      className={className}
      onClick={onClick}
    >
      <FormattedMessage {...message}/>
    </button>
  );
}

/** A line about the list's state; `busy` ones are announced (role=status). */
function StateLine({message, inline = false, busy = false}: {message: {id: string}; inline?: boolean; busy?: boolean}) {
  return (
    <p
      className={`baton-tasks__state${inline ? ' baton-tasks__state--inline' : ''}`}
      role={busy ? 'status' : undefined}
    >
      <FormattedMessage {...message}/>
    </p>
  );
}

const sameFilters = (a: ListFilters, b: ListFilters) => JSON.stringify(a) === JSON.stringify(b);

export function TaskListView({listId, label}: {listId: TaskListId; label: string}) {
  const {store, tasks: lists, now} = useBatonServices();
  const intl = useIntl();
  const {entities, lists: allLists, selectedTaskId} = useBatonSelector(getTasksState);
  const list = allLists[listId];
  const profiles = useBatonSelector(getUserProfiles);
  const me = useBatonSelector(getCurrentUserId);
  const timeZone = timeZoneIn(profiles, me);
  // Buckets and relative times move on with the minute, not with every render.
  const minute = Math.floor(now().getTime() / 60_000);
  const clock = useMemo<ReaderClock>(() => ({now: now(), timeZone, locale: intl.locale}), [now, minute, timeZone, intl.locale]);

  const tasks = useMemo(() => list.ids.map((id) => entities[id]).filter((task): task is Task => task !== undefined), [list.ids, entities]);
  const rows = useMemo(() => toRows(tasks, listId === 'mine', clock), [tasks, listId, clock]);

  const onSelect = useCallback((taskId: string) => store.dispatch(taskSelected(taskId)), [store]);
  const onFilters = useCallback((filters: Partial<ListFilters>) => lists.setFilters(listId, filters), [lists, listId]);
  const onEndReached = useCallback(() => lists.loadMore(listId), [lists, listId]);
  const retry = () => lists.retry(listId);

  const renderRow = (index: number) => {
    const row = rows[index];
    if (!row) {
      return null;
    }
    if (row.kind === 'bucket') {
      return (
        <h3 className={`baton-tasks__bucket baton-tasks__bucket--${row.bucket}`}>
          <FormattedMessage {...bucketMessages[row.bucket]}/>
          <span className='baton-tasks__bucket-count'>{row.count}</span>
        </h3>
      );
    }
    const {task} = row;
    return (
      <TaskRow
        task={task}
        holderName={task.holderId ? usernameIn(profiles, task.holderId) : null}
        clock={clock}
        selected={task.id === selectedTaskId}
        onSelect={onSelect}
      />
    );
  };

  const firstLoad = list.status === 'idle' || (list.status === 'loading' && list.loadedFilters === null);
  let body: React.ReactNode;
  if (!list.scope && listId === 'channel') {
    body = <StateLine message={{id: 'baton.tasks.no_channel'}}/>;
  } else if (firstLoad) {
    body = (
      <StateLine
        message={{id: 'baton.tasks.loading'}}
        busy={true}
      />
    );
  } else if (rows.length === 0 && list.status !== 'error') {
    body = <StateLine message={sameFilters(list.filters, defaultListFilters) ? emptyMessages[listId] : {id: 'baton.tasks.empty.filtered'}}/>;
  } else if (rows.length > 0) {
    body = (
      <VirtualList
        count={rows.length}
        rowHeight={taskRowHeight}
        renderRow={renderRow}
        rowKey={(index) => {
          const row = rows[index];
          return row?.kind === 'task' ? row.task.id : `bucket-${row?.bucket ?? index}`;
        }}
        isFocusable={(index) => rows[index]?.kind === 'task'}
        onEndReached={list.nextCursor ? onEndReached : undefined}
        ariaLabel={label}
        busy={list.status === 'loading'}
      />
    );
  }

  return (
    <div className='baton-tasks__list'>
      <TaskFilters
        filters={list.filters}
        onChange={onFilters}
      />
      {list.status === 'error' && list.error && (
        <FailureNotice
          failure={list.error}
          message={{id: 'baton.tasks.error'}}
          onRetry={retry}
        />
      )}
      {list.status === 'loading' && !firstLoad && (
        <StateLine
          message={{id: 'baton.tasks.loading'}}
          inline={true}
          busy={true}
        />
      )}
      {body}
      {list.more === 'error' && list.moreError && (
        <FailureNotice
          failure={list.moreError}
          message={{id: 'baton.tasks.error.more'}}
          onRetry={retry}
        />
      )}
      {list.more === 'loading' && (
        <StateLine
          message={{id: 'baton.tasks.loading_more'}}
          inline={true}
          busy={true}
        />
      )}
      {list.nextCursor && list.more === 'idle' && list.status === 'loaded' && (
        <TextButton
          className='baton-tasks__more'
          message={{id: 'baton.tasks.load_more'}}
          onClick={onEndReached}
        />
      )}
    </div>
  );
}
