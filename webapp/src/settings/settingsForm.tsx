// "Settings" in the panel: the person's reminder settings, the browser's form
// for what `/task settings` changes (server-bridge/src/notices/settingsDialog.ts
// is the dialog version). Save sends only what changed; "Saved" is announced;
// wrong input (checked with the contract's schema, or a bridge 400) is shown
// at its field and every input is kept.
import React, {useCallback, useEffect, useRef, useState} from 'react';
import type {FormEvent} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';
import type {IntlShape} from 'react-intl';

import {BridgeError} from '../api/bridgeErrors';
import type {UserSettingsBody} from '../api/contract';
import {describeBridgeError} from '../api/errorText';
import {useBatonServices} from '../plugin/servicesContext';
import {FormActions, FormAlert, FormLoading, SubmitButton, useFocusFirstInvalid} from '../rhs/formParts';
import {useLoad} from '../rhs/useLoad';

import {SettingsFields} from './settingsFields';
import {settingsPatch, valuesOf} from './settingsValues';
import type {SettingsErrors, SettingsValues} from './settingsValues';

const headingId = 'baton-settings-heading';

/** A 400 names the rule the field broke in the bridge's words; other refusals are worded here (api/errorText.ts). */
function refusalErrors(error: unknown, intl: IntlShape): SettingsErrors {
  if (error instanceof BridgeError && error.field) {
    return {[error.field.split('.')[0] ?? 'form']: {text: error.status === 400 ? error.message : describeBridgeError(error, intl)}};
  }
  return {form: {id: 'baton.settings.failed', values: {message: describeBridgeError(error, intl)}}};
}

function Form({loaded, onClose}: {loaded: UserSettingsBody; onClose: () => void}) {
  const {api} = useBatonServices();
  const intl = useIntl();
  const [saved, setSaved] = useState(loaded);
  const [values, setValues] = useState<SettingsValues>(() => valuesOf(loaded));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'unchanged'>('idle');
  const form = useRef<HTMLFormElement>(null);
  const firstField = useRef<HTMLInputElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form, 'baton-settings-form');

  useEffect(() => firstField.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (status === 'saving') {
      return;
    }
    const checked = settingsPatch(values, saved);
    if (!checked.ok) {
      setErrors(checked.errors);
      setStatus('idle');
      focusFirstInvalid();
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
      setErrors(refusalErrors(error, intl));
      setStatus('idle');
      focusFirstInvalid();
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
      <FormAlert
        id='baton-settings-form'
        message={errors.form}
      />
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
      <FormActions
        cancel={{id: 'baton.settings.close'}}
        onCancel={onClose}
      >
        <SubmitButton
          pending={status === 'saving'}
          markBusy={true}
        ><FormattedMessage id='baton.settings.save'/></SubmitButton>
      </FormActions>
    </form>
  );
}

export function SettingsForm({onClose}: {onClose: () => void}) {
  const {api} = useBatonServices();
  const [settings, retry] = useLoad(useCallback((signal: AbortSignal) => api.getMySettings(signal), [api]));
  if (settings.status === 'loaded') {
    return (
      <Form
        loaded={settings.value}
        onClose={onClose}
      />
    );
  }
  return (
    <FormLoading
      load={settings}
      messages={{
        heading: {id: 'baton.settings.heading'},
        loading: {id: 'baton.settings.loading'},
        failed: {id: 'baton.settings.load_failed'},
        close: {id: 'baton.settings.close'},
      }}
      onRetry={retry}
      onClose={onClose}
    />
  );
}
