// The task form in the panel: creates a task (the toolbar's "New task",
// "Create task from message") or edits one. Checked with the contract's
// schemas before sending; a 400 is shown at the field it names; a 409 keeps
// the person's edits on top of the current task and offers "Save again".
// Nothing typed is lost on a failure; the first invalid field gets focus.
import React, {useCallback, useEffect, useId, useRef, useState} from 'react';
import type {FormEvent} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import {BridgeError} from '../api/bridgeErrors';
import type {Task} from '../api/contract';
import {describeBridgeError} from '../api/errorText';
import {channelDisplayName, getCurrentChannelId, getCurrentUserId} from '../mattermost/hostState';
import {useBatonServices} from '../plugin/servicesContext';
import type {TaskFormPrefill} from '../state/rhsSlice';
import {taskChanged, taskSelected} from '../tasks/tasksSlice';

import {invalidFieldMessages} from './fieldMessages';
import {TaskFormFields} from './taskFormFields';
import {TaskFormFooter, TaskFormLoading} from './taskFormFooter';
import type {FieldRefs} from './taskFormFields';
import {checkCreate, checkPatch, fieldOfBridgeError} from './taskFormValidation';
import type {Invalid} from './taskFormValidation';
import {FORM_FIELDS, createBody, patchChanges, rebaseValues, valuesFromPrefill, valuesFromTask} from './taskFormValues';
import type {FieldErrors, FormField, TaskFormValues} from './taskFormValues';
import {useEditedTask} from './useEditedTask';

export type TaskFormProps = {
  form: {kind: 'createTask'; prefill: TaskFormPrefill} | {kind: 'editTask'; taskId: string};
  onClose: () => void;
};

