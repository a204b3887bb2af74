// The fields of the start-a-workflow form, each labelled and tied to its
// error line: template, a person per role of the chosen template (the user
// picker), title, case id and link, the three deadlines, a note for the
// first holder and the run channel box.
import React from 'react';
import type {Ref} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import type {WorkflowTemplateBody} from '../api/contract';
import {UserPicker} from '../people/userPicker';
import {FormError, invalidProps} from '../rhs/formParts';
import type {FieldMessage} from '../rhs/formParts';
import {kindMessages} from '../tasks/taskRow';

import {deadlineKinds} from './runStartValues';
import type {FieldErrors, RoleValue, RunStartValues} from './runStartValues';

/** The input a field's error belongs to. */
export function inputIdOf(field: string): string {
  const [head, rest] = [field.split('.')[0], field.split('.').slice(1).join('.')];
  switch (head) {
  case 'roles':
    return `baton-wf-role-${rest}`;
  case 'deadlines':
    return `baton-wf-deadline-${rest}`;
  case 'caseRef':
    return rest === 'url' ? 'baton-wf-case-url' : 'baton-wf-case-id';
  default:
    return `baton-wf-${field}`;
  }
}

type Props = {
  values: RunStartValues;
  errors: FieldErrors;
  templates: readonly WorkflowTemplateBody[];
  template: WorkflowTemplateBody | undefined;
  channelId: string | null;
  firstField: Ref<HTMLSelectElement>;
  onChange: (change: Partial<RunStartValues>) => void;
  /** Separate from onChange: pickers may answer in the same tick, each must add to the latest roles. */
  onRoleChange: (role: string, value: RoleValue) => void;
};

type TextFieldProps = {
  field: string;
  message: {id: string};
  value: string;
  error: FieldMessage | undefined;
  onChange: (value: string) => void;
  type?: string;
  help?: {id: string};
};

function TextField({field, message, value, error, onChange, type = 'text', help}: TextFieldProps) {
  const inputId = inputIdOf(field);
  const helpId = help ? `${inputId}-help` : undefined;
  return (
    <div className='baton-form__field'>
      <label
        className='baton-form__label'
        htmlFor={inputId}
      ><FormattedMessage {...message}/></label>
      <input
        id={inputId}
        className='baton-form__input'
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...invalidProps(inputId, error, helpId)}
      />
      <FormError
        inputId={inputId}
        message={error}
      />
      {help && (
        <p
          className='baton-form__help'
          id={helpId}
        ><FormattedMessage {...help}/></p>
      )}
    </div>
  );
}

export function RunStartFields({values, errors, templates, template, channelId, firstField, onChange, onRoleChange}: Props) {
  const intl = useIntl();
  const text = (field: string, message: {id: string}, key: 'title' | 'caseId' | 'caseUrl', type?: string, help?: {id: string}) => (
    <TextField
      field={field}
      message={message}
      value={values[key]}
      error={errors[field]}
      type={type}
      help={help}
      onChange={(value) => onChange({[key]: value})}
    />
  );
  return (
    <>
      <div className='baton-form__field'>
        <label
          className='baton-form__label'
          htmlFor='baton-wf-template'
        ><FormattedMessage id='baton.workflow_start.template'/></label>
        <select
          id='baton-wf-template'
          ref={firstField}
          className='baton-form__select'
          value={values.templateId}
          onChange={(event) => onChange({templateId: event.target.value})}
          {...invalidProps('baton-wf-template', errors.template)}
        >
          <option value=''>{intl.formatMessage({id: 'baton.workflow_start.template.choose'})}</option>
          {templates.map((each) => (
            <option
              key={each.id}
              value={each.id}
            >
              {each.definition.name}
            </option>
          ))}
        </select>
        <FormError
          inputId='baton-wf-template'
          message={errors.template}
        />
        {template?.definition.description && <p className='baton-form__help'>{template.definition.description}</p>}
      </div>
      {template?.roles.map((role) => {
        const inputId = inputIdOf(`roles.${role}`);
        const error = errors[`roles.${role}`];
        return (
          <div
            key={role}
            className='baton-form__field'
          >
            <label
              className='baton-form__label'
              htmlFor={inputId}
            >
              <FormattedMessage
                id='baton.workflow_start.role'
                values={{role}}
              />
            </label>
            <UserPicker
              id={inputId}
              value={values.roles[role]?.userId ?? null}
              channelId={channelId}
              invalid={error !== undefined}
              describedBy={invalidProps(inputId, error)['aria-describedby']}
              onChange={(userId, unresolved) => onRoleChange(role, {userId, unresolved})}
            />
            <FormError
              inputId={inputId}
              message={error}
            />
          </div>
        );
      })}
      {text('title', {id: 'baton.workflow_start.title_field'}, 'title', 'text', {id: 'baton.workflow_start.title_help'})}
      {text('caseRef.id', {id: 'baton.workflow_start.case_id'}, 'caseId', 'text', {id: 'baton.workflow_start.case_id_help'})}
      {text('caseRef.url', {id: 'baton.workflow_start.case_url'}, 'caseUrl', 'url')}
      <fieldset className='baton-form__field baton-wf__deadlines'>
        <legend className='baton-form__label'><FormattedMessage id='baton.workflow_start.deadlines'/></legend>
        {deadlineKinds.map((kind) => (
          <TextField
            key={kind}
            field={`deadlines.${kind}`}
            message={kindMessages[kind] ?? {id: 'baton.tasks.deadline.legal'}}
            value={values.deadlines[kind]}
            error={errors[`deadlines.${kind}`]}
            type='date'
            onChange={(value) => onChange({deadlines: {...values.deadlines, [kind]: value}})}
          />
        ))}
      </fieldset>
      <div className='baton-form__field'>
        <label
          className='baton-form__label'
          htmlFor='baton-wf-comment'
        ><FormattedMessage id='baton.workflow_start.comment'/></label>
        <textarea
          id='baton-wf-comment'
          className='baton-form__textarea'
          value={values.comment}
          onChange={(event) => onChange({comment: event.target.value})}
          {...invalidProps('baton-wf-comment', errors.comment)}
        />
        <FormError
          inputId='baton-wf-comment'
          message={errors.comment}
        />
      </div>
      <div className='baton-form__field baton-wf__check'>
        <label htmlFor='baton-wf-run-channel'>
          <input
            id='baton-wf-run-channel'
            type='checkbox'
            checked={values.runChannel}
            aria-describedby='baton-wf-run-channel-help'
            onChange={(event) => onChange({runChannel: event.target.checked})}
          />
          {' '}
          <FormattedMessage id='baton.workflow_start.run_channel'/>
        </label>
        <p
          className='baton-form__help'
          id='baton-wf-run-channel-help'
        ><FormattedMessage id='baton.workflow_start.run_channel_help'/></p>
      </div>
    </>
  );
}
