// The task's own fields, each edited in place through InlineField: the title
// (its heading: click, Enter or F2), priority, labels, start date, case and
// description. Each saves only itself; the bridge decides who may.
import React from 'react';
import type {Ref} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import {PRIORITIES} from '../api/contract';
import type {Task} from '../api/contract';
import {priorityMessages} from '../tasks/taskRow';

import {CaseEditor, SelectEditor, TextareaEditor, TextEditor} from './inlineEditors';
import type {CaseDraft} from './inlineEditors';
import {InlineField} from './inlineField';
import {Markdown} from './markdown';

type FieldProps = {task: Task};

function None() {
  return <span className='baton-detail__state'><FormattedMessage id='baton.detail.none'/></span>;
}

export function TitleField({task, headingRef}: FieldProps & {headingRef: Ref<HTMLHeadingElement>}) {
  const intl = useIntl();
  const label = intl.formatMessage({id: 'baton.detail.title'});
  return (
    <InlineField
      task={task}
      field='title'
      name='title'
      label={label}
      read={(current) => current.title}
      toChanges={(title) => ({title})}
      renderEditor={(props) => <TextEditor {...props}/>}
      renderView={(edit) => (
        <h3
          className='baton-detail__title baton-detail__title--editable'
          id='baton-detail-heading'
          ref={headingRef}
          tabIndex={0}
          title={intl.formatMessage({id: 'baton.detail.title.hint'})}
          onClick={edit}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === 'F2') {
              event.preventDefault();
              edit();
            }
          }}
        >
          <span className='baton-detail__key'>{task.key}</span>
          {' '}
          <span>{task.title}</span>
        </h3>
      )}
    />
  );
}

export function PriorityField({task}: FieldProps) {
  const intl = useIntl();
  const options = PRIORITIES.map((value) => ({value, label: intl.formatMessage(priorityMessages[value])}));
  return (
    <InlineField<string>
      task={task}
      field='priority'
      name='priority'
      label={intl.formatMessage({id: 'baton.tasks.filter.priority'})}
      read={(current) => current.priority}
      toChanges={(priority) => ({priority: priority as Task['priority']})}
      renderEditor={(props) => (
        <SelectEditor
          {...props}
          options={options}
        />
      )}
    >
      <span className={`baton-detail__priority baton-detail__priority--${task.priority}`}>{intl.formatMessage(priorityMessages[task.priority])}</span>
    </InlineField>
  );
}

/** Labels as typed: separated by commas, blanks dropped. */
export function parseLabels(text: string): string[] {
  return text.split(/[,、，]/).map((label) => label.trim()).filter((label) => label !== '');
}

export function LabelsField({task}: FieldProps) {
  const intl = useIntl();
  return (
    <InlineField
      task={task}
      field='labels'
      name='labels'
      label={intl.formatMessage({id: 'baton.detail.labels'})}
      read={(current) => current.labels.join(', ')}
      toChanges={(text) => ({labels: parseLabels(text)})}
      renderEditor={(props) => <TextEditor {...props}/>}
    >
      {task.labels.length > 0 ? (
        <ul className='baton-detail__labels'>
          {task.labels.map((label) => <li key={label}>{label}</li>)}
        </ul>
      ) : <None/>}
    </InlineField>
  );
}

export function StartDateField({task}: FieldProps) {
  const intl = useIntl();
  return (
    <InlineField
      task={task}
      field='startDate'
      name='start-date'
      label={intl.formatMessage({id: 'baton.detail.start_date'})}
      read={(current) => current.startDate ?? ''}
      toChanges={(date) => ({startDate: date === '' ? null : date})}
      renderEditor={(props) => (
        <TextEditor
          {...props}
          type='date'
        />
      )}
      {...(task.startDate ? {clear: {startDate: null}} : {})}
    >
      {task.startDate ? <time dateTime={task.startDate}>{task.startDate}</time> : <None/>}
    </InlineField>
  );
}

export function CaseField({task}: FieldProps) {
  const intl = useIntl();
  const {caseRef} = task;
  return (
    <InlineField<CaseDraft>
      task={task}
      field='caseRef'
      name='case'
      label={intl.formatMessage({id: 'baton.detail.case.id'})}
      read={(current) => ({id: current.caseRef?.id ?? '', url: current.caseRef?.url ?? ''})}
      toChanges={({id, url}) => ({caseRef: id.trim() === '' && url.trim() === '' ? null : {id, url: url.trim()}})}
      renderEditor={(props) => <CaseEditor {...props}/>}
      {...(caseRef ? {clear: {caseRef: null}} : {})}
    >
      {caseRef === null ? <None/> : caseRef.url ? (
        <a
          className='baton-detail__case'
          href={caseRef.url}
          target='_blank'
          rel='noopener noreferrer'
        >
          {caseRef.id}
        </a>
      ) : caseRef.id}
    </InlineField>
  );
}

export function DescriptionField({task}: FieldProps) {
  const intl = useIntl();
  return (
    <section
      className='baton-detail__section'
      aria-labelledby='baton-detail-description'
    >
      <h4
        className='baton-detail__section-title'
        id='baton-detail-description'
      >
        <FormattedMessage id='baton.detail.description'/>
      </h4>
      <InlineField
        task={task}
        field='description'
        name='description'
        label={intl.formatMessage({id: 'baton.detail.description.edit'})}
        read={(current) => current.description}
        toChanges={(description) => ({description})}
        renderEditor={(props) => <TextareaEditor {...props}/>}
        multiline={true}
      >
        {task.description.trim() === '' ? <None/> : (
          <Markdown
            className='baton-detail__description'
            text={task.description}
          />
        )}
      </InlineField>
    </section>
  );
}
