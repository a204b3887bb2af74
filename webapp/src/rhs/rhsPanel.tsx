import React from 'react';
import {FormattedMessage} from 'react-intl';

import type {HostComponentProps} from '../plugin/hostTypes';
import {SessionNotice} from '../session/sessionNotice';
import {useBatonSelector} from '../state/hooks';
import {getSessionState} from '../state/selectors';
import {TasksPanel} from '../tasks/tasksPanel';

/**
 * The right-hand sidebar: the task lists. Opening it connects to the bridge;
 * while the session has failed only its notice (with the retry) shows, and
 * the lists load again once it is back.
 */
export function RhsPanel(_props: HostComponentProps) {
  const {status} = useBatonSelector(getSessionState);
  return (
    <div
      className='baton-rhs baton-rhs--lists'
      data-testid='baton-rhs'
    >
      <h2 className='baton-rhs__title'>
        <FormattedMessage id='baton.rhs.title'/>
      </h2>
      <SessionNotice/>
      {status !== 'error' && <TasksPanel/>}
    </div>
  );
}
