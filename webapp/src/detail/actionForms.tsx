// The forms an action opens: Done's next-holder prompt, Decline… (a reason),
// Hand off… (who, and a note) and the comment box. Each keeps what was typed
// until its action succeeds, so a failure costs nothing but a click on Retry.
// People are chosen with the user picker (Mattermost's user search); text it
// has not resolved yet is matched against the profiles the host has loaded.
import React, {useState} from 'react';
import type {FormEvent} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import type {BridgeApi} from '../api/bridgeApi';
import type {Task} from '../api/contract';
import type {RequestFailure} from '../tasks/tasksSlice';

import {ActionFailure, ActionLabel, PersonField, TextField} from './actionFields';
import type {PersonChoice} from './actionFields';
import type {TaskActionRunner} from './useTaskAction';
import {resolveUser} from './users';

type Profiles = Readonly<Record<string, unknown>> | null;

export const doneStatusId = 'done';

export type ActionFormProps = {
  task: Task;
  runner: TaskActionRunner;
  api: Pick<BridgeApi, 'transition' | 'decline' | 'handOff' | 'addComment'>;
  profiles: Profiles;
  /** Closes the form (after success, or Cancel). */
  onClose: () => void;
};

function SubmitButton({runner, action, label, disabled, primary = true}: {
  runner: TaskActionRunner;
  action: Parameters<TaskActionRunner['run']>[0];
  label: {id: string};
  disabled: boolean;
  primary?: boolean;
}) {
  return (
    <button
      type='submit'
      className={`baton-detail__button${primary ? ' baton-detail__button--primary' : ''}`}
      disabled={runner.busy || disabled}
    >
      <ActionLabel
        runner={runner}
        action={action}
        label={label}
      />
    </button>
  );
}

const nobody: PersonChoice = {userId: null, text: ''};

const unknownPerson = (message: string): RequestFailure => ({text: {text: message}, message, id: null, requestId: null});

/** The chosen person's user id, or the failure saying nobody by that name is known. */
function usePersonResolver(profiles: Profiles) {
  const intl = useIntl();
  return (choice: PersonChoice): {id: string; failure: null} | {id: null; failure: RequestFailure} => {
    const id = choice.userId ?? resolveUser(profiles, choice.text);
    return id ? {id, failure: null} : {id: null, failure: unknownPerson(intl.formatMessage({id: 'baton.detail.user.unknown'}, {name: choice.text}))};
  };
}

export function NextHolderForm({task, runner, api, profiles, onClose}: ActionFormProps) {
  const [nextHolder, setNextHolder] = useState(nobody);
  const resolve = usePersonResolver(profiles);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const person = resolve(nextHolder);
    if (person.failure) {
      runner.fail('done', person.failure);
      return;
    }
    const nextHolderId = person.id;
    void runner.run('done', () => api.transition(task.id, task.version, {statusId: doneStatusId, nextHolderId}), {onSuccess: onClose});
  };
  return (
    <form
      className='baton-detail__form'
      onSubmit={submit}
    >
      <p><FormattedMessage id='baton.detail.next_holder.prompt'/></p>
      <PersonField
        id='baton-detail-next-holder'
        label={{id: 'baton.detail.next_holder'}}
        value={nextHolder}
        onChange={setNextHolder}
        channelId={task.channelId}
      />
      <ActionFailure failure={runner.failureOf('done')}/>
      <SubmitButton
        runner={runner}
        action='done'
        label={{id: 'baton.detail.action.done'}}
        disabled={nextHolder.userId === null && nextHolder.text === ''}
      />
      <button
        type='button'
        className='baton-detail__button'
        disabled={runner.busy}
        onClick={onClose}
      >
        <FormattedMessage id='baton.detail.cancel'/>
      </button>
    </form>
  );
}

export function DeclineForm({task, runner, api, onClose}: ActionFormProps) {
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void runner.run('decline', () => api.decline(task.id, task.version, reason.trim()), {onSuccess: onClose});
  };
  return (
    <form
      className='baton-detail__form'
      onSubmit={submit}
    >
      <TextField
        id='baton-detail-decline-reason'
        label={{id: 'baton.detail.decline.reason'}}
        value={reason}
        onChange={setReason}
        disabled={runner.busy}
        multiline={true}
        required={true}
      />
      <ActionFailure failure={runner.failureOf('decline')}/>
      <SubmitButton
        runner={runner}
        action='decline'
        label={{id: 'baton.detail.decline.submit'}}
        disabled={reason.trim() === ''}
      />
    </form>
  );
}

export function HandoffForm({task, runner, api, profiles, onClose}: ActionFormProps) {
  const [handoffTo, setHandoffTo] = useState(nobody);
  const [note, setNote] = useState('');
  const resolve = usePersonResolver(profiles);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const person = resolve(handoffTo);
    if (person.failure) {
      runner.fail('handoff', person.failure);
      return;
    }
    const toUserId = person.id;
    const comment = note.trim();
    void runner.run('handoff', () => api.handOff(task.id, task.version, {toUserId, ...(comment ? {comment} : {})}), {onSuccess: onClose});
  };
  return (
    <form
      className='baton-detail__form'
      onSubmit={submit}
    >
      <PersonField
        id='baton-detail-handoff-to'
        label={{id: 'baton.detail.handoff.to'}}
        value={handoffTo}
        onChange={setHandoffTo}
        channelId={task.channelId}
      />
      <TextField
        id='baton-detail-handoff-note'
        label={{id: 'baton.detail.handoff.note'}}
        value={note}
        onChange={setNote}
        disabled={runner.busy}
        multiline={true}
      />
      <ActionFailure failure={runner.failureOf('handoff')}/>
      <SubmitButton
        runner={runner}
        action='handoff'
        label={{id: 'baton.detail.handoff.submit'}}
        disabled={handoffTo.userId === null && handoffTo.text === ''}
      />
    </form>
  );
}

export function CommentForm({task, runner, api}: Omit<ActionFormProps, 'onClose' | 'profiles'>) {
  const [comment, setComment] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void runner.run('comment', () => api.addComment(task.id, comment), {onSuccess: () => setComment('')});
  };
  return (
    <form
      className='baton-detail__form baton-detail__comment-form'
      onSubmit={submit}
    >
      <TextField
        id='baton-detail-comment'
        label={{id: 'baton.detail.comment.label'}}
        value={comment}
        onChange={setComment}
        disabled={runner.busy}
        multiline={true}
      />
      <ActionFailure failure={runner.failureOf('comment')}/>
      <SubmitButton
        runner={runner}
        action='comment'
        label={{id: 'baton.detail.comment.submit'}}
        disabled={comment.trim() === ''}
        primary={false}
      />
    </form>
  );
}
