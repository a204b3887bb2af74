// One task in the right-hand panel, in place of the lists: Back, the task's
// fields and every deadline (legal first and marked, in the reader's zone and
// locale), the description as Markdown, each edited in place; its parent and
// sub-tasks, its watchers, the actions that apply, the comments and the
// timeline (kept current as the task changes). Opening it moves focus to its
// heading.
import React, {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import type {Task} from '../api/contract';
import {getCurrentUserId, getUserProfiles, timeZoneIn} from '../mattermost/hostState';
import {peopleOfTask} from '../people/profileLoader';
import {useBatonServices} from '../plugin/servicesContext';
import {useBatonSelector} from '../state/hooks';
import {getDetailState, getTasksState} from '../state/selectors';
import {panelFormOpened} from '../state/rhsSlice';
import {formatDue} from '../tasks/deadlines';
import type {ReaderClock} from '../tasks/deadlines';
import {statusLabel} from '../tasks/statusLabel';
import {describeFailure} from '../tasks/taskLists';
import {FailureNotice} from '../tasks/taskListView';
import {taskChanged} from '../tasks/tasksSlice';
import type {RequestFailure} from '../tasks/tasksSlice';

import {loadDetail, loadPart} from './detailLoader';
import type {DetailLoaderDeps} from './detailLoader';
import {DeadlinesSection} from './deadlineFields';
import {initialTaskDetail} from './detailSlice';
import {useLiveDetailReload} from './liveReload';
import {Markdown} from './markdown';
import {PartSection} from './partSection';
import {ParentLink, SubTasks} from './subTasks';
import {TaskActions} from './taskActions';
import {CaseField, DescriptionField, LabelsField, PriorityField, StartDateField, TitleField} from './taskFields';
import {TimelineItem} from './timelineItem';
import {userLabel} from './users';
import {Watchers} from './watchers';

export {orderedDeadlines} from './deadlineFields';

function Field({label, children}: {label: {id: string}; children: React.ReactNode}) {
  return (
    <>
      <dt className='baton-detail__label'><FormattedMessage {...label}/></dt>
      <dd className='baton-detail__value'>{children}</dd>
    </>
  );
}

export type TaskDetailProps = {
  taskId: string;
  onBack: () => void;
};

export function TaskDetail({taskId, onBack}: TaskDetailProps) {
  const {store, api, now, profiles: people} = useBatonServices();
  const intl = useIntl();
  const task: Task | undefined = useBatonSelector((state) => getTasksState(state).entities[taskId]);
  const detail = useBatonSelector((state) => getDetailState(state).byTask[taskId]) ?? initialTaskDetail;
  const profiles = useBatonSelector(getUserProfiles);
  const me = useBatonSelector(getCurrentUserId);
  const timeZone = timeZoneIn(profiles, me);
  const minute = Math.floor(now().getTime() / 60_000);
  const clock = useMemo<ReaderClock>(() => ({now: now(), timeZone, locale: intl.locale}), [now, minute, timeZone, intl.locale]);
  const deps = useMemo<DetailLoaderDeps>(() => ({store, api, profiles: people}), [store, api, people]);
  const heading = useRef<HTMLHeadingElement>(null);

  // The task's version when known, so a live change after it reloads them (liveReload.ts).
  const versionNow = useRef<number | null>(null);
  versionNow.current = task?.version ?? null;
  useEffect(() => {
    void loadDetail(taskId, deps, versionNow.current);
  }, [taskId, deps]);
  useLiveDetailReload(taskId, task?.version, detail.requestedVersion, deps);

  // Selected but not loaded (it left every list): read it from the bridge.
  const ready = task !== undefined;
  const [taskFailure, setTaskFailure] = useState<RequestFailure | null>(null);
  const loadTask = useCallback(() => {
    setTaskFailure(null);
    api.getTask(taskId).then((loaded) => {
      store.dispatch(taskChanged(loaded));
      people.ensure(peopleOfTask(loaded));
    }, (error: unknown) => setTaskFailure(describeFailure(error)));
  }, [api, store, people, taskId]);
  useEffect(() => {
    if (!ready) {
      loadTask();
    }
  }, [ready, loadTask]);

  useEffect(() => {
    heading.current?.focus();
  }, [taskId, ready]);

  const back = (
    <button
      type='button'
      className='baton-detail__back'
      onClick={onBack}
    >
      <i
        className='icon icon-arrow-left'
        aria-hidden='true'
      />
      <FormattedMessage id='baton.detail.back'/>
    </button>
  );

  if (!task) {
    return (
      <div className='baton-detail'>
        {back}
        <h3
          className='baton-detail__title'
          ref={heading}
          tabIndex={-1}
          role={taskFailure ? undefined : 'status'}
        >
          <FormattedMessage id='baton.detail.loading'/>
        </h3>
        {taskFailure && (
          <FailureNotice
            failure={taskFailure}
            onRetry={loadTask}
            message={{id: 'baton.detail.error'}}
          />
        )}
      </div>
    );
  }

  return (
    <article
      className='baton-detail'
      aria-labelledby='baton-detail-heading'
    >
      <div className='baton-detail__top'>
        {back}
        <button
          type='button'
          className='baton-detail__button'
          onClick={() => store.dispatch(panelFormOpened({kind: 'editTask', taskId: task.id}))}
        >
          <FormattedMessage id='baton.detail.edit_all'/>
        </button>
      </div>
      {task.parentId && <ParentLink parentId={task.parentId}/>}
      <TitleField
        task={task}
        headingRef={heading}
      />
      <dl className='baton-detail__fields'>
        <Field label={{id: 'baton.detail.status'}}>{statusLabel(intl, task.status)}</Field>
        <Field label={{id: 'baton.tasks.filter.priority'}}><PriorityField task={task}/></Field>
        <Field label={{id: 'baton.detail.holder'}}>
          {task.holderId ? userLabel(profiles, task.holderId) : <FormattedMessage id='baton.tasks.holder.none'/>}
          {task.holderId && task.acceptedAt === null && (
            <span className='baton-detail__pending'>
              {' '}
              <FormattedMessage id='baton.detail.not_accepted'/>
            </span>
          )}
        </Field>
        <Field label={{id: 'baton.detail.creator'}}>{userLabel(profiles, task.creatorId)}</Field>
        <Field label={{id: 'baton.detail.case'}}><CaseField task={task}/></Field>
        <Field label={{id: 'baton.tasks.filter.label'}}><LabelsField task={task}/></Field>
        <Field label={{id: 'baton.detail.start_date'}}><StartDateField task={task}/></Field>
        <Field label={{id: 'baton.detail.watchers'}}>
          <Watchers
            task={task}
            me={me}
            profiles={profiles}
          />
        </Field>
      </dl>
      <DeadlinesSection
        task={task}
        clock={clock}
      />
      <DescriptionField task={task}/>
      <SubTasks task={task}/>
      <TaskActions
        task={task}
        me={me}
        profiles={profiles}
        deps={deps}
      />
      <PartSection
        part='comments'
        state={detail.comments}
        onRetry={() => void loadPart(taskId, 'comments', deps)}
        renderItem={(comment) => (
          <div className='baton-detail__comment'>
            <p className='baton-detail__meta'>
              <span className='baton-detail__who'>{userLabel(profiles, comment.authorId)}</span>
              {' · '}
              <time dateTime={comment.createdAt}>{formatDue(comment.createdAt, clock)}</time>
              {comment.edited && (
                <>
                  {' · '}
                  <FormattedMessage id='baton.detail.comment.edited'/>
                </>
              )}
            </p>
            <Markdown
              className='baton-detail__comment-body'
              text={comment.body}
            />
          </div>
        )}
      />
      <PartSection
        part='timeline'
        state={detail.timeline}
        onRetry={() => void loadPart(taskId, 'timeline', deps)}
        renderItem={(event) => (
          <TimelineItem
            event={event}
            profiles={profiles}
            clock={clock}
          />
        )}
      />
    </article>
  );
}
