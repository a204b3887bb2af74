import React from 'react';
import {FormattedMessage} from 'react-intl';

import type {HostComponentProps} from '../plugin/hostTypes';
import {SessionNotice} from '../session/sessionNotice';
import {useBatonServices} from '../plugin/servicesContext';
import {useBatonSelector} from '../state/hooks';
import {panelFormClosed} from '../state/rhsSlice';
import {getRhsRequest, getSessionState} from '../state/selectors';
import {TasksPanel} from '../tasks/tasksPanel';

import {PanelForm} from './panelForm';
import {PanelToolbar} from './panelToolbar';

/**
 * The right-hand sidebar: the toolbar, then an open form or the task lists. Opening it connects to the bridge;
 * while the session has failed only its notice (with the retry) shows, and
 * the lists load again once it is back.
 */
export function RhsPanel(_props: HostComponentProps) {
  const {store} = useBatonServices();
  const {status} = useBatonSelector(getSessionState);
  const {form} = useBatonSelector(getRhsRequest);
  return (
    <div
      className='baton-rhs baton-rhs--lists'
      data-testid='baton-rhs'
    >
      <h2 className='baton-rhs__title'>
        <FormattedMessage id='baton.rhs.title'/>
      </h2>
      <SessionNotice/>
      {status !== 'error' && <PanelToolbar/>}
      {status !== 'error' && form && (
        <PanelForm
          form={form}
          onClose={() => store.dispatch(panelFormClosed())}
        />
      )}
      {status !== 'error' && !form && <TasksPanel/>}
    </div>
  );
}
