// The task form's inputs: each labelled, with its error under it
// (aria-invalid + aria-describedby), registered by field so the form can
// focus the first invalid one. Holder and channel show only when creating:
// an existing task changes hands through "Hand off".
import React from 'react';
import type {ReactNode} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import {UserPicker} from '../people/userPicker';
import {errorIdOf, FormError} from '../rhs/formParts';
import {PriorityOptions} from '../tasks/priorityOptions';

import {FORM_DEADLINE_KINDS} from './taskFormValues';
import type {FieldErrors, FormField, TaskFormValues} from './taskFormValues';

export type FieldRefs = Partial<Record<FormField, HTMLElement | null>>;

export type TaskFormFieldsProps = {
  idPrefix: string;
  values: TaskFormValues;
  onChange: (change: Partial<TaskFormValues>) => void;
  onHolderChange: (userId: string | null, unresolved: string) => void;
  errors: FieldErrors;
  refs: FieldRefs;
  editing: boolean;
  /** The channel a new task may go to (the current one, or the post's), with its name. */
  channelChoice: {id: string; name: string | null} | null;
};

const deadlineMessages = {
  legal: {id: 'baton.task_form.deadline.legal'},
  customer: {id: 'baton.task_form.deadline.customer'},
  internal: {id: 'baton.task_form.deadline.internal'},
} as const;

function Field({id, label, error, help, children}: {id: string; label: ReactNode; error?: string; help?: ReactNode; children: ReactNode}) {
  return (
    <div className='baton-form__field'>
      <label
        className='baton-form__label'
        htmlFor={id}
      >
        {label}
      </label>
      {children}
      {help ? <span className='baton-form__help'>{help}</span> : null}
      <FormError
        inputId={id}
        message={error ? {text: error} : null}
      />
    </div>
  );
}

export function TaskFormFields({idPrefix, values, onChange, onHolderChange, errors, refs, editing, channelChoice}: TaskFormFieldsProps) {
  const intl = useIntl();
  const idOf = (field: string) => `${idPrefix}-${field.replace('.', '-')}`;
  // The attributes every input shares: id, error wiring and the ref the form focuses.
  const wire = (field: FormField) => ({
    id: idOf(field),
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? errorIdOf(idOf(field)) : undefined,
    ref: (element: HTMLElement | null) => {
      refs[field] = element;
    },
  });
  const text = (field: 'title' | 'startDate' | 'labels' | 'caseId' | 'caseUrl' | 'parent', type = 'text') => (
    <input
      {...wire(field)}
      className='baton-form__input'
      type={type}
      value={values[field]}
      onChange={(event) => onChange({[field]: event.target.value})}
    />
  );
  return (
    <>
      <Field
        id={idOf('title')}
        label={<FormattedMessage id='baton.task_form.title'/>}
        error={errors.title}
      >
        <input
          {...wire('title')}
          className='baton-form__input'
          type='text'
          required={true}
          aria-required={true}
          value={values.title}
          onChange={(event) => onChange({title: event.target.value})}
        />
      </Field>
      <Field
        id={idOf('description')}
        label={<FormattedMessage id='baton.task_form.description'/>}
        help={<FormattedMessage id='baton.task_form.description_help'/>}
        error={errors.description}
      >
        <textarea
          {...wire('description')}
          className='baton-form__textarea'
          value={values.description}
          onChange={(event) => onChange({description: event.target.value})}
        />
      </Field>
      {!editing && (
        <Field
          id={idOf('channelId')}
          label={<FormattedMessage id='baton.task_form.channel'/>}
          error={errors.channelId}
        >
          <select
            {...wire('channelId')}
            className='baton-form__select'
            value={values.channelId ?? ''}
            onChange={(event) => onChange({channelId: event.target.value === '' ? null : event.target.value})}
          >
            {channelChoice ? (
              <option value={channelChoice.id}>
                {channelChoice.name ?? intl.formatMessage({id: 'baton.task_form.this_channel'})}
              </option>
            ) : null}
            <option value=''>{intl.formatMessage({id: 'baton.task_form.personal'})}</option>
          </select>
        </Field>
      )}
      {!editing && (
        <Field
          id={idOf('holderId')}
          label={<FormattedMessage id='baton.task_form.holder'/>}
          error={errors.holderId}
        >
          <UserPicker
            id={idOf('holderId')}
            value={values.holderId}
            onChange={onHolderChange}
            channelId={values.channelId}
            invalid={Boolean(errors.holderId)}
            describedBy={errors.holderId ? errorIdOf(idOf('holderId')) : undefined}
            inputRef={(element) => {
              refs.holderId = element;
            }}
          />
        </Field>
      )}
      <Field
        id={idOf('priority')}
        label={<FormattedMessage id='baton.task_form.priority'/>}
        error={errors.priority}
      >
        <select
          {...wire('priority')}
          className='baton-form__select'
          value={values.priority}
          onChange={(event) => onChange({priority: event.target.value as TaskFormValues['priority']})}
        >
          <PriorityOptions/>
        </select>
      </Field>
      {FORM_DEADLINE_KINDS.map((kind) => (
        <Field
          key={kind}
          id={idOf(`deadline.${kind}`)}
          label={<FormattedMessage {...deadlineMessages[kind]}/>}
          error={errors[`deadline.${kind}`]}
        >
          <input
            {...wire(`deadline.${kind}`)}
            className='baton-form__input'
            type='date'
            value={values.deadlines[kind]}
            onChange={(event) => onChange({deadlines: {...values.deadlines, [kind]: event.target.value}})}
          />
        </Field>
      ))}
      <Field
        id={idOf('startDate')}
        label={<FormattedMessage id='baton.task_form.start_date'/>}
        error={errors.startDate}
      >
        {text('startDate', 'date')}
      </Field>
      <Field
        id={idOf('labels')}
        label={<FormattedMessage id='baton.task_form.labels'/>}
        help={<FormattedMessage id='baton.task_form.labels_help'/>}
        error={errors.labels}
      >
        {text('labels')}
      </Field>
      <Field
        id={idOf('caseId')}
        label={<FormattedMessage id='baton.task_form.case_id'/>}
        error={errors.caseId}
      >
        {text('caseId')}
      </Field>
      <Field
        id={idOf('caseUrl')}
        label={<FormattedMessage id='baton.task_form.case_url'/>}
        error={errors.caseUrl}
      >
        {text('caseUrl', 'url')}
      </Field>
      <Field
        id={idOf('parent')}
        label={<FormattedMessage id='baton.task_form.parent'/>}
        help={<FormattedMessage id='baton.task_form.parent_help'/>}
        error={errors.parent}
      >
        {text('parent')}
      </Field>
    </>
  );
}
