// What the panel says when `/task show KEY` selected nothing: the key is not
// a task the person can see (or none at all), or the request failed. A
// polite status line, not an alert: the panel stays usable, and the person
// dismisses it (or the next request replaces it).
import React from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import {formatErrorText} from '../api/errorText';

import type {ShowFailure} from './rhsRequests';

export function ShowFailureNotice({failure, onDismiss}: {failure: ShowFailure; onDismiss: () => void}) {
  const intl = useIntl();
  return (
    <div
      className='baton-tasks__notice'
      role='status'
    >
      <p>
        {failure.missing ? (
          <FormattedMessage
            id='baton.tasks.show.missing'
            values={{key: failure.key}}
          />
        ) : (
          <FormattedMessage
            id='baton.tasks.show.failed'
            values={{key: failure.key, message: formatErrorText(intl, failure.failure.text)}}
          />
        )}
      </p>
      <button
        type='button'
        className='baton-tasks__notice-dismiss'
        aria-label={intl.formatMessage({id: 'baton.tasks.show.dismiss'})}
        title={intl.formatMessage({id: 'baton.tasks.show.dismiss'})}
        onClick={onDismiss}
      >
        <i
          className='icon icon-close'
          aria-hidden='true'
        />
      </button>
    </div>
  );
}
