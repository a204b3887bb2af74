// The inputs InlineField edits with, in the panel forms' classes, each
// marked invalid and pointing at the field's error while there is one.
import React from 'react';
import {FormattedMessage} from 'react-intl';

import type {EditorProps} from './inlineField';

function common<Draft>({id, invalid, describedBy}: EditorProps<Draft>) {
  return {id, 'aria-invalid': invalid, 'aria-describedby': describedBy};
}

export function TextEditor(props: EditorProps<string> & {type?: 'text' | 'date'}) {
  return (
    <input
      {...common(props)}
      type={props.type ?? 'text'}
      autoComplete='off'
      className='baton-form__input'
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}

export function TextareaEditor(props: EditorProps<string>) {
  return (
    <textarea
      {...common(props)}
      className='baton-form__textarea'
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}

export function SelectEditor(props: EditorProps<string> & {options: ReadonlyArray<{value: string; label: string}>}) {
  return (
    <select
      {...common(props)}
      className='baton-form__select'
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
    >
      {props.options.map((option) => (
        <option
          key={option.value}
          value={option.value}
        >
          {option.label}
        </option>
      ))}
    </select>
  );
}

export type CaseDraft = {id: string; url: string};

/** The case id (labelled by the field's label) and its link. */
export function CaseEditor(props: EditorProps<CaseDraft>) {
  const {id, value, onChange} = props;
  return (
    <>
      <input
        {...common(props)}
        type='text'
        autoComplete='off'
        className='baton-form__input'
        value={value.id}
        onChange={(event) => onChange({...value, id: event.target.value})}
      />
      <label
        className='baton-form__label'
        htmlFor={`${id}-url`}
      >
        <FormattedMessage id='baton.detail.case.url'/>
      </label>
      <input
        {...common(props)}
        id={`${id}-url`}
        type='url'
        autoComplete='off'
        className='baton-form__input'
        value={value.url}
        onChange={(event) => onChange({...value, url: event.target.value})}
      />
    </>
  );
}
