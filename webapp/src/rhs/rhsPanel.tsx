import React from 'react';
import {FormattedMessage} from 'react-intl';

import type {HostComponentProps} from '../plugin/hostTypes';
import {SessionNotice} from '../session/sessionNotice';

/** The right-hand sidebar. A placeholder until the task lists land; opening it connects to the bridge. */
export function RhsPanel(_props: HostComponentProps) {
  return (
    <div
      className='baton-rhs'
      data-testid='baton-rhs'
    >
      <div className='baton-rhs__accent'/>
      <h2 className='baton-rhs__title'>
        <FormattedMessage id='baton.rhs.title'/>
      </h2>
      <p className='baton-rhs__placeholder'>
        <FormattedMessage id='baton.rhs.placeholder'/>
      </p>
      <SessionNotice/>
    </div>
  );
}
