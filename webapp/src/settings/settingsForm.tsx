// "Settings" in the panel: the person's reminder settings, the browser's form
// for what `/task settings` changes (server-bridge/src/notices/settingsDialog.ts
// is the dialog version). Save sends only what changed; "Saved" is announced;
// wrong input (checked with the contract's schema, or a bridge 400) is shown
// at its field and every input is kept.
import React, {useEffect, useRef, useState} from 'react';
import type {FormEvent} from 'react';
import {FormattedMessage} from 'react-intl';

import {BridgeError} from '../api/bridgeErrors';
import type {UserSettingsBody} from '../api/contract';
import {useBatonServices} from '../plugin/servicesContext';
import {describeFailure} from '../tasks/taskLists';
import {FailureNotice} from '../tasks/taskListView';
import {FieldError, focusFirstInvalid} from '../workflowStart/fieldError';

import {SettingsFields} from './settingsFields';
import {settingsPatch, valuesOf} from './settingsValues';
import type {SettingsErrors, SettingsValues} from './settingsValues';
import {useMySettings} from './useMySettings';

const headingId = 'baton-settings-heading';

function refusalErrors(error: unknown): SettingsErrors {
  if (error instanceof BridgeError && error.field) {
    return {[error.field.split('.')[0] ?? 'form']: {text: error.message}};
  }
  return {form: {id: 'baton.settings.failed', values: {message: describeFailure(error).message}}};
}

function Form({loaded, onClose}: {loaded: UserSettingsBody; onClose: () => void}) {
  const {api} = useBatonServices();
  const [saved, setSaved] = useState(loaded);
  const [values, setValues] = useState<SettingsValues>(() => valuesOf(loaded));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'unchanged'>('idle');
  const [failedSubmits, setFailedSubmits] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const firstField = useRef<HTMLInputElement>(null);

  useEffect(() => firstField.current?.focus(), []);
  useEffect(() => {
    if (failedSubmits > 0) {
      focusFirstInvalid(form.current, '#baton-settings-form');
    }
  }, [failedSubmits]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (status === 'saving') {
      return;
    }
    const checked = settingsPatch(values, saved);
    if (!checked.ok) {
      setErrors(checked.errors);
      setStatus('idle');
      setFailedSubmits((count) => count + 1);
      return;
    }
    setErrors({});
    if (Object.keys(checked.patch).length === 0) {
      setStatus('unchanged');
      return;
    }
    setStatus('saving');
    try {
      const answer = await api.patchMySettings(checked.patch);
      setSaved(answer);
      setValues(valuesOf(answer));
      setStatus('saved');
    } catch (error) {
      setErrors(refusalErrors(error));
      setStatus('idle');
      setFailedSubmits((count) => count + 1);
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
      ><FormattedMessage id='baton.settings.heading'/></h3>
      {errors.form && (
        <div
          role='alert'
          id='baton-settings-form'
          tabIndex={-1}
        >
          <FieldError
            inputId='baton-settings-form'
            message={errors.form}
          />
        </div>
      )}
      <SettingsFields
        values={values}
        errors={errors}
        firstField={firstField}
        onChange={(change) => {
          setValues((current) => ({...current, ...change}));
          setStatus((current) => (current === 'saving' ? current : 'idle'));
        }}
      />
      <p
        className='baton-form__help'
        role='status'
      >
        {status === 'saved' && <FormattedMessage id='baton.settings.saved'/>}
        {status === 'unchanged' && <FormattedMessage id='baton.settings.unchanged'/>}
      </p>
      <div className='baton-form__actions'>
        <button
          type='button'
          className='baton-form__cancel'
          onClick={onClose}
        ><FormattedMessage id='baton.settings.close'/></button>
        <button
          type='submit'
          className='baton-form__submit'
          disabled={status === 'saving'}
          aria-busy={status === 'saving'}
        ><FormattedMessage id='baton.settings.save'/></button>
      </div>
    </form>
  );
}

export function SettingsForm({onClose}: {onClose: () => void}) {
  const {api} = useBatonServices();
  const [settings, retry] = useMySettings(api);
  if (settings.status === 'loaded') {
    return (
      <Form
        loaded={settings.settings}
        onClose={onClose}
      />
    );
  }
  return (
    <div className='baton-form'>
      <h3 className='baton-form__title'><FormattedMessage id='baton.settings.heading'/></h3>
      {settings.status === 'loading' ? (
        <p
          className='baton-form__help'
          role='status'
        ><FormattedMessage id='baton.settings.loading'/></p>
      ) : (
        <FailureNotice
          failure={settings.failure}
          message={{id: 'baton.settings.load_failed'}}
          onRetry={retry}
        />
      )}
      <div className='baton-form__actions'>
        <button
          type='button'
          className='baton-form__cancel'
          onClick={onClose}
        ><FormattedMessage id='baton.settings.close'/></button>
      </div>
    </div>
  );
}
