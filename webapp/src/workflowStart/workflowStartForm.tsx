// "Start workflow" in the panel: the browser's form for what `/task workflow
// start` does (server-bridge/src/notices/workflowStartDialog.ts is the
// dialog version). The templates load first (loading / none yet / failed
// with Retry); then the person picks one, names a person for each of its
// roles and adds the case, deadlines and a note. The run starts in the
// current channel. Wrong input is shown at its field (checked with the
// contract's schema, and a bridge 400 at the field it names); a failed start
// keeps every input. Once started, RunStarted says who has the baton.
import React, {useCallback, useEffect, useRef, useState} from 'react';
import type {FormEvent} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';
import type {IntlShape} from 'react-intl';

import type {WorkflowRunRequest} from '../api/bridgeApi';
import {BridgeError} from '../api/bridgeErrors';
import type {WorkflowRunBody, WorkflowTemplateBody} from '../api/contract';
import {describeBridgeError} from '../api/errorText';
import {channelLabel, getCurrentChannelId} from '../mattermost/hostState';
import {useBatonServices} from '../plugin/servicesContext';
import {FormActions, FormAlert, FormLoading, SubmitButton, useFocusFirstInvalid} from '../rhs/formParts';
import {useLoad} from '../rhs/useLoad';
import {useBatonSelector} from '../state/hooks';

import {RunStarted} from './runStarted';
import {RunStartFields} from './runStartFields';
import {checkRunStart, emptyRunStartValues, fieldOfIssue} from './runStartValues';
import type {FieldErrors, RunStartValues} from './runStartValues';

const headingId = 'baton-wf-heading';

/** A refused start as field errors: each issue the bridge names at its field, else one line for the form. */
function refusalErrors(error: unknown, request: WorkflowRunRequest, intl: IntlShape): FieldErrors {
  if (error instanceof BridgeError && error.status === 404) {
    return {template: {text: describeBridgeError(error, intl)}};
  }
  if (error instanceof BridgeError) {
    const issues = Array.isArray(error.details.issues) ? error.details.issues as {field?: unknown; message?: unknown}[] : [];
    // The issues of a 400 name the rule broken in the bridge's words; other refusals are worded here.
    const named = issues.length > 0 ? issues.map((issue) => ({field: String(issue.field ?? ''), message: String(issue.message ?? error.message)})) : error.field ? [{field: error.field, message: describeBridgeError(error, intl)}] : [];
    const errors: FieldErrors = {};
    for (const {field, message} of named) {
      errors[fieldOfIssue(field, request)] ??= {text: message};
    }
    if (Object.keys(errors).length > 0) {
      return errors;
    }
  }
  return {form: {id: 'baton.workflow_start.failed', values: {message: describeBridgeError(error, intl)}}};
}

function StartForm({templates, onClose}: {templates: WorkflowTemplateBody[]; onClose: () => void}) {
  const {api, profiles: people} = useBatonServices();
  const intl = useIntl();
  const channelId = useBatonSelector(getCurrentChannelId);
  const channelName = useBatonSelector((state) => channelLabel(state, channelId));
  const [values, setValues] = useState<RunStartValues>(() => ({...emptyRunStartValues, templateId: templates.length === 1 ? templates[0]?.id ?? '' : ''}));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const [started, setStarted] = useState<WorkflowRunBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const firstField = useRef<HTMLSelectElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form, 'baton-wf-form');
  const template = templates.find((each) => each.id === values.templateId);

  useEffect(() => firstField.current?.focus(), []);

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
      focusFirstInvalid();
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      const run = await api.startWorkflowRun(template.id, checked.request);
      people.ensure(run.steps.map((step) => step.holderId));
      setStarted(run);
    } catch (error) {
      // Every input stays as typed; the refusal is shown where it belongs.
      setErrors(refusalErrors(error, checked.request, intl));
      focusFirstInvalid();
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
      <FormAlert
        id='baton-wf-form'
        message={errors.form}
      />
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
      <FormActions
        cancel={{id: 'baton.workflow_start.cancel'}}
        onCancel={onClose}
      >
        <SubmitButton
          pending={submitting}
          markBusy={true}
        ><FormattedMessage id='baton.workflow_start.submit'/></SubmitButton>
      </FormActions>
    </form>
  );
}

export function WorkflowStartForm({onClose}: {onClose: () => void}) {
  const {api} = useBatonServices();
  const [templates, retry] = useLoad(useCallback(async (signal: AbortSignal) => (await api.listWorkflowTemplates(signal)).items, [api]));
  if (templates.status === 'loaded' && templates.value.length > 0) {
    return (
      <StartForm
        templates={templates.value}
        onClose={onClose}
      />
    );
  }
  return (
    <FormLoading
      load={templates}
      messages={{
        heading: {id: 'baton.workflow_start.heading'},
        loading: {id: 'baton.workflow_start.loading'},
        failed: {id: 'baton.workflow_start.load_failed'},
        close: {id: 'baton.workflow_start.close'},
      }}
      onRetry={retry}
      onClose={onClose}
    >
      {templates.status === 'loaded' && <p className='baton-form__help'><FormattedMessage id='baton.workflow_start.empty'/></p>}
    </FormLoading>
  );
}
