// What the reader can do with the task, by what obviously applies (the bridge
// decides the rest): Accept and Decline… when they hold it and have not
// accepted, Done and Hand off… while it is open, a comment always. While an
// action runs its controls are disabled; a failure shows the bridge's message
// beside the form, which keeps what was typed, so Retry is one click.
import React, {useState} from 'react';
import type {FormEvent} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import {BridgeError} from '../api/bridgeErrors';
import {taskSchema} from '../api/contract';
import type {Task} from '../api/contract';
import {useBatonServices} from '../plugin/servicesContext';
import {describeFailure} from '../tasks/taskLists';
import {taskChanged} from '../tasks/tasksSlice';
import type {RequestFailure} from '../tasks/tasksSlice';

import {refreshDetail} from './detailLoader';
import type {DetailLoaderDeps} from './detailLoader';
import {resolveUser} from './users';

type Profiles = Readonly<Record<string, unknown>> | null;

export type ActionName = 'accept' | 'done' | 'decline' | 'handoff' | 'comment';
type Form = 'decline' | 'handoff' | 'nextHolder' | null;

export const doneStatusId = 'done';
const nextHolderErrorId = 'baton.invalid.next_holder';

export type TaskActionsProps = {
  task: Task;
  me: string | null;
  profiles: Profiles;
  deps: DetailLoaderDeps;
};

function ActionFailure({failure}: {failure: RequestFailure}) {
  return (
    <p
      className='baton-detail__error'
      role='alert'
    >
      <FormattedMessage
        id='baton.detail.action.error'
        values={{message: failure.message}}
      />
    </p>
  );
}

function TextField({id, label, value, onChange, disabled, multiline = false, required = false}: {
  id: string;
  label: {id: string};
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  multiline?: boolean;
  required?: boolean;
}) {
  const props = {
    id,
    className: 'baton-detail__input',
    value,
    disabled,
    required,
    onChange: (event: {target: {value: string}}) => onChange(event.target.value),
  };
  return (
    <div className='baton-detail__field'>
      <label htmlFor={id}><FormattedMessage {...label}/></label>
      {multiline ? <textarea {...props}/> : (
        <input
          type='text'
          autoComplete='off'
          {...props}
        />
      )}
    </div>
  );
}

