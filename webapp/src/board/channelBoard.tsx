// The "This channel" tab as a board: one column per status (boardColumns.ts),
// a card per task (boardCard.tsx). The cards are the channel's open list
// (shared with List view), its recently closed tasks (closedTasks.ts: the
// Done column) and any card moved here this session (useBoardMoves.ts),
// narrowed by the filter bar (boardFilters.ts). ChannelView switches
// between List and Board and remembers the choice per channel (viewChoice.ts).
import React, {useCallback, useMemo, useRef, useState} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import type {Task} from '../api/contract';
import {formatErrorText} from '../api/errorText';
import {getCurrentChannelId, getCurrentUserId, getUserProfiles, timeZoneIn} from '../mattermost/hostState';
import {useBatonServices} from '../plugin/servicesContext';
import {useBatonSelector} from '../state/hooks';
import {getTasksState} from '../state/selectors';
import type {ReaderClock} from '../tasks/deadlines';
import {statusLabel} from '../tasks/statusLabel';
import {FailureNotice, TaskListView} from '../tasks/taskListView';
import {taskSelected} from '../tasks/tasksSlice';

import {cardHelpId} from './boardCard';
import {boardColumns} from './boardColumns';
import type {BoardStatus} from './boardColumns';
import {BoardColumnSection} from './boardColumnSection';
import {BoardFilterBar} from './boardFilterBar';
import {boardFiltersActive, cardMatches, labelsOf, noBoardFilters} from './boardFilters';
import type {BoardFilters} from './boardFilters';
import {useClosedTasks} from './closedTasks';
import {useBoardMoves} from './useBoardMoves';
import {browserViewStorage, readViewMode, writeViewMode} from './viewChoice';
import type {ChannelViewMode, ViewStorage} from './viewChoice';

function StateLine({message, busy = false}: {message: {id: string}; busy?: boolean}) {
  return (
    <p
      className='baton-tasks__state'
      role={busy ? 'status' : undefined}
    >
      <FormattedMessage {...message}/>
    </p>
  );
}

