// The form the panel shows instead of its lists while one is open (rhsSlice
// `form`): a task to create or edit, a workflow to start, or the person's
// settings. Each form closes itself when saved or cancelled.
import React from 'react';

import {SettingsForm} from '../settings/settingsForm';
import type {PanelForm as PanelFormState} from '../state/rhsSlice';
import {TaskForm} from '../taskForm/taskForm';
import {WorkflowStartForm} from '../workflowStart/workflowStartForm';

export function PanelForm({form, onClose}: {form: PanelFormState; onClose: () => void}) {
  switch (form.kind) {
  case 'createTask':
  case 'editTask':
    return (
      <TaskForm
        form={form}
        onClose={onClose}
      />
    );
  case 'startWorkflow':
    return <WorkflowStartForm onClose={onClose}/>;
  case 'settings':
    return <SettingsForm onClose={onClose}/>;
  }
}
