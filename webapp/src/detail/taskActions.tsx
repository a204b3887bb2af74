// What the reader can do with the task, by what obviously applies (the bridge
// decides the rest): Accept and Decline… when they hold it and have not
// accepted, Done and Hand off… while it is open, a comment always. While an
// action runs its controls are disabled; a failure shows the bridge's message
// beside the form, which keeps what was typed, so Retry is one click.
import React, {useState} from 'react';
import {FormattedMessage} from 'react-intl';

import {BridgeError} from '../api/bridgeErrors';
import type {Task} from '../api/contract';
import {useBatonServices} from '../plugin/servicesContext';

import {ActionFailure, ActionLabel} from './actionFields';
import {CommentForm, DeclineForm, doneStatusId, HandoffForm, NextHolderForm} from './actionForms';
import type {ActionFormProps} from './actionForms';
import type {DetailLoaderDeps} from './detailLoader';
import {useTaskAction} from './useTaskAction';

export {doneStatusId} from './actionForms';
export type {ActionName} from './useTaskAction';

type Profiles = Readonly<Record<string, unknown>> | null;
type Form = 'decline' | 'handoff' | 'nextHolder' | null;

const nextHolderErrorId = 'baton.invalid.next_holder';

export type TaskActionsProps = {
  task: Task;
  me: string | null;
  profiles: Profiles;
  deps: DetailLoaderDeps;
};

export function TaskActions({task, me, profiles, deps}: TaskActionsProps) {
  const {api} = useBatonServices();
  const runner = useTaskAction(task.id, deps);
  const [form, setForm] = useState<Form>(null);

  const open = task.status.category === 'open';
  const holding = me !== null && task.holderId === me;
  const unaccepted = holding && task.acceptedAt === null && open;
  const {busy} = runner;

  const toggle = (next: Form) => {
    runner.clearFailure();
    setForm(form === next ? null : next);
  };
  const close = () => toggle(null);
  const formProps: ActionFormProps = {task, runner, api, profiles, onClose: close};

  // Done without a next holder; a workflow step that needs one says so, and the prompt opens.
  const done = () => void runner.run('done', () => api.transition(task.id, task.version, {statusId: doneStatusId}), {
    onFailure: (error) => {
      const asks = error instanceof BridgeError && error.id === nextHolderErrorId;
      if (asks) {
        setForm('nextHolder');
      }
      return asks;
    },
  });

  const button = (name: 'decline' | 'handoff', label: {id: string}) => (
    <button
      type='button'
      className='baton-detail__button'
      aria-expanded={form === name}
      disabled={busy}
      onClick={() => toggle(name)}
    >
      <FormattedMessage {...label}/>
    </button>
  );

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
            onClick={() => void runner.run('accept', () => api.accept(task.id, task.version))}
          >
            <ActionLabel
              runner={runner}
              action='accept'
              label={{id: 'baton.detail.action.accept'}}
            />
          </button>
        )}
        {open && form !== 'nextHolder' && (
          <button
            type='button'
            className='baton-detail__button'
            disabled={busy}
            onClick={done}
          >
            <ActionLabel
              runner={runner}
              action='done'
              label={{id: 'baton.detail.action.done'}}
            />
          </button>
        )}
        {unaccepted && task.handedById !== null && button('decline', {id: 'baton.detail.action.decline'})}
        {open && button('handoff', {id: 'baton.detail.action.handoff'})}
      </div>
      <ActionFailure failure={runner.failureOf('accept')}/>
      {form !== 'nextHolder' && <ActionFailure failure={runner.failureOf('done')}/>}
      {form === 'nextHolder' && <NextHolderForm {...formProps}/>}
      {form === 'decline' && <DeclineForm {...formProps}/>}
      {form === 'handoff' && <HandoffForm {...formProps}/>}
      <CommentForm
        task={task}
        runner={runner}
        api={api}
      />
    </section>
  );
}
