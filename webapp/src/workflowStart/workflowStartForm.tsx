// "Start workflow" in the panel: the browser's form for what `/task workflow
// start` does (server-bridge/src/notices/workflowStartDialog.ts is the
// dialog version). The templates load first (loading / none yet / failed
// with Retry); then the person picks one, names a person for each of its
// roles and adds the case, deadlines and a note. The run starts in the
// current channel. Wrong input is shown at its field (checked with the
// contract's schema, and a bridge 400 at the field it names); a failed start
// keeps every input. Once started, RunStarted says who has the baton.
import React, {useEffect, useRef, useState} from 'react';
import type {FormEvent} from 'react';
import {FormattedMessage} from 'react-intl';

import type {WorkflowRunRequest} from '../api/bridgeApi';
import {BridgeError} from '../api/bridgeErrors';
import type {WorkflowRunBody, WorkflowTemplateBody} from '../api/contract';
import {getCurrentChannelId} from '../mattermost/hostState';
import {useBatonServices} from '../plugin/servicesContext';
import {useBatonSelector} from '../state/hooks';
import {describeFailure} from '../tasks/taskLists';
import {FailureNotice} from '../tasks/taskListView';

import {channelDisplayName} from './channelName';
import {FieldError, focusFirstInvalid} from './fieldError';
import {RunStarted} from './runStarted';
import {RunStartFields} from './runStartFields';
import {checkRunStart, emptyRunStartValues, fieldOfIssue} from './runStartValues';
import type {FieldErrors, RunStartValues} from './runStartValues';
import {useTemplates} from './useTemplates';

const headingId = 'baton-wf-heading';

/** A refused start as field errors: each issue the bridge names at its field, else one line for the form. */
function refusalErrors(error: unknown, request: WorkflowRunRequest): FieldErrors {
  if (error instanceof BridgeError && error.status === 404) {
    return {template: {text: error.message}};
  }
  if (error instanceof BridgeError) {
    const issues = Array.isArray(error.details.issues) ? error.details.issues as {field?: unknown; message?: unknown}[] : [];
    const named = issues.length > 0 ? issues.map((issue) => ({field: String(issue.field ?? ''), message: String(issue.message ?? error.message)})) : error.field ? [{field: error.field, message: error.message}] : [];
    const errors: FieldErrors = {};
    for (const {field, message} of named) {
      errors[fieldOfIssue(field, request)] ??= {text: message};
    }
    if (Object.keys(errors).length > 0) {
      return errors;
    }
  }
  return {form: {id: 'baton.workflow_start.failed', values: {message: describeFailure(error).message}}};
}

function StartForm({templates, onClose}: {templates: WorkflowTemplateBody[]; onClose: () => void}) {
  const {api} = useBatonServices();
  const channelId = useBatonSelector(getCurrentChannelId);
  const channelName = useBatonSelector((state) => channelDisplayName(state, channelId));
  const [values, setValues] = useState<RunStartValues>(() => ({...emptyRunStartValues, templateId: templates.length === 1 ? templates[0]?.id ?? '' : ''}));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const [started, setStarted] = useState<WorkflowRunBody | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const firstField = useRef<HTMLSelectElement>(null);
  const template = templates.find((each) => each.id === values.templateId);

  useEffect(() => firstField.current?.focus(), []);
  useEffect(() => {
    if (failedSubmits > 0) {
      focusFirstInvalid(form.current, '#baton-wf-form');
    }
  }, [failedSubmits]);

  if (started) {
    return (
      <RunStarted
        run={started}
        onClose={onClose}
      />
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) {
      return;
    }
    const checked = checkRunStart(values, template, channelId);
    if (!checked.ok || !template) {
      setErrors(checked.ok ? {} : checked.errors);
      setFailedSubmits((count) => count + 1);
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      setStarted(await api.startWorkflowRun(template.id, checked.request));
    } catch (error) {
      // Every input stays as typed; the refusal is shown where it belongs.
      setErrors(refusalErrors(error, checked.request));
      setFailedSubmits((count) => count + 1);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form
      ref={form}
      className='baton-form'
      aria-labelledby={headingId}
      noValidate={true}
      onSubmit={(event) => void submit(event)}
    >
      <h3
        className='baton-form__title'
        id={headingId}
      ><FormattedMessage id='baton.workflow_start.heading'/></h3>
      <p className='baton-form__help'>
        <FormattedMessage
          id='baton.workflow_start.channel'
          values={{channel: channelName}}
        />
      </p>
      {errors.form && (
        <div
          role='alert'
          id='baton-wf-form'
          tabIndex={-1}
        >
          <FieldError
            inputId='baton-wf-form'
            message={errors.form}
          />
        </div>
      )}
      <RunStartFields
        values={values}
        errors={errors}
        templates={templates}
        template={template}
        channelId={channelId}
        firstField={firstField}
        onChange={(change) => setValues((current) => ({...current, ...change}))}
        onRoleChange={(role, value) => setValues((current) => ({...current, roles: {...current.roles, [role]: value}}))}
      />
      <div className='baton-form__actions'>
        <button
          type='button'
          className='baton-form__cancel'
          onClick={onClose}
        ><FormattedMessage id='baton.workflow_start.cancel'/></button>
        <button
          type='submit'
          className='baton-form__submit'
          disabled={submitting}
          aria-busy={submitting}
        ><FormattedMessage id='baton.workflow_start.submit'/></button>
      </div>
    </form>
  );
}

export function WorkflowStartForm({onClose}: {onClose: () => void}) {
  const {api} = useBatonServices();
  const [templates, retry] = useTemplates(api);
  if (templates.status === 'loaded' && templates.items.length > 0) {
    return (
      <StartForm
        templates={templates.items}
        onClose={onClose}
      />
    );
  }
  return (
    <div className='baton-form'>
      <h3 className='baton-form__title'><FormattedMessage id='baton.workflow_start.heading'/></h3>
      {templates.status === 'loading' && (
        <p
          className='baton-form__help'
          role='status'
        ><FormattedMessage id='baton.workflow_start.loading'/></p>
      )}
      {templates.status === 'error' && (
        <FailureNotice
          failure={templates.failure}
          message={{id: 'baton.workflow_start.load_failed'}}
          onRetry={retry}
        />
      )}
      {templates.status === 'loaded' && <p className='baton-form__help'><FormattedMessage id='baton.workflow_start.empty'/></p>}
      <div className='baton-form__actions'>
        <button
          type='button'
          className='baton-form__cancel'
          onClick={onClose}
        ><FormattedMessage id='baton.workflow_start.close'/></button>
      </div>
    </div>
  );
}