export function TaskForm({form, onClose}: TaskFormProps) {
  const {store, api} = useBatonServices();
  const intl = useIntl();
  const idPrefix = `baton-task-form${useId().replace(/:/g, '')}`;
  const prefill = form.kind === 'createTask' ? form.prefill : null;
  const edited = useEditedTask(form.kind === 'editTask' ? form.taskId : null);
  const [channelChoice] = useState(() => {
    const id = prefill?.channelId ?? getCurrentChannelId(store.getState());
    return id ? {id, name: channelDisplayName(store.getState(), id)} : null;
  });
  // The values the person started from (the task as loaded) and what they have now.
  const [started, setStarted] = useState<TaskFormValues | null>(() =>
    (prefill ? valuesFromPrefill(prefill, getCurrentChannelId(store.getState()), getCurrentUserId(store.getState())) : null));
  const [values, setValues] = useState<TaskFormValues | null>(started);
  const [task, setTask] = useState<Task | null>(null);
  const [holderUnresolved, setHolderUnresolved] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{field: FormField; seq: number}>({field: 'title', seq: 0});
  const refs = useRef<FieldRefs>({}).current;

  // Editing: the form fills once the task is known.
  useEffect(() => {
    if (edited.task && !task) {
      const loaded = valuesFromTask(edited.task, edited.keyOf);
      setTask(edited.task);
      setStarted(loaded);
      setValues(loaded);
    }
  }, [edited.task]);

  const ready = values !== null;
  useEffect(() => {
    if (ready) {
      refs[focusRequest.field]?.focus();
    }
  }, [ready, focusRequest, refs]);

  const change = useCallback((part: Partial<TaskFormValues>) => setValues((current) => (current ? {...current, ...part} : current)), []);
  const changeHolder = useCallback((holderId: string | null, unresolved: string) => {
    setHolderUnresolved(unresolved);
    change({holderId});
  }, [change]);

  const showInvalid = (invalid: Invalid) => {
    const found: FieldErrors = {};
    for (const {field} of invalid) {
      found[field] = intl.formatMessage(invalidFieldMessages[field]);
    }
    setErrors(found);
    const first = invalid[0];
    if (first) {
      setFocusRequest((current) => ({field: first.field, seq: current.seq + 1}));
    }
  };

  const showFailure = (error: unknown, body: {deadlines?: readonly {kind: string}[]}) => {
    const field = error instanceof BridgeError && error.status === 400 ? fieldOfBridgeError(error.field, body) : null;
    if (field && error instanceof Error) {
      setErrors({[field]: error.message});
      setFocusRequest((current) => ({field, seq: current.seq + 1}));
    } else {
      setFailure(describeBridgeError(error, intl));
    }
  };

  const saveNew = async (current: TaskFormValues) => {
    const body = createBody(current, prefill?.sourcePostId);
    const invalid = checkCreate(body);
    if (holderUnresolved !== '') {
      invalid.push({field: 'holderId', detail: holderUnresolved});
      invalid.sort((a, b) => FORM_FIELDS.indexOf(a.field) - FORM_FIELDS.indexOf(b.field));
    }
    if (invalid.length > 0) {
      showInvalid(invalid);
      if (holderUnresolved !== '') {
        setErrors((found) => ({...found, holderId: intl.formatMessage({id: 'baton.task_form.invalid.holder'}, {text: holderUnresolved})}));
      }
      return;
    }
    setSaving(true);
    try {
      const created = await api.createTask(body);
      store.dispatch(taskChanged(created));
      store.dispatch(taskSelected(created.id));
      onClose();
    } catch (error) {
      setSaving(false);
      showFailure(error, body);
    }
  };

  const saveEdits = async (current: TaskFormValues, base: TaskFormValues, editedTask: Task) => {
    const changes = patchChanges(base, current);
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    const invalid = checkPatch(changes, editedTask.version);
    if (invalid.length > 0) {
      showInvalid(invalid);
      return;
    }
    setSaving(true);
    try {
      const updated = await api.patchTask(editedTask.id, editedTask.version, changes);
      store.dispatch(taskChanged(updated));
      onClose();
    } catch (error) {
      if (error instanceof BridgeError && error.status === 409) {
        await reloadAfterConflict(error, current, base, editedTask);
      } else {
        showFailure(error, changes);
      }
      setSaving(false);
    }
  };

  // Someone else saved first: show their task with the person's edits on top.
  const reloadAfterConflict = async (error: BridgeError, current: TaskFormValues, base: TaskFormValues, editedTask: Task) => {
    setConflict(describeBridgeError(error, intl));
    try {
      const latest = await api.getTask(editedTask.id);
      store.dispatch(taskChanged(latest));
      const latestValues = valuesFromTask(latest, edited.keyOf);
      setTask(latest);
      setStarted(latestValues);
      setValues(rebaseValues(base, current, latestValues));
    } catch (reloadError) {
      setFailure(describeBridgeError(reloadError, intl));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!values || saving) {
      return;
    }
    setErrors({});
    setFailure(null);
    if (form.kind === 'createTask') {
      void saveNew(values);
    } else if (started && task) {
      setConflict(null);
      void saveEdits(values, started, task);
    }
  };

  if (!values) {
    return (
      <TaskFormLoading
        failure={edited.failure}
        onClose={onClose}
      />
    );
  }

  return (
    <form
      className='baton-form baton-task-form'
      noValidate={true}
      onSubmit={submit}
      aria-labelledby={`${idPrefix}-heading`}
    >
      <h2
        id={`${idPrefix}-heading`}
        className='baton-form__title'
      >
        {task ? (
          <FormattedMessage
            id='baton.task_form.edit_heading'
            values={{key: task.key}}
          />
        ) : <FormattedMessage id='baton.task_form.create_heading'/>}
      </h2>
      <TaskFormFields
        idPrefix={idPrefix}
        values={values}
        onChange={change}
        onHolderChange={changeHolder}
        errors={errors}
        refs={refs}
        editing={form.kind === 'editTask'}
        channelChoice={channelChoice}
      />
      <TaskFormFooter
        creating={form.kind === 'createTask'}
        conflict={conflict}
        failure={failure}
        saving={saving}
        onClose={onClose}
      />
    </form>
  );
}
