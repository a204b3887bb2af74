// The task form's edges: what it says while the task to edit loads (or
// cannot), and the bottom of the form (what failed, Cancel, the submit
// button: "Create task", "Save", or "Save again" after a conflict).
import React from 'react';
import {FormattedMessage} from 'react-intl';

import {FormActions, FormError, SubmitButton} from '../rhs/formParts';

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
      <FormActions
        cancel={{id: 'baton.task_form.cancel'}}
        onCancel={onClose}
      />
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
      <FormError
        message={conflict ? {id: 'baton.task_form.conflict', values: {message: conflict}} : null}
        alert={true}
      />
      <FormError
        message={failure ? {id: 'baton.task_form.failed', values: {message: failure}} : null}
        alert={true}
      />
      <FormActions
        cancel={{id: 'baton.task_form.cancel'}}
        onCancel={onClose}
      >
        <SubmitButton pending={saving}>{submitLabel(creating, conflict)}</SubmitButton>
      </FormActions>
    </>
  );
}
