// The task form's edges: what it says while the task to edit loads (or
// cannot), and the bottom of the form (what failed, Cancel, the submit
// button: "Create task", "Save", or "Save again" after a conflict).
import React from 'react';
import {FormattedMessage} from 'react-intl';

function CancelButton({onClose}: {onClose: () => void}) {
  return (
    <button
      type='button'
      className='baton-form__cancel'
      onClick={onClose}
    >
      <FormattedMessage id='baton.task_form.cancel'/>
    </button>
  );
}

export function TaskFormLoading({failure, onClose}: {failure: string | null; onClose: () => void}) {
  return (
    <div
      className='baton-form'
      role={failure ? 'alert' : 'status'}
    >
      {failure ? (
        <FormattedMessage
          id='baton.task_form.load_failed'
          values={{message: failure}}
        />
      ) : <FormattedMessage id='baton.task_form.loading'/>}
      <div className='baton-form__actions'>
        <CancelButton onClose={onClose}/>
      </div>
    </div>
  );
}

export type TaskFormFooterProps = {
  creating: boolean;
  /** The bridge's 409 message; the submit button then reads "Save again". */
  conflict: string | null;
  failure: string | null;
  saving: boolean;
  onClose: () => void;
};

function submitLabel(creating: boolean, conflict: string | null) {
  if (creating) {
    return <FormattedMessage id='baton.task_form.create'/>;
  }
  return conflict ? <FormattedMessage id='baton.task_form.save_again'/> : <FormattedMessage id='baton.task_form.save'/>;
}

export function TaskFormFooter({creating, conflict, failure, saving, onClose}: TaskFormFooterProps) {
  return (
    <>
      {conflict ? (
        <p
          className='baton-form__error'
          role='alert'
        >
          <FormattedMessage
            id='baton.task_form.conflict'
            values={{message: conflict}}
          />
        </p>
      ) : null}
      {failure ? (
        <p
          className='baton-form__error'
          role='alert'
        >
          <FormattedMessage
            id='baton.task_form.failed'
            values={{message: failure}}
          />
        </p>
      ) : null}
      <div className='baton-form__actions'>
        <CancelButton onClose={onClose}/>
        <button
          type='submit'
          className='baton-form__submit'
          disabled={saving}
        >
          {submitLabel(creating, conflict)}
        </button>
      </div>
    </>
  );
}
