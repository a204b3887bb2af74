import type {RecurringRunTemplate, RecurringTaskTemplate} from '../../contract/recurrence';
import type {RecurrenceSchedule} from '../calendar/recurrence';
import type {TaskTx} from '../tasks/ports';

// Recurring work as the recurrence service and the scheduler job see it, and
// what they need from storage. An occurrence is named by the date its rule
// named (before any shift to a business day); the store keeps one row per
// (recurrence, occurrence date), which is what makes "exactly once" hold.

export type RecurrenceKind = 'task' | 'workflow_run';

/** Why an occurrence was not created, for the recurrence's owners to read. */
export interface RecurrenceProblem {
  occurrenceDate: string;
  message: string;
  at: Date;
}

interface RecurrenceCommon {
  id: string;
  channelId: string;
  /** Creates every occurrence (and requests its runs). */
  createdBy: string;
  schedule: RecurrenceSchedule;
  /** The next occurrence not yet created; null once the schedule has ended. */
  nextDueAt: Date | null;
  paused: boolean;
  /** Bumped by every edit (not by the scheduler), so work in progress notices edits. */
  version: number;
  lastProblem: RecurrenceProblem | null;
  createdAt: Date;
  updatedAt: Date;
}

export type Recurrence =
  | (RecurrenceCommon & {kind: 'task'; template: RecurringTaskTemplate})
  /** `templateRef` is stored as the template's id, so renaming the template changes nothing. */
  | (RecurrenceCommon & {kind: 'workflow_run'; template: RecurringRunTemplate});

export type RecurrenceTemplate = Recurrence['template'];

/** What an edit may change; version and updatedAt move with every edit. */
export type RecurrenceChanges = Partial<Pick<RecurrenceCommon, 'schedule' | 'nextDueAt' | 'paused' | 'lastProblem'>> & {template?: RecurrenceTemplate; updatedAt: Date};

/** What an occurrence created. */
export type OccurrenceOutcome = {taskId: string} | {runId: string};

export interface RecurrenceReads {
  findRecurrence(id: string): Promise<Recurrence | undefined>;
  /** Of these channels, oldest first. */
  listRecurrences(channelIds: string[]): Promise<Recurrence[]>;
  /** Not paused, next occurrence at or before `now`; the longest-waiting first. */
  dueRecurrences(now: Date, limit: number): Promise<Recurrence[]>;
}

export interface RecurrenceWrites {
  insertRecurrence(recurrence: Recurrence): Promise<void>;
  /** Applies an edit and bumps the version; false when the recurrence is gone. */
  updateRecurrence(id: string, changes: RecurrenceChanges): Promise<boolean>;
  /** False when it was gone already. Occurrences go with it; their tasks and runs stay. */
  deleteRecurrence(id: string): Promise<boolean>;
  /**
   * Locks the recurrence until the transaction ends (edits, pauses and other
   * replicas wait), and says what it is now; undefined when it is gone.
   */
  lockRecurrence(id: string): Promise<{version: number; paused: boolean} | undefined>;
  /** Records the occurrence as taken; false when it was taken before (then nothing is to be created). */
  claimOccurrence(recurrenceId: string, occurrenceDate: string, at: Date): Promise<boolean>;
  /** Links a claimed occurrence to the task or run it created. */
  linkOccurrence(recurrenceId: string, occurrenceDate: string, outcome: OccurrenceOutcome): Promise<void>;
  /** The scheduler's bookkeeping, applied only while the recurrence is still at `version`. */
  advanceRecurrence(id: string, version: number, progress: {nextDueAt: Date | null; lastProblem?: RecurrenceProblem | null}): Promise<void>;
}

/** One transaction of the Baton store that can also change recurrences: an occurrence commits with its task or run. */
export type RecurrenceTx = TaskTx & {recurrences: RecurrenceReads & RecurrenceWrites};

export interface RecurrenceStore extends RecurrenceReads {
  transaction<T>(work: (tx: RecurrenceTx) => Promise<T>): Promise<T>;
}
