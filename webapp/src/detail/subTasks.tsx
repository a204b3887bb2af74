// Where the task sits among others: "Part of KEY – title" when it has a
// parent (read from the bridge when no list holds it), and for a parent its
// progress ("n of m done", a progress bar) with the first page of its
// sub-tasks. Each opens in this view; Add sub-task opens the new task form
// already pointing at this task.
import React, {useCallback, useEffect, useState} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import type {Task} from '../api/contract';
import {useBatonServices} from '../plugin/servicesContext';
import {useBatonSelector} from '../state/hooks';
import {getTasksState} from '../state/selectors';
import {panelFormOpened} from '../state/rhsSlice';
import {statusLabel} from '../tasks/statusLabel';
import {describeFailure} from '../tasks/taskLists';
import {FailureNotice} from '../tasks/taskListView';
import {taskChanged, taskSelected} from '../tasks/tasksSlice';
import type {RequestFailure} from '../tasks/tasksSlice';

/** How many sub-tasks the list shows (the bridge's first page). */
export const subTaskPageSize = 50;

export function ParentLink({parentId}: {parentId: string}) {
  const {api, store} = useBatonServices();
  const parent: Task | undefined = useBatonSelector((state) => getTasksState(state).entities[parentId]);
  const missing = parent === undefined;
  useEffect(() => {
    if (missing) {
      // Failing leaves the link without a title; the key is not known then either, so it names the id.
      api.getTask(parentId).then((loaded) => store.dispatch(taskChanged(loaded)), () => undefined);
    }
  }, [api, store, parentId, missing]);
  return (
    <p className='baton-detail__parent'>
      <button
        type='button'
        className='baton-detail__link'
        onClick={() => store.dispatch(taskSelected(parentId))}
      >
        <FormattedMessage
          id='baton.detail.parent'
          values={{task: parent ? `${parent.key} – ${parent.title}` : parentId}}
        />
      </button>
    </p>
  );
}

type SubTaskState = {status: 'loading' | 'loaded' | 'error'; items: Task[]; error: RequestFailure | null};

export function SubTasks({task}: {task: Task}) {
  const {api, store} = useBatonServices();
  const intl = useIntl();
  const [state, setState] = useState<SubTaskState>({status: 'loading', items: [], error: null});
  const {progress} = task;
  // A sub-task closing or being added changes the progress: read the list again then.
  const progressKey = progress ? `${progress.done}/${progress.total}` : null;

  const load = useCallback((signal?: AbortSignal) => {
    setState((current) => ({...current, status: 'loading', error: null}));
    api.listTasks({parentId: task.id}, {limit: subTaskPageSize}, signal).then(
      (page) => setState({status: 'loaded', items: page.items, error: null}),
      (error: unknown) => {
        if (!signal?.aborted) {
          setState((current) => ({...current, status: 'error', error: describeFailure(error)}));
        }
      },
    );
  }, [api, task.id]);

  useEffect(() => {
    if (progressKey === null) {
      return undefined;
    }
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load, progressKey]);

  const addSubTask = (
    <button
      type='button'
      className='baton-detail__button'
      onClick={() => store.dispatch(panelFormOpened({kind: 'createTask', prefill: {parentId: task.id, channelId: task.channelId}}))}
    >
      <i
        className='icon icon-plus'
        aria-hidden='true'
      />
      <FormattedMessage id='baton.detail.subtasks.add'/>
    </button>
  );

  return (
    <section
      className='baton-detail__section baton-detail__subtasks'
      aria-labelledby='baton-detail-subtasks'
    >
      <h4
        className='baton-detail__section-title'
        id='baton-detail-subtasks'
      >
        <FormattedMessage id='baton.detail.subtasks'/>
      </h4>
      {progress && (
        <>
          <p className='baton-detail__progress-text'>
            <FormattedMessage
              id='baton.detail.subtasks.progress'
              values={{done: progress.done, total: progress.total}}
            />
          </p>
          <div
            className='baton-detail__progress'
            role='progressbar'
            aria-label={intl.formatMessage({id: 'baton.detail.subtasks.progress_label'})}
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
          >
            <div
              className='baton-detail__progress-done'
              style={{width: `${Math.round((progress.done / progress.total) * 100)}%`}}
            />
          </div>
          {state.status === 'error' && state.error && (
            <FailureNotice
              failure={state.error}
              onRetry={() => load()}
              message={{id: 'baton.detail.subtasks.error'}}
            />
          )}
          {state.status === 'loading' && state.items.length === 0 && (
            <p
              className='baton-detail__state'
              role='status'
            >
              <FormattedMessage id='baton.detail.subtasks.loading'/>
            </p>
          )}
          {state.items.length > 0 && (
            <ul className='baton-detail__items baton-detail__subtask-list'>
              {state.items.map((sub) => (
                <li key={sub.id}>
                  <button
                    type='button'
                    className={`baton-detail__subtask${sub.status.category === 'closed' ? ' baton-detail__subtask--closed' : ''}`}
                    onClick={() => store.dispatch(taskSelected(sub.id))}
                  >
                    <span className='baton-detail__key'>{sub.key}</span>
                    {' '}
                    <span>{sub.title}</span>
                    {' · '}
                    <span className='baton-detail__state'>{statusLabel(intl, sub.status)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {addSubTask}
    </section>
  );
}
