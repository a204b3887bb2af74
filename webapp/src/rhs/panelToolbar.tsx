// The panel's actions above the lists: New task, Start workflow, Settings.
// Each opens its form in the panel (rhsSlice `form`).
import React from 'react';
import {FormattedMessage} from 'react-intl';

import {useBatonServices} from '../plugin/servicesContext';
import {panelFormOpened} from '../state/rhsSlice';
import type {PanelForm} from '../state/rhsSlice';

const actions: {id: string; icon: string; form: PanelForm; message: {id: string}}[] = [
  {id: 'new-task', icon: 'icon-plus', form: {kind: 'createTask', prefill: {}}, message: {id: 'baton.toolbar.new_task'}},
  {id: 'start-workflow', icon: 'icon-play-outline', form: {kind: 'startWorkflow'}, message: {id: 'baton.toolbar.start_workflow'}},
  {id: 'settings', icon: 'icon-cog-outline', form: {kind: 'settings'}, message: {id: 'baton.toolbar.settings'}},
];

export function PanelToolbar() {
  const {store} = useBatonServices();
  return (
    <div
      className='baton-toolbar'
      role='toolbar'
      aria-orientation='horizontal'
    >
      {actions.map((action) => (
        <button
          key={action.id}
          type='button'
          className='baton-toolbar__button'
          data-testid={`baton-toolbar-${action.id}`}
          onClick={() => store.dispatch(panelFormOpened(action.form))}
        >
          <i
            className={`icon ${action.icon}`}
            aria-hidden='true'
          />
          <FormattedMessage {...action.message}/>
        </button>
      ))}
    </div>
  );
}
