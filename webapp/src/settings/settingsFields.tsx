// The settings form's fields, each labelled, with a help line and its error:
// digest time, daily digest, weekly summary, due-soon days, reminder mutes
// per deadline kind and "require acceptance".
import React from 'react';
import type {Ref} from 'react';
import {FormattedMessage} from 'react-intl';

import {FormError, invalidProps} from '../rhs/formParts';
import {kindMessages} from '../tasks/taskRow';

import {mutableKinds} from './settingsValues';
import type {SettingsErrors, SettingsValues} from './settingsValues';

type Props = {
  values: SettingsValues;
  errors: SettingsErrors;
  firstField: Ref<HTMLInputElement>;
  onChange: (change: Partial<SettingsValues>) => void;
};

type Flag = 'digestEnabled' | 'weeklySummary' | 'requireAcceptance';

// Written out as {id: '...'} so the catalog test sees every id in use.
const flagMessages: Record<Flag, {label: {id: string}; help: {id: string}; inputId: string}> = {
  digestEnabled: {label: {id: 'baton.settings.digest_enabled'}, help: {id: 'baton.settings.digest_enabled_help'}, inputId: 'baton-settings-digest-enabled'},
  weeklySummary: {label: {id: 'baton.settings.weekly'}, help: {id: 'baton.settings.weekly_help'}, inputId: 'baton-settings-weekly'},
  requireAcceptance: {label: {id: 'baton.settings.acceptance'}, help: {id: 'baton.settings.acceptance_help'}, inputId: 'baton-settings-acceptance'},
};

export function SettingsFields({values, errors, firstField, onChange}: Props) {
  const flag = (name: Flag) => {
    const {label, help, inputId} = flagMessages[name];
    return (
      <div className='baton-form__field baton-settings__check'>
        <label htmlFor={inputId}>
          <input
            id={inputId}
            type='checkbox'
            checked={values[name]}
            onChange={(event) => onChange({[name]: event.target.checked})}
            {...invalidProps(inputId, errors[name], `${inputId}-help`)}
          />
          {' '}
          <FormattedMessage {...label}/>
        </label>
        <FormError
          inputId={inputId}
          message={errors[name]}
        />
        <p
          className='baton-form__help'
          id={`${inputId}-help`}
        ><FormattedMessage {...help}/></p>
      </div>
    );
  };
  return (
    <>
      <div className='baton-form__field'>
        <label
          className='baton-form__label'
          htmlFor='baton-settings-digest-time'
        ><FormattedMessage id='baton.settings.digest_time'/></label>
        <input
          id='baton-settings-digest-time'
          ref={firstField}
          className='baton-form__input'
          type='time'
          value={values.digestTime}
          onChange={(event) => onChange({digestTime: event.target.value})}
          {...invalidProps('baton-settings-digest-time', errors.digestTime, 'baton-settings-digest-time-help')}
        />
        <FormError
          inputId='baton-settings-digest-time'
          message={errors.digestTime}
        />
        <p
          className='baton-form__help'
          id='baton-settings-digest-time-help'
        ><FormattedMessage id='baton.settings.digest_time_help'/></p>
      </div>
      {flag('digestEnabled')}
      {flag('weeklySummary')}
      <div className='baton-form__field'>
        <label
          className='baton-form__label'
          htmlFor='baton-settings-due-soon'
        ><FormattedMessage id='baton.settings.due_soon'/></label>
        <input
          id='baton-settings-due-soon'
          className='baton-form__input'
          type='number'
          min={0}
          max={30}
          step={1}
          value={values.dueSoonDays}
          onChange={(event) => onChange({dueSoonDays: event.target.value})}
          {...invalidProps('baton-settings-due-soon', errors.dueSoonDays, 'baton-settings-due-soon-help')}
        />
        <FormError
          inputId='baton-settings-due-soon'
          message={errors.dueSoonDays}
        />
        <p
          className='baton-form__help'
          id='baton-settings-due-soon-help'
        ><FormattedMessage id='baton.settings.due_soon_help'/></p>
      </div>
      <fieldset
        className='baton-form__field baton-settings__mutes'
        aria-describedby={['baton-settings-muted-help', errors.mutedDeadlineKinds ? 'baton-settings-muted-error' : ''].filter(Boolean).join(' ')}
      >
        <legend className='baton-form__label'><FormattedMessage id='baton.settings.muted'/></legend>
        {mutableKinds.map((kind) => (
          <label
            key={kind}
            htmlFor={`baton-settings-mute-${kind}`}
          >
            <input
              id={`baton-settings-mute-${kind}`}
              type='checkbox'
              checked={values.muted[kind]}
              aria-invalid={errors.mutedDeadlineKinds !== undefined}
              onChange={(event) => onChange({muted: {...values.muted, [kind]: event.target.checked}})}
            />
            {' '}
            <FormattedMessage {...(kindMessages[kind] ?? {id: 'baton.tasks.deadline.legal'})}/>
          </label>
        ))}
        <FormError
          inputId='baton-settings-muted'
          message={errors.mutedDeadlineKinds}
        />
        <p
          className='baton-form__help'
          id='baton-settings-muted-help'
        ><FormattedMessage id='baton.settings.muted_help'/></p>
      </fieldset>
      {flag('requireAcceptance')}
    </>
  );
}
