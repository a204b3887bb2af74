// The pieces the panel's forms (task form, workflow start, settings) and the
// detail's inline editors share, so that errors, focus after a failed submit
// and the actions row behave alike everywhere: error lines tied to their
// fields, the form's own error, Cancel/Close with the main button, and the
// frame a form shows while what it needs loads. The `baton-form__*` rules
// are in ./styles.ts.
import React, {useCallback, useEffect, useState} from 'react';
import type {ReactNode, RefObject} from 'react';
import {FormattedMessage} from 'react-intl';

import {FailureNotice} from '../tasks/taskListView';

import type {Load} from './useLoad';

/** A catalog id (with its values), or text the bridge wrote. */
export type FieldMessage = {id: string; values?: Record<string, string>} | {text: string};

/** The id of the error line for the input with id `inputId`. */
export const errorIdOf = (inputId: string) => `${inputId}-error`;

/** Spread onto an input: marks it invalid and points it at its error line (and any help line). */
export function invalidProps(inputId: string, message: FieldMessage | undefined, helpId?: string) {
  const describedBy = [message ? errorIdOf(inputId) : null, helpId ?? null].filter(Boolean).join(' ');
  return {'aria-invalid': message !== undefined, ...(describedBy ? {'aria-describedby': describedBy} : {})};
}

/**
 * An error line. With `inputId` it belongs to that input (the id its
 * aria-describedby names); with `alert` it is announced as it appears,
 * for a request that failed rather than a field checked on submit.
 */
export function FormError({inputId, message, alert = false}: {inputId?: string; message: FieldMessage | null | undefined; alert?: boolean}) {
  if (!message) {
    return null;
  }
  return (
    <p
      className='baton-form__error'
      id={inputId ? errorIdOf(inputId) : undefined}
      role={alert ? 'alert' : undefined}
    >
      {'text' in message ? message.text : (
        <FormattedMessage
          id={message.id}
          values={message.values}
        />
      )}
    </p>
  );
}

/** The form's own error (no field to show it at): focusable, as the place a failed submit moves focus to. */
export function FormAlert({id, message}: {id: string; message: FieldMessage | undefined}) {
  if (!message) {
    return null;
  }
  return (
    <div
      role='alert'
      id={id}
      tabIndex={-1}
    >
      <FormError
        inputId={id}
        message={message}
      />
    </div>
  );
}

/**
 * Call the returned function after each failed submit: once the errors are
 * shown, focus moves to the first invalid field in reading order, else to
 * the form's own error (`#fallbackId`).
 */
export function useFocusFirstInvalid(form: RefObject<HTMLElement>, fallbackId: string): () => void {
  const [failedSubmits, setFailedSubmits] = useState(0);
  useEffect(() => {
    if (failedSubmits > 0) {
      (form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.current?.querySelector<HTMLElement>(`#${fallbackId}`))?.focus();
    }
  }, [failedSubmits, form, fallbackId]);
  return useCallback(() => setFailedSubmits((count) => count + 1), []);
}

/**
 * The form's main button: submits the form, or with `onClick` acts on its
 * own. Disabled while `pending`; with `markBusy` also aria-busy then.
 */
export function SubmitButton({pending, markBusy = false, onClick, children}: {pending: boolean; markBusy?: boolean; onClick?: () => void; children: ReactNode}) {
  return (
    <button
      type={onClick ? 'button' : 'submit'}
      className='baton-form__submit'
      disabled={pending}
      aria-busy={markBusy ? pending : undefined}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** The actions row: Cancel (or Close) first, then the main button when the form has one. */
export function FormActions({cancel, onCancel, children}: {cancel: {id: string}; onCancel: () => void; children?: ReactNode}) {
  return (
    <div className='baton-form__actions'>
      <button
        type='button'
        className='baton-form__cancel'
        onClick={onCancel}
      ><FormattedMessage {...cancel}/></button>
      {children}
    </div>
  );
}

/**
 * A form while what it needs has not loaded: its heading, "Loading…" or the
 * failure with Retry (or `children`, e.g. "nothing to choose from"), and Close.
 */
export function FormLoading({load, messages, onRetry, onClose, children}: {
  load: Load<unknown>;
  messages: {heading: {id: string}; loading: {id: string}; failed: {id: string}; close: {id: string}};
  onRetry: () => void;
  onClose: () => void;
  children?: ReactNode;
}) {
  return (
    <div className='baton-form'>
      <h3 className='baton-form__title'><FormattedMessage {...messages.heading}/></h3>
      {load.status === 'loading' && (
        <p
          className='baton-form__help'
          role='status'
        ><FormattedMessage {...messages.loading}/></p>
      )}
      {load.status === 'error' && (
        <FailureNotice
          failure={load.failure}
          message={messages.failed}
          onRetry={onRetry}
        />
      )}
      {children}
      <FormActions
        cancel={messages.close}
        onCancel={onClose}
      />
    </div>
  );
}
