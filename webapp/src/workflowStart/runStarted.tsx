// What the form shows once the run has started: its title and who holds the
// baton first. "Open" loads the run's parent task, selects it in the panel
// and closes the form; a failure to load it is shown with the bridge's
// message and the button stays for another try.
import React, {useEffect, useRef, useState} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import type {WorkflowRunBody} from '../api/contract';
import {formatErrorText} from '../api/errorText';
import {userLabel} from '../detail/users';
import {getUserProfiles} from '../mattermost/hostState';
import {useBatonServices} from '../plugin/servicesContext';
import {FormActions, FormError, SubmitButton} from '../rhs/formParts';
import {useBatonSelector} from '../state/hooks';
import {describeFailure} from '../tasks/taskLists';
import {taskChanged, taskSelected} from '../tasks/tasksSlice';
import type {RequestFailure} from '../tasks/tasksSlice';

// Written out as {id: '...'} so the catalog test sees every id in use.
const firstHolderMessages = {
  someone: {id: 'baton.workflow_start.first_holder'},
  nobody: {id: 'baton.workflow_start.first_holder_none'},
};

export function RunStarted({run, onClose}: {run: WorkflowRunBody; onClose: () => void}) {
  const {api, store} = useBatonServices();
  const intl = useIntl();
  const profiles = useBatonSelector(getUserProfiles);
  const [opening, setOpening] = useState(false);
  const [failure, setFailure] = useState<RequestFailure | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const first = run.steps.find((step) => step.position === run.currentStep) ?? run.steps[0];
  const open = async () => {
    setOpening(true);
    setFailure(null);
    try {
      const task = await api.getTask(run.parentTaskKey);
      store.dispatch(taskChanged(task));
      store.dispatch(taskSelected(task.id));
      onClose();
    } catch (error) {
      setFailure(describeFailure(error));
      setOpening(false);
    }
  };

  return (
    <div
      className='baton-form'
      role='status'
    >
      <h3
        className='baton-form__title'
        ref={heading}
        tabIndex={-1}
      ><FormattedMessage id='baton.workflow_start.started'/></h3>
      <p className='baton-wf__started'>
        <FormattedMessage
          id='baton.workflow_start.started_detail'
          values={{title: run.title, key: run.parentTaskKey}}
        />
      </p>
      {first && (
        <p className='baton-wf__started'>
          <FormattedMessage
            {...firstHolderMessages[first.holderId ? 'someone' : 'nobody']}
            values={{holder: first.holderId ? userLabel(profiles, first.holderId) : '', step: first.name}}
          />
        </p>
      )}
      <FormError
        message={failure && {id: 'baton.workflow_start.open_failed', values: {message: formatErrorText(intl, failure.text)}}}
        alert={true}
      />
      <FormActions
        cancel={{id: 'baton.workflow_start.close'}}
        onCancel={onClose}
      >
        <SubmitButton
          pending={opening}
          onClick={() => void open()}
        >
          <FormattedMessage
            id='baton.workflow_start.open'
            values={{key: run.parentTaskKey}}
          />
        </SubmitButton>
      </FormActions>
    </div>
  );
}
