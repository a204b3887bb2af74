// The board's moves as one hook: a card dropped on a column or moved with
// Alt+Arrow changes status at once (boardMove.ts), is announced, and stays
// on the board even when it leaves the list's filters (`movedIds`: Done under
// the default "open" filter). A refusal puts it back and says why; a card
// moved from the keyboard keeps focus in whichever column it ends up in.
import {useEffect, useRef, useState} from 'react';
import type {DragEvent, RefObject} from 'react';
import {useIntl} from 'react-intl';

import type {BridgeApi} from '../api/bridgeApi';
import type {Task} from '../api/contract';
import type {HostStore} from '../plugin/hostTypes';
import type {RequestFailure} from '../tasks/tasksSlice';

import {neighbourStatus} from './boardColumns';
import type {BoardColumn, BoardStatus} from './boardColumns';
import {moveTask} from './boardMove';

export type MoveFailure = {key: string; failure: RequestFailure};

export type BoardMoves = {
  movedIds: string[];
  pending: ReadonlySet<string>;
  failure: MoveFailure | null;
  announcement: string;
  dropTarget: string | null;
  setDropTarget: (update: (current: string | null) => string | null) => void;
  /** Moves the card one column left or right among `columns` (the ones shown). */
  onKeyMove: (task: Task, step: -1 | 1, columns: readonly BoardColumn[]) => void;
  onDragStart: (taskId: string, event: DragEvent<HTMLButtonElement>) => void;
  onDragEnd: () => void;
  onDrop: (status: BoardStatus, event: DragEvent<HTMLElement>) => void;
};

export type BoardMovesDeps = {
  store: Pick<HostStore, 'dispatch'>;
  api: Pick<BridgeApi, 'transition'>;
  entities: Readonly<Record<string, Task>>;
  statusName: (status: BoardStatus) => string;
  /** The board's element: where a keyboard-moved card is found again. */
  board: RefObject<HTMLElement>;
};

export function useBoardMoves({store, api, entities, statusName, board}: BoardMovesDeps): BoardMoves {
  const intl = useIntl();
  const [movedIds, setMovedIds] = useState<string[]>([]);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<MoveFailure | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const dragged = useRef<string | null>(null);
  const focusAfterMove = useRef<string | null>(null);

  // After each render: the card is in its new (or, refused, its old) column by now.
  useEffect(() => {
    const id = focusAfterMove.current;
    if (id && board.current) {
      [...board.current.querySelectorAll<HTMLElement>('[data-task-id]')].find((card) => card.dataset.taskId === id)?.focus();
      focusAfterMove.current = null;
    }
  });

  const move = async (task: Task, status: BoardStatus, fromKeyboard: boolean) => {
    if (task.status.id === status.id || pending.has(task.id)) {
      return;
    }
    setFailure(null);
    setMovedIds((ids) => (ids.includes(task.id) ? ids : [...ids, task.id]));
    setPending((ids) => new Set([...ids, task.id]));
    setAnnouncement(intl.formatMessage({id: 'baton.board.moved'}, {key: task.key, status: statusName(status)}));
    const result = await moveTask(task, status, {store, api});
    setPending((ids) => new Set([...ids].filter((id) => id !== task.id)));
    if (!result.ok) {
      // The card goes back to its column; focus follows it when the keyboard moved it.
      focusAfterMove.current = fromKeyboard ? task.id : null;
      setFailure({key: task.key, failure: result.failure});
      setAnnouncement('');
    }
  };

  const onDragEnd = () => {
    dragged.current = null;
    setDropTarget(null);
  };

  return {
    movedIds,
    pending,
    failure,
    announcement,
    dropTarget,
    setDropTarget,
    onKeyMove: (task, step, columns) => {
      const status = neighbourStatus(columns, task.status.id, step);
      if (status) {
        focusAfterMove.current = task.id;
        void move(task, status, true);
      }
    },
    onDragStart: (taskId, event) => {
      dragged.current = taskId;
      // jsdom and some hosts give no dataTransfer; the id is kept in the ref either way.
      const transfer = event.dataTransfer as DataTransfer | null | undefined;
      transfer?.setData('text/plain', taskId);
      if (transfer) {
        transfer.effectAllowed = 'move';
      }
    },
    onDragEnd,
    onDrop: (status, event) => {
      event.preventDefault();
      const task = dragged.current ? entities[dragged.current] : undefined;
      onDragEnd();
      if (task) {
        void move(task, status, false);
      }
    },
  };
}