export function TaskActions({task, me, profiles, deps}: TaskActionsProps) {
  const {api} = useBatonServices();
  const intl = useIntl();
  const [pending, setPending] = useState<ActionName | null>(null);
  const [failure, setFailure] = useState<{action: ActionName; failure: RequestFailure} | null>(null);
  const [form, setForm] = useState<Form>(null);
  const [reason, setReason] = useState('');
  const [handoffTo, setHandoffTo] = useState('');
  const [handoffNote, setHandoffNote] = useState('');
  const [nextHolder, setNextHolder] = useState('');
  const [comment, setComment] = useState('');

  const open = task.status.category === 'open';
  const holding = me !== null && task.holderId === me;
  const unaccepted = holding && task.acceptedAt === null && open;
  const busy = pending !== null;

  /** Runs one action; on success clears its input and refreshes the task, on failure keeps everything. */
  const run = async (action: ActionName, call: () => Promise<Task | unknown>, done: () => void) => {
    setPending(action);
    setFailure(null);
    try {
      const result = await call();
      if (typeof result === 'object' && result !== null && 'version' in result) {
        deps.store.dispatch(taskChanged(result as Task));
      }
      done();
      setPending(null);
      await refreshDetail(task.id, deps);
    } catch (error) {
      setPending(null);
      if (action === 'done' && error instanceof BridgeError && error.id === nextHolderErrorId && form !== 'nextHolder') {
        setForm('nextHolder');
        return;
      }
      // A 409 carries the task as it is now: show it, so Retry applies to that version.
      const current = error instanceof BridgeError && error.status === 409 ? taskSchema.safeParse(error.details.current) : null;
      if (current?.success) {
        deps.store.dispatch(taskChanged(current.data));
      }
      setFailure({action, failure: describeFailure(error)});
    }
  };

  const unknownUser = (action: ActionName, text: string) => setFailure({
    action,
    failure: {message: intl.formatMessage({id: 'baton.detail.user.unknown'}, {name: text.trim()}), id: null, requestId: null},
  });

  const submitDone = (event?: FormEvent) => {
    event?.preventDefault();
    let nextHolderId: string | undefined;
    if (form === 'nextHolder') {
      const resolved = resolveUser(profiles, nextHolder);
      if (!resolved) {
        unknownUser('done', nextHolder);
        return;
      }
      nextHolderId = resolved;
    }
    void run('done', () => api.transition(task.id, task.version, {statusId: doneStatusId, ...(nextHolderId ? {nextHolderId} : {})}), () => {
      setForm(null);
      setNextHolder('');
    });
  };

  const submitDecline = (event: FormEvent) => {
    event.preventDefault();
    void run('decline', () => api.decline(task.id, task.version, reason.trim()), () => {
      setForm(null);
      setReason('');
    });
  };

  const submitHandoff = (event: FormEvent) => {
    event.preventDefault();
    const toUserId = resolveUser(profiles, handoffTo);
    if (!toUserId) {
      unknownUser('handoff', handoffTo);
      return;
    }
    const note = handoffNote.trim();
    void run('handoff', () => api.handOff(task.id, task.version, {toUserId, ...(note ? {comment: note} : {})}), () => {
      setForm(null);
      setHandoffTo('');
      setHandoffNote('');
    });
  };

  const submitComment = (event: FormEvent) => {
    event.preventDefault();
    void run('comment', () => api.addComment(task.id, comment), () => setComment(''));
  };

  const failureOf = (action: ActionName) => (failure?.action === action ? <ActionFailure failure={failure.failure}/> : null);
  const toggle = (next: Form) => {
    setFailure(null);
    setForm(form === next ? null : next);
  };
  const buttonLabel = (action: ActionName, label: {id: string}) => (pending === action ? <FormattedMessage id='baton.detail.action.pending'/> : <FormattedMessage {...label}/>);

  return (
    <section
      className='baton-detail__section baton-detail__actions'
      aria-labelledby='baton-detail-actions'
      aria-busy={busy}
    >
      <h4
        className='baton-detail__section-title'
        id='baton-detail-actions'
      >
        <FormattedMessage id='baton.detail.actions'/>
      </h4>
      <div
        className='baton-detail__buttons'
        role='group'
        aria-labelledby='baton-detail-actions'
      >
        {unaccepted && (
          <button
            type='button'
            className='baton-detail__button baton-detail__button--primary'
            disabled={busy}
            onClick={() => void run('accept', () => api.accept(task.id, task.version), () => undefined)}
          >
            {buttonLabel('accept', {id: 'baton.detail.action.accept'})}
          </button>
        )}
        {open && form !== 'nextHolder' && (
          <button
            type='button'
            className='baton-detail__button'
            disabled={busy}
            onClick={() => submitDone()}
          >
            {buttonLabel('done', {id: 'baton.detail.action.done'})}
          </button>
        )}
        {unaccepted && task.handedById !== null && (
          <button
            type='button'
            className='baton-detail__button'
            aria-expanded={form === 'decline'}
            disabled={busy}
            onClick={() => toggle('decline')}
          >
            <FormattedMessage id='baton.detail.action.decline'/>
          </button>
        )}
        {open && (
          <button
            type='button'
            className='baton-detail__button'
            aria-expanded={form === 'handoff'}
            disabled={busy}
            onClick={() => toggle('handoff')}
          >
            <FormattedMessage id='baton.detail.action.handoff'/>
          </button>
        )}
      </div>
      {(failure?.action === 'accept' || (failure?.action === 'done' && form !== 'nextHolder')) && <ActionFailure failure={failure.failure}/>}
      {form === 'nextHolder' && (
        <form
          className='baton-detail__form'
          onSubmit={submitDone}
        >
          <p><FormattedMessage id='baton.detail.next_holder.prompt'/></p>
          <TextField
            id='baton-detail-next-holder'
            label={{id: 'baton.detail.next_holder'}}
            value={nextHolder}
            onChange={setNextHolder}
            disabled={busy}
            required={true}
          />
          {failureOf('done')}
          <button
            type='submit'
            className='baton-detail__button baton-detail__button--primary'
            disabled={busy || nextHolder.trim() === ''}
          >
            {buttonLabel('done', {id: 'baton.detail.action.done'})}
          </button>
          <button
            type='button'
            className='baton-detail__button'
            disabled={busy}
            onClick={() => toggle(null)}
          >
            <FormattedMessage id='baton.detail.cancel'/>
          </button>
        </form>
      )}
      {form === 'decline' && (
        <form
          className='baton-detail__form'
          onSubmit={submitDecline}
        >
          <TextField
            id='baton-detail-decline-reason'
            label={{id: 'baton.detail.decline.reason'}}
            value={reason}
            onChange={setReason}
            disabled={busy}
            multiline={true}
            required={true}
          />
          {failureOf('decline')}
          <button
            type='submit'
            className='baton-detail__button baton-detail__button--primary'
            disabled={busy || reason.trim() === ''}
          >
            {buttonLabel('decline', {id: 'baton.detail.decline.submit'})}
          </button>
        </form>
      )}
      {form === 'handoff' && (
        <form
          className='baton-detail__form'
          onSubmit={submitHandoff}
        >
          <TextField
            id='baton-detail-handoff-to'
            label={{id: 'baton.detail.handoff.to'}}
            value={handoffTo}
            onChange={setHandoffTo}
            disabled={busy}
            required={true}
          />
          <TextField
            id='baton-detail-handoff-note'
            label={{id: 'baton.detail.handoff.note'}}
            value={handoffNote}
            onChange={setHandoffNote}
            disabled={busy}
            multiline={true}
          />
          {failureOf('handoff')}
          <button
            type='submit'
            className='baton-detail__button baton-detail__button--primary'
            disabled={busy || handoffTo.trim() === ''}
          >
            {buttonLabel('handoff', {id: 'baton.detail.handoff.submit'})}
          </button>
        </form>
      )}
      <form
        className='baton-detail__form baton-detail__comment-form'
        onSubmit={submitComment}
      >
        <TextField
          id='baton-detail-comment'
          label={{id: 'baton.detail.comment.label'}}
          value={comment}
          onChange={setComment}
          disabled={busy}
          multiline={true}
        />
        {failureOf('comment')}
        <button
          type='submit'
          className='baton-detail__button'
          disabled={busy || comment.trim() === ''}
        >
          {buttonLabel('comment', {id: 'baton.detail.comment.submit'})}
        </button>
      </form>
    </section>
  );
}
