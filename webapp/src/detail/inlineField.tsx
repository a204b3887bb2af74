// One field of the task, edited where it is shown: the value with an Edit
// button (or a custom view that starts editing, like the title), and while
// editing a small form. Enter saves (Ctrl/Cmd+Enter in a text area), Escape
// cancels; a refused save keeps the edit and shows why under the input,
// which points at it with aria-describedby. Focus goes into the editor when
// it opens and back to the view when it closes.
import React, {useEffect, useRef, useState} from 'react';
import type {FormEvent, KeyboardEvent, ReactNode} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import type {TaskChanges} from '../api/bridgeApi';
import type {Task} from '../api/contract';
import {formatErrorText} from '../api/errorText';
import {useBatonServices} from '../plugin/servicesContext';
import {errorIdOf, FormError} from '../rhs/formParts';

import {saveTaskPatch} from './saveTaskPatch';

export type EditorProps<Draft> = {
  /** The id of the (first) input, which the label points at. */
  id: string;
  value: Draft;
  onChange: (value: Draft) => void;
  invalid: boolean;
  /** The error's id while there is one. */
  describedBy: string | undefined;
};

export type InlineFieldProps<Draft> = {
  task: Task;
  /** The patch field (`title`, `deadlines`, …): contract issues about it are shown here. */
  field: string;
  /** Unique among the fields; makes the input's id. */
  name: string;
  /** Already translated: it labels the input and names the Edit button. */
  label: string;
  read: (task: Task) => Draft;
  toChanges: (draft: Draft) => TaskChanges;
  renderEditor: (props: EditorProps<Draft>) => ReactNode;
  /** The value as shown (not editing). */
  children?: ReactNode;
  /** With a value set: a Remove button that saves these changes. */
  clear?: TaskChanges;
  /** Enter makes a new line; Ctrl/Cmd+Enter saves. */
  multiline?: boolean;
  /** Instead of value + Edit button: a view that calls `edit` itself. */
  renderView?: (edit: () => void) => ReactNode;
  className?: string;
};

export function InlineField<Draft>(props: InlineFieldProps<Draft>) {
  const {task, field, name, label, read, toChanges, renderEditor, children, clear, multiline = false, renderView, className = ''} = props;
  const {api, store} = useBatonServices();
  const intl = useIntl();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const wasEditing = useRef(false);
  const editing = draft !== null;
  const inputId = `baton-detail-edit-${name}`;

  useEffect(() => {
    if (editing) {
      box.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    } else if (wasEditing.current) {
      box.current?.querySelector<HTMLElement>('button, [tabindex]')?.focus();
    }
    wasEditing.current = editing;
  }, [editing]);

  const edit = () => {
    setError(null);
    setDraft(read(task));
  };
  const cancel = () => {
    setError(null);
    setDraft(null);
  };
  const save = async (changes: TaskChanges) => {
    if (saving) {
      return;
    }
    setSaving(true);
    setError(null);
    const outcome = await saveTaskPatch(task, changes, field, {api, store});
    setSaving(false);
    if (outcome.ok) {
      setDraft(null);
    } else {
      setError(formatErrorText(intl, outcome.text));
      box.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft !== null) {
      void save(toChanges(draft));
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Escape') {
      // Only the editor closes, not the panel around it.
      event.stopPropagation();
      cancel();
    } else if (event.key === 'Enter' && (target.tagName === 'SELECT' || (multiline && (event.ctrlKey || event.metaKey)))) {
      submit(event);
    }
  };

  if (draft === null) {
    return (
      <div
        className={`baton-inline ${className}`}
        ref={box}
      >
        {renderView ? renderView(edit) : (
          <>
            <span className='baton-inline__value'>{children}</span>
            <button
              type='button'
              className='baton-inline__edit'
              aria-label={intl.formatMessage({id: 'baton.detail.edit'}, {field: label})}
              title={intl.formatMessage({id: 'baton.detail.edit'}, {field: label})}
              onClick={edit}
            >
              <i
                className='icon icon-pencil-outline'
                aria-hidden='true'
              />
            </button>
          </>
        )}
      </div>
    );
  }

  return (
    <div
      className={`baton-inline baton-inline--editing ${className}`}
      ref={box}
    >
      <form
        className='baton-form__field baton-inline__form'
        onSubmit={submit}
        onKeyDown={onKeyDown}
        aria-busy={saving}
      >
        <label
          className='baton-form__label'
          htmlFor={inputId}
        >
          {label}
        </label>
        {renderEditor({id: inputId, value: draft, onChange: setDraft, invalid: error !== null, describedBy: error === null ? undefined : errorIdOf(inputId)})}
        <FormError
          inputId={inputId}
          message={error === null ? null : {id: 'baton.detail.edit.error', values: {message: error}}}
          alert={true}
        />
        <div className='baton-inline__actions'>
          <button
            type='submit'
            className='baton-detail__button baton-detail__button--primary'
            disabled={saving}
          >
            {saving ? <FormattedMessage id='baton.detail.action.pending'/> : <FormattedMessage id='baton.detail.edit.save'/>}
          </button>
          <button
            type='button'
            className='baton-detail__button'
            onClick={cancel}
          >
            <FormattedMessage id='baton.detail.cancel'/>
          </button>
          {clear && (
            <button
              type='button'
              className='baton-detail__button'
              disabled={saving}
              onClick={() => void save(clear)}
            >
              <FormattedMessage id='baton.detail.edit.remove'/>
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
