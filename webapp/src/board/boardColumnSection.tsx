// One column of the board: its heading (translated status name and count),
// then its cards, or "No tasks". The column is a drop target for dragged cards.
import React from 'react';
import type {DragEvent} from 'react';
import {FormattedMessage} from 'react-intl';

import {usernameIn} from '../mattermost/hostState';

import {BoardCard} from './boardCard';
import type {BoardCardProps} from './boardCard';
import type {BoardColumn, BoardStatus} from './boardColumns';

type CardHandlers = Pick<BoardCardProps, 'clock' | 'onSelect' | 'onKeyMove' | 'onDragStart' | 'onDragEnd'>;

export type BoardColumnSectionProps = CardHandlers & {
  column: BoardColumn;
  statusName: string;
  profiles: Readonly<Record<string, unknown>> | null;
  pending: ReadonlySet<string>;
  isTarget: boolean;
  onDragOver: (status: BoardStatus) => void;
  onDragLeave: (status: BoardStatus) => void;
  onDrop: (status: BoardStatus, event: DragEvent<HTMLElement>) => void;
};

export function BoardColumnSection({column, statusName, profiles, pending, isTarget, onDragOver, onDragLeave, onDrop, ...card}: BoardColumnSectionProps) {
  const {status, tasks} = column;
  const headingId = `baton-board-column-${status.id}`;
  return (
    <section
      className={`baton-board__column${isTarget ? ' baton-board__column--target' : ''}`}
      aria-labelledby={headingId}
      data-status-id={status.id}
      onDragOver={(event) => {
        event.preventDefault();
        onDragOver(status);
      }}
      onDragLeave={() => onDragLeave(status)}
      onDrop={(event) => onDrop(status, event)}
    >
      <h3
        className='baton-board__column-title'
        id={headingId}
      >
        {statusName}
        <span className='baton-tasks__bucket-count'>
          <FormattedMessage
            id='baton.board.column.count'
            values={{count: tasks.length}}
          />
        </span>
      </h3>
      {tasks.length === 0 ? (
        <p className='baton-board__column-empty'><FormattedMessage id='baton.board.column.empty'/></p>
      ) : (
        <ul
          className='baton-board__cards'
          aria-labelledby={headingId}
        >
          {tasks.map((task) => (
            <li key={task.id}>
              <BoardCard
                {...card}
                task={task}
                holderName={task.holderId ? usernameIn(profiles, task.holderId) : null}
                busy={pending.has(task.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
