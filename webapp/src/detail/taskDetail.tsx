// One task in the right-hand panel, in place of the lists: Back, the task's
// fields and every deadline (legal first and marked, in the reader's zone and
// locale), the description as Markdown, the actions that apply, the comments
// and the timeline. Opening it moves focus to its heading.
import React, {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import type {Task} from '../api/contract';
import {getCurrentUserId, getUserProfiles, timeZoneIn} from '../mattermost/hostState';
import {useBatonServices} from '../plugin/servicesContext';
import {useBatonSelector} from '../state/hooks';
import {getDetailState, getTasksState} from '../state/selectors';
import {formatDue, isOverdue, relativeDue} from '../tasks/deadlines';
import type {Deadline, ReaderClock} from '../tasks/deadlines';
import {kindMessages, priorityMessages} from '../tasks/taskRow';
import {describeFailure} from '../tasks/taskLists';
import {FailureNotice} from '../tasks/taskListView';
import {taskChanged} from '../tasks/tasksSlice';
import type {RequestFailure} from '../tasks/tasksSlice';

import {loadDetail, loadPart} from './detailLoader';
import type {DetailLoaderDeps} from './detailLoader';
import {initialTaskDetail} from './detailSlice';
import type {DetailPart, PartState} from './detailSlice';
import {Markdown} from './markdown';
import {TaskActions} from './taskActions';
import {TimelineItem} from './timelineItem';
import {userLabel} from './users';

/** Legal first, then by due date. */
export function orderedDeadlines(deadlines: readonly Deadline[]): Deadline[] {
  return [...deadlines].sort((a, b) => Number(b.kind === 'legal') - Number(a.kind === 'legal') || Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

function Field({label, children}: {label: {id: string}; children: React.ReactNode}) {
  return (
    <>
      <dt className='baton-detail__label'><FormattedMessage {...label}/></dt>
      <dd className='baton-detail__value'>{children}</dd>
    </>
  );
}

function DeadlineLine({deadline, clock}: {deadline: Deadline; clock: ReaderClock}) {
  const intl = useIntl();
  const legal = deadline.kind === 'legal';
  const overdue = isOverdue(deadline.dueAt, clock.now);
  const kindMessage = kindMessages[deadline.kind];
  return (
    <li className={`baton-detail__deadline${legal ? ' baton-detail__deadline--legal' : ''}${overdue ? ' baton-detail__deadline--overdue' : ''}`}>
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
    </li>
  );
}

const partMessages: Record<DetailPart, {heading: {id: string}; loading: {id: string}; empty: {id: string}; error: {id: string}}> = {
  comments: {
    heading: {id: 'baton.detail.comments'},
    loading: {id: 'baton.detail.comments.loading'},
    empty: {id: 'baton.detail.comments.empty'},
    error: {id: 'baton.detail.comments.error'},
  },
  timeline: {
    heading: {id: 'baton.detail.timeline'},
    loading: {id: 'baton.detail.timeline.loading'},
    empty: {id: 'baton.detail.timeline.empty'},
    error: {id: 'baton.detail.timeline.error'},
  },
};

function PartSection<Item extends {id: string}>({part, state, onRetry, renderItem}: {
  part: DetailPart;
  state: PartState<Item>;
  onRetry: () => void;
  renderItem: (item: Item) => React.ReactNode;
}) {
  const messages = partMessages[part];
  return (
    <section
      className={`baton-detail__section baton-detail__${part}`}
      aria-labelledby={`baton-detail-${part}`}
    >
      <h4
        className='baton-detail__section-title'
        id={`baton-detail-${part}`}
      >
        <FormattedMessage {...messages.heading}/>
      </h4>
      {state.status === 'error' && state.error && (
        <FailureNotice
          failure={state.error}
          onRetry={onRetry}
          message={messages.error}
        />
      )}
      {(state.status === 'idle' || state.status === 'loading') && (
        <p
          className='baton-detail__state'
          role='status'
        >
          <FormattedMessage {...messages.loading}/>
        </p>
      )}
      {state.status === 'loaded' && state.items.length === 0 && (
        <p className='baton-detail__state'><FormattedMessage {...messages.empty}/></p>
      )}
      {state.items.length > 0 && (
        <ol className='baton-detail__items'>
          {state.items.map((item) => <li key={item.id}>{renderItem(item)}</li>)}
        </ol>
      )}
    </section>
  );
}

export type TaskDetailProps = {
  taskId: string;
  onBack: () => void;
};

export function TaskDetail({taskId, onBack}: TaskDetailProps) {
  const {store, api, now} = useBatonServices();
  const intl = useIntl();
  const task: Task | undefined = useBatonSelector((state) => getTasksState(state).entities[taskId]);
  const detail = useBatonSelector((state) => getDetailState(state).byTask[taskId]) ?? initialTaskDetail;
  const profiles = useBatonSelector(getUserProfiles);
  const me = useBatonSelector(getCurrentUserId);
  const timeZone = timeZoneIn(profiles, me);
  const minute = Math.floor(now().getTime() / 60_000);
  const clock = useMemo<ReaderClock>(() => ({now: now(), timeZone, locale: intl.locale}), [now, minute, timeZone, intl.locale]);
  const deps = useMemo<DetailLoaderDeps>(() => ({store, api}), [store, api]);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void loadDetail(taskId, deps);
  }, [taskId, deps]);

  // Selected but not loaded (it left every list): read it from the bridge.
  const ready = task !== undefined;
  const [taskFailure, setTaskFailure] = useState<RequestFailure | null>(null);
  const loadTask = useCallback(() => {
    setTaskFailure(null);
    api.getTask(taskId).then((loaded) => store.dispatch(taskChanged(loaded)), (error: unknown) => setTaskFailure(describeFailure(error)));
  }, [api, store, taskId]);
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

  const deadlines = orderedDeadlines(task.deadlines);
  return (
    <article
      className='baton-detail'
      aria-labelledby='baton-detail-heading'
    >
      {back}
      <h3
        className='baton-detail__title'
        id='baton-detail-heading'
        ref={heading}
        tabIndex={-1}
      >
        <span className='baton-detail__key'>{task.key}</span>
        {' '}
        <span>{task.title}</span>
      </h3>
      <dl className='baton-detail__fields'>
        <Field label={{id: 'baton.detail.status'}}>{task.status.name}</Field>
        <Field label={{id: 'baton.tasks.filter.priority'}}>
          <span className={`baton-detail__priority baton-detail__priority--${task.priority}`}>{intl.formatMessage(priorityMessages[task.priority])}</span>
        </Field>
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
        {task.caseRef && (
          <Field label={{id: 'baton.detail.case'}}>
            {task.caseRef.url ? (
              <a
                className='baton-detail__case'
                href={task.caseRef.url}
                target='_blank'
                rel='noopener noreferrer'
              >
                {task.caseRef.id}
              </a>
            ) : task.caseRef.id}
          </Field>
        )}
        {task.labels.length > 0 && (
          <Field label={{id: 'baton.tasks.filter.label'}}>
            <ul className='baton-detail__labels'>
              {task.labels.map((label) => <li key={label}>{label}</li>)}
            </ul>
          </Field>
        )}
        <Field label={{id: 'baton.detail.watchers'}}>
          <FormattedMessage
            id='baton.detail.watchers.count'
            values={{count: task.watcherIds.length}}
          />
        </Field>
      </dl>
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
        {deadlines.length === 0 ? (
          <p className='baton-detail__state'><FormattedMessage id='baton.tasks.bucket.none'/></p>
        ) : (
          <ul className='baton-detail__deadlines'>
            {deadlines.map((deadline) => (
              <DeadlineLine
                key={deadline.kind}
                deadline={deadline}
                clock={clock}
              />
            ))}
          </ul>
        )}
      </section>
      {task.description.trim() !== '' && (
        <Markdown
          className='baton-detail__description'
          text={task.description}
        />
      )}
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
