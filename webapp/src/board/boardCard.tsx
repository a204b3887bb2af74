// One card on the board: key, title, holder, nearest deadline (the legal one
// marked). The card is a button: Enter selects the task, Alt+ArrowLeft /
// Alt+ArrowRight move it a column, and it can be dragged onto another column.
import React from 'react';
import type {DragEvent, KeyboardEvent} from 'react';
import {useIntl} from 'react-intl';

import type {Task} from '../api/contract';
import type {ReaderClock} from '../tasks/deadlines';
import {shortId, TaskDeadlines} from '../tasks/taskRow';

/** The id of the hidden line every card points at (aria-describedby) for its keys. */
export const cardHelpId = 'baton-board-card-help';

export type BoardCardProps = {
  task: Task;
  holderName: string | null;
  clock: ReaderClock;
  busy: boolean;
  onSelect: (taskId: string) => void;
  onKeyMove: (task: Task, step: -1 | 1) => void;
  onDragStart: (taskId: string, event: DragEvent<HTMLButtonElement>) => void;
  onDragEnd: () => void;
};

export function BoardCard({task, holderName, clock, busy, onSelect, onKeyMove, onDragStart, onDragEnd}: BoardCardProps) {
  const intl = useIntl();
  const holder = holderName ? `@${holderName}` : task.holderId ? shortId(task.holderId) : intl.formatMessage({id: 'baton.tasks.holder.none'});
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = {ArrowLeft: -1 as const, ArrowRight: 1 as const}[event.key];
    if (!event.altKey || step === undefined) {
      return;
    }
    event.preventDefault();
    onKeyMove(task, step);
  };
  return (
    <button
      type='button'
      className={`baton-board__card baton-task-row--${task.priority}`}
      data-task-id={task.id}
      draggable={!busy}
      aria-busy={busy}
      aria-describedby={cardHelpId}
      aria-keyshortcuts='Alt+ArrowLeft Alt+ArrowRight'
      onClick={() => onSelect(task.id)}
      onKeyDown={onKeyDown}
      onDragStart={(event) => onDragStart(task.id, event)}
      onDragEnd={onDragEnd}
    >
      <span className='baton-board__card-line'>
        <span className='baton-task-row__key'>{task.key}</span>
        <span className='baton-board__card-title'>{task.title}</span>
      </span>
      <span className='baton-board__card-line baton-task-row__meta'>
        <span className='baton-task-row__holder'>{holder}</span>
        <TaskDeadlines
          task={task}
          clock={clock}
        />
      </span>
    </button>
  );
}
