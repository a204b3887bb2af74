// Who watches the task (hears about every change), and Watch / Stop watching
// for the reader. The bridge answers 204 without the task, so the task is
// read again to show the new list.
import React, {useState} from 'react';
import {FormattedMessage} from 'react-intl';

import type {Task} from '../api/contract';
import {useBatonServices} from '../plugin/servicesContext';
import {describeFailure} from '../tasks/taskLists';
import {taskChanged} from '../tasks/tasksSlice';
import type {RequestFailure} from '../tasks/tasksSlice';

import {ActionFailure} from './actionFields';
import {userLabel} from './users';

type Profiles = Readonly<Record<string, unknown>> | null;

export function Watchers({task, me, profiles}: {task: Task; me: string | null; profiles: Profiles}) {
  const {api, store} = useBatonServices();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<RequestFailure | null>(null);
  const watching = me !== null && task.watcherIds.includes(me);

  const toggle = async () => {
    setPending(true);
    setFailure(null);
    try {
      await (watching ? api.unwatch(task.id) : api.watch(task.id));
      store.dispatch(taskChanged(await api.getTask(task.id)));
    } catch (error) {
      setFailure(describeFailure(error));
    }
    setPending(false);
  };

  return (
    <div className='baton-detail__watchers'>
      <FormattedMessage
        id='baton.detail.watchers.count'
        values={{count: task.watcherIds.length}}
      />
      {task.watcherIds.length > 0 && (
        <ul className='baton-detail__labels baton-detail__watcher-list'>
          {task.watcherIds.map((id) => <li key={id}>{userLabel(profiles, id)}</li>)}
        </ul>
      )}
      {me !== null && (
        <button
          type='button'
          className='baton-detail__button'
          disabled={pending}
          onClick={() => void toggle()}
        >
          <i
            className={`icon ${watching ? 'icon-eye-off-outline' : 'icon-eye-outline'}`}
            aria-hidden='true'
          />
          {watching ? <FormattedMessage id='baton.detail.unwatch'/> : <FormattedMessage id='baton.detail.watch'/>}
        </button>
      )}
      <ActionFailure
        failure={failure}
        message={{id: 'baton.detail.watch.error'}}
      />
    </div>
  );
}
