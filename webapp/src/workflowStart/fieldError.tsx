// A field's error line and the attributes that tie the field to it
// (aria-invalid, aria-describedby), shared by the panel forms in this
// folder and settings/. A message is a catalog id, or text the bridge wrote.
import React from 'react';
import {FormattedMessage} from 'react-intl';

export type FieldMessage = {id: string; values?: Record<string, string>} | {text: string};

/** The id of the error line for the input with id `inputId`. */
export const errorIdOf = (inputId: string) => `${inputId}-error`;

/** Spread onto an input: marks it invalid and points it at its error line (and any help line). */
export function invalidProps(inputId: string, message: FieldMessage | undefined, helpId?: string) {
  const describedBy = [message ? errorIdOf(inputId) : null, helpId ?? null].filter(Boolean).join(' ');
  return {'aria-invalid': message !== undefined, ...(describedBy ? {'aria-describedby': describedBy} : {})};
}

export function FieldError({inputId, message}: {inputId: string; message: FieldMessage | undefined}) {
  if (!message) {
    return null;
  }
  return (
    <p
      className='baton-form__error'
      id={errorIdOf(inputId)}
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

/** After a failed submit: the first field marked invalid, in reading order; else the form's own error (`fallback`). */
export function focusFirstInvalid(form: HTMLElement | null, fallback: string): void {
  (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>(fallback))?.focus();
}
