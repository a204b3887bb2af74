// The small pieces the action forms share: a labelled text field, a person
// field (the user picker), the failure line under a form (the watchers' Watch
// button uses it too) and a button label that says when it is working.
import React from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import {formatErrorText} from '../api/errorText';

import {UserPicker} from '../people/userPicker';
import type {RequestFailure} from '../tasks/tasksSlice';

import type {ActionName, TaskActionRunner} from './useTaskAction';

/** A failed request under what asked for it; `message` (filled with the bridge's text) says which. */
export function ActionFailure({failure, message = {id: 'baton.detail.action.error'}}: {failure: RequestFailure | null; message?: {id: string}}) {
  const intl = useIntl();
  if (!failure) {
    return null;
  }
  return (
    <p
      className='baton-detail__error'
      role='alert'
    >
      <FormattedMessage
        {...message}
        values={{message: formatErrorText(intl, failure.text)}}
      />
    </p>
  );
}

export function TextField({id, label, value, onChange, disabled, multiline = false, required = false}: {
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

/** Who was picked; while nobody is, the text typed (trimmed), to resolve or name in an error. */
export type PersonChoice = {userId: string | null; text: string};

export function PersonField({id, label, value, onChange, channelId}: {
  id: string;
  label: {id: string};
  value: PersonChoice;
  onChange: (value: PersonChoice) => void;
  channelId: string | null;
}) {
  return (
    <div className='baton-detail__field'>
      <label htmlFor={id}><FormattedMessage {...label}/></label>
      <UserPicker
        id={id}
        value={value.userId}
        onChange={(userId, text) => onChange({userId, text})}
        channelId={channelId}
      />
    </div>
  );
}

/** The button's own label, or "Working…" while its action runs. */
export function ActionLabel({runner, action, label}: {runner: TaskActionRunner; action: ActionName; label: {id: string}}) {
  return runner.pending === action ? <FormattedMessage id='baton.detail.action.pending'/> : <FormattedMessage {...label}/>;
}
