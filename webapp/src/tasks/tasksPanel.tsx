// The panel's lists as tabs (Mine, Waiting on others, This channel,
// Watching), following the WAI-ARIA tabs pattern: arrow keys, Home and End
// move between tabs and show the one reached. Showing a tab loads its list
// for the current user or channel.
import React, {useEffect, useRef, useState} from 'react';
import type {KeyboardEvent} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import {ChannelView} from '../board/channelBoard';
import {focusTaskRow} from '../detail/focus';
import {TaskDetail} from '../detail/taskDetail';
import {getCurrentChannelId, getCurrentUserId} from '../mattermost/hostState';
import {useBatonServices} from '../plugin/servicesContext';
import {useBatonSelector} from '../state/hooks';
import {getRhsRequest, getTasksState} from '../state/selectors';

import {applyRhsRequest} from './rhsRequests';
import type {ShowFailure} from './rhsRequests';
import {ShowFailureNotice} from './showFailureNotice';
import {listScope} from './taskLists';
import {TaskListView} from './taskListView';
import {tabSelected, taskListIds, taskSelected} from './tasksSlice';
import type {TaskListId, TasksState} from './tasksSlice';

// Written out as {id: '...'} so the catalog test sees every id in use.
const tabMessages: Record<TaskListId, {id: string}> = {
  mine: {id: 'baton.tasks.tab.mine'},
  waiting: {id: 'baton.tasks.tab.waiting'},
  channel: {id: 'baton.tasks.tab.channel'},
  watching: {id: 'baton.tasks.tab.watching'},
};

const aboutMessages: Record<TaskListId, {id: string}> = {
  mine: {id: 'baton.tasks.about.mine'},
  waiting: {id: 'baton.tasks.about.waiting'},
  channel: {id: 'baton.tasks.about.channel'},
  watching: {id: 'baton.tasks.about.watching'},
};

const getActiveList = (state: Parameters<typeof getTasksState>[0]): TasksState['activeList'] => getTasksState(state).activeList;
const getSelectedTaskId = (state: Parameters<typeof getTasksState>[0]): string | null => getTasksState(state).selectedTaskId;

export function TasksPanel() {
  const {store, tasks, api, profiles} = useBatonServices();
  const intl = useIntl();
  const active = useBatonSelector(getActiveList);
  const me = useBatonSelector(getCurrentUserId);
  const channelId = useBatonSelector(getCurrentChannelId);
  const tabRefs = useRef<Partial<Record<TaskListId, HTMLButtonElement | null>>>({});
  const request = useBatonSelector(getRhsRequest);
  const latestRequest = useRef(request);
  latestRequest.current = request;
  const selectedTaskId = useBatonSelector(getSelectedTaskId);
  const panel = useRef<HTMLDivElement>(null);
  const returnFocusTo = useRef<string | null>(null);
  const [showFailure, setShowFailure] = useState<ShowFailure | null>(null);

  // Back from a task's detail: focus its row again (or the tab when the row is not shown).
  useEffect(() => {
    if (!selectedTaskId && returnFocusTo.current && panel.current) {
      focusTaskRow(panel.current, returnFocusTo.current);
      returnFocusTo.current = null;
    }
  }, [selectedTaskId]);

  // A counter, `/task board` or `/task show` opened the panel: each request once (requestSeq).
  // The latest request's outcome replaces the previous one's notice.
  useEffect(() => {
    if (request.requestSeq > 0) {
      setShowFailure(null);
      void applyRhsRequest(latestRequest.current, {store, api, profiles}).then(setShowFailure);
    }
  }, [request.requestSeq, store, api, profiles]);

  useEffect(() => {
    tasks.show(active, listScope(active, me, channelId));
  }, [tasks, active, me, channelId]);

  const select = (list: TaskListId, focus: boolean) => {
    store.dispatch(tabSelected(list));
    if (focus) {
      tabRefs.current[list]?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = taskListIds.indexOf(active);
    const last = taskListIds.length - 1;
    const next = {ArrowRight: index + 1 > last ? 0 : index + 1, ArrowLeft: index - 1 < 0 ? last : index - 1, Home: 0, End: last}[event.key];
    if (next === undefined) {
      return;
    }
    event.preventDefault();
    select(taskListIds[next] ?? active, true);
  };

  const notice = showFailure && (
    <ShowFailureNotice
      failure={showFailure}
      onDismiss={() => setShowFailure(null)}
    />
  );

  if (selectedTaskId) {
    return (
      <div
        className='baton-tasks'
        ref={panel}
      >
        {notice}
        <TaskDetail
          taskId={selectedTaskId}
          onBack={() => {
            returnFocusTo.current = selectedTaskId;
            store.dispatch(taskSelected(null));
          }}
        />
      </div>
    );
  }

  const label = intl.formatMessage(tabMessages[active]);
  return (
    <div
      className='baton-tasks'
      ref={panel}
    >
      {notice}
      <div
        className='baton-tasks__tabs'
        role='tablist'
        aria-label={intl.formatMessage({id: 'baton.tasks.tabs.label'})}
        onKeyDown={onKeyDown}
      >
        {taskListIds.map((list) => (
          <button
            key={list}
            ref={(element) => {
              tabRefs.current[list] = element;
            }}
            type='button'
            role='tab'
            id={`baton-tasks-tab-${list}`}
            className='baton-tasks__tab'
            aria-selected={list === active}
            aria-controls={`baton-tasks-panel-${list}`}
            tabIndex={list === active ? 0 : -1}
            onClick={() => select(list, false)}
          >
            <FormattedMessage {...tabMessages[list]}/>
          </button>
        ))}
      </div>
      <div
        className='baton-tasks__panel'
        role='tabpanel'
        id={`baton-tasks-panel-${active}`}
        aria-labelledby={`baton-tasks-tab-${active}`}
        aria-describedby={`baton-tasks-about-${active}`}
      >
        <p
          className='baton-tasks__about'
          id={`baton-tasks-about-${active}`}
        >
          <FormattedMessage {...aboutMessages[active]}/>
        </p>
        {active === 'channel' ? <ChannelView label={label}/> : (
          <TaskListView
            key={active}
            listId={active}
            label={label}
          />
        )}
      </div>
    </div>
  );
}