export function ChannelBoard({label}: {label: string}) {
  const {store, api, tasks: lists, now, profiles: people} = useBatonServices();
  const intl = useIntl();
  const {entities, lists: allLists} = useBatonSelector(getTasksState);
  const list = allLists.channel;
  const channelId = list.scope?.channelId ?? null;
  const profiles = useBatonSelector(getUserProfiles);
  const me = useBatonSelector(getCurrentUserId);
  const timeZone = timeZoneIn(profiles, me);
  const minute = Math.floor(now().getTime() / 60_000);
  const clock = useMemo<ReaderClock>(() => ({now: now(), timeZone, locale: intl.locale}), [now, minute, timeZone, intl.locale]);
  const closed = useClosedTasks(channelId, {api, store, profiles: people});
  const [filters, setFilters] = useState<BoardFilters>(noBoardFilters);
  const board = useRef<HTMLDivElement>(null);

  const statusName = useCallback((status: BoardStatus) => statusLabel(intl, status), [intl]);

  const moves = useBoardMoves({store, api, entities, statusName, board});
  const {movedIds} = moves;
  const tasks = useMemo(() => {
    const ids = [...new Set([...list.ids, ...closed.ids, ...movedIds])];
    return ids.map((id) => entities[id]).filter((task): task is Task => task !== undefined && task.channelId === channelId);
  }, [list.ids, closed.ids, movedIds, entities, channelId]);
  // Every status column stays while filters hide its cards.
  const columns = useMemo(() => boardColumns(tasks).map((column) => ({...column, tasks: column.tasks.filter((task) => cardMatches(task, filters, me))})), [tasks, filters, me]);

  const onSelect = useCallback((taskId: string) => store.dispatch(taskSelected(taskId)), [store]);

  const firstLoad = list.status === 'idle' || (list.status === 'loading' && list.loadedFilters === null);
  if (!list.scope) {
    return <StateLine message={{id: 'baton.tasks.no_channel'}}/>;
  }
  if (firstLoad) {
    return (
      <StateLine
        message={{id: 'baton.tasks.loading'}}
        busy={true}
      />
    );
  }

  const shown = columns.reduce((count, column) => count + column.tasks.length, 0);
  return (
    <div
      className='baton-board'
      ref={board}
    >
      {list.status === 'error' && list.error && (
        <FailureNotice
          failure={list.error}
          message={{id: 'baton.tasks.error'}}
          onRetry={() => lists.retry('channel')}
        />
      )}
      {closed.status === 'error' && closed.error && (
        <FailureNotice
          failure={closed.error}
          message={{id: 'baton.board.closed.error'}}
          onRetry={closed.retry}
        />
      )}
      {moves.failure && (
        <p
          className='baton-tasks__error'
          role='alert'
        >
          <FormattedMessage
            id='baton.board.move.error'
            values={{key: moves.failure.key, message: formatErrorText(intl, moves.failure.failure.text)}}
          />
        </p>
      )}
      <p
        className='baton-board__live'
        aria-live='polite'
      >
        {moves.announcement}
      </p>
      <p
        className='baton-board__help'
        id={cardHelpId}
      >
        <FormattedMessage id='baton.board.card.help'/>
      </p>
      <BoardFilterBar
        filters={filters}
        labels={labelsOf(tasks)}
        onChange={setFilters}
      />
      {tasks.length === 0 && list.status !== 'error' && <StateLine message={{id: 'baton.tasks.empty.channel'}}/>}
      {tasks.length > 0 && shown === 0 && boardFiltersActive(filters) && <StateLine message={{id: 'baton.board.filter.none'}}/>}
      <div
        className='baton-board__columns'
        role='group'
        aria-label={label}
      >
        {columns.map((column) => (
          <BoardColumnSection
            key={column.status.id}
            column={column}
            statusName={statusName(column.status)}
            profiles={profiles}
            pending={moves.pending}
            isTarget={moves.dropTarget === column.status.id}
            clock={clock}
            onSelect={onSelect}
            onKeyMove={(task, step) => moves.onKeyMove(task, step, columns)}
            onDragStart={moves.onDragStart}
            onDragEnd={moves.onDragEnd}
            onDragOver={(status) => moves.setDropTarget(() => status.id)}
            onDragLeave={(status) => moves.setDropTarget((current) => (current === status.id ? null : current))}
            onDrop={moves.onDrop}
          />
        ))}
      </div>
    </div>
  );
}

/**
 * The "This channel" tab: a List | Board switch over the same loaded list,
 * List until the person picks Board in that channel. `storage` defaults to
 * the browser's localStorage.
 */
export function ChannelView({label, storage}: {label: string; storage?: ViewStorage}) {
  const channelId = useBatonSelector(getCurrentChannelId);
  const views = useMemo(() => storage ?? browserViewStorage(), [storage]);
  const [choice, setChoice] = useState<{channelId: string | null; mode: ChannelViewMode} | null>(null);
  const mode = choice && choice.channelId === channelId ? choice.mode : readViewMode(views, channelId);
  const choose = (next: ChannelViewMode) => {
    setChoice({channelId, mode: next});
    writeViewMode(views, channelId, next);
  };
  const modes: {mode: ChannelViewMode; message: {id: string}}[] = [
    {mode: 'list', message: {id: 'baton.board.view.list'}},
    {mode: 'board', message: {id: 'baton.board.view.board'}},
  ];
  const intl = useIntl();
  return (
    <>
      <div
        className='baton-board__toggle'
        role='group'
        aria-label={intl.formatMessage({id: 'baton.board.view.label'})}
      >
        {modes.map((option) => (
          <button
            key={option.mode}
            type='button'
            className='baton-board__toggle-button'
            aria-pressed={mode === option.mode}
            onClick={() => choose(option.mode)}
          >
            <FormattedMessage {...option.message}/>
          </button>
        ))}
      </div>
      {mode === 'list' ? (
        <TaskListView
          listId='channel'
          label={label}
        />
      ) : <ChannelBoard label={label}/>}
    </>
  );
}
