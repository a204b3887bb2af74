// What the panel says about the bridge session: nothing while connected, a
// line while connecting, and why it failed with a retry button. Mounting it
// starts the first connection.
import React, {useEffect} from 'react';
import {FormattedMessage} from 'react-intl';

import {useBatonServices} from '../plugin/servicesContext';
import {useBatonSelector} from '../state/hooks';
import {getSessionState} from '../state/selectors';

import type {SessionFailureReason} from './sessionError';

// Written out as {id: '...'} so the catalog test sees every id in use.
const failureMessages: Record<SessionFailureReason, {id: string}> = {
  not_permitted: {id: 'baton.session.error.not_permitted'},
  bot_not_found: {id: 'baton.session.error.bot_not_found'},
  mattermost_error: {id: 'baton.session.error.mattermost_error'},
  malformed_response: {id: 'baton.session.error.malformed_response'},
  network: {id: 'baton.session.error.network'},
  unauthorized: {id: 'baton.session.error.unauthorized'},
};

export function SessionNotice() {
  const {session} = useBatonServices();
  const {status, reason, detail} = useBatonSelector(getSessionState);

  useEffect(() => {
    session.start();
  }, [session]);

  if (status === 'connecting') {
    return (
      <p
        className='baton-session baton-session--connecting'
        role='status'
      >
        <FormattedMessage id='baton.session.connecting'/>
      </p>
    );
  }
  if (status === 'error' && reason) {
    return (
      <div
        className='baton-session baton-session--error'
        role='alert'
      >
        <p>
          <FormattedMessage
            {...failureMessages[reason]}
            values={{detail: detail ?? ''}}
          />
        </p>
        <button
          type='button'
          className='baton-session__retry'
          onClick={() => session.retry()}
        >
          <FormattedMessage id='baton.session.retry'/>
        </button>
      </div>
    );
  }
  return null;
}
