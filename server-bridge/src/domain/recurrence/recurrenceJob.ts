import {AppError, errors} from '../../errors';
import type {BusinessCalendar} from '../calendar/businessCalendar';
import {type Occurrence, nextOccurrence, occurrencesBetween} from '../calendar/recurrence';
import type {ScheduledJob} from '../scheduling/job';
import type {ChannelAccess, TaskOperations} from '../tasks/ports';
import type {Caller} from '../tasks/task';
import type {WorkflowService} from '../workflows/workflowService';
import {occurrenceDeadlines, runStartFor, taskDraftFor} from './occurrenceDrafts';
import type {Recurrence, RecurrenceProblem, RecurrenceStore, RecurrenceTx} from './ports';

// The scheduler's side of recurring work. At `now` it takes the recurrences
// whose next occurrence is due and creates every occurrence since, each in
// its own transaction that also records the occurrence: the row's primary
// key (recurrence, occurrence date) is what makes each occurrence happen
// exactly once, whichever replica or restart gets there first. The
// recurrence row is locked for that transaction, so a pause or an edit
// either waits for it or is seen by it.
//
// Catch-up is bounded: after downtime, occurrences of the last CATCH_UP_DAYS
// days are created and older ones are skipped, so a bridge that was off for a
// month does not fill a channel with stale tasks.
//
// A deliberate refusal (the creator or holder left the channel, a role is no
// longer filled) skips that occurrence and is kept as the recurrence's
// lastProblem for its owners to see; any other failure (the database or
// Mattermost unreachable) leaves the occurrence due, so the next tick retries
// it until it falls out of the catch-up window.

/** How far back occurrences missed while the bridge was down are still created. */
export const CATCH_UP_DAYS = 7;
const CATCH_UP_MS = CATCH_UP_DAYS * 86_400_000;

/** Where the job reports what it could not do (pino's logger fits). */
export interface ProblemLog {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface RecurrenceJobDeps {
  store: RecurrenceStore;
  /** The task service's operations: occurrences are created as their recurrence's creator, inside the occurrence's transaction. */
  tasks: TaskOperations;
  runs: Pick<WorkflowService, 'checkRunStart' | 'startRunIn'>;
  access: ChannelAccess;
  calendar: BusinessCalendar;
  log?: ProblemLog;
  /** Recurrences handled per run; the rest wait for the next tick. */
  batchSize?: number;
}

type Attempt = 'created' | 'exists' | 'changed';

export function createRecurrenceJob({store, tasks, runs, access, calendar, log, batchSize = 100}: RecurrenceJobDeps): ScheduledJob {
  /** Locks the recurrence and takes the occurrence; 'changed' when it was edited, paused or deleted since it was read. */
  async function claim(tx: RecurrenceTx, recurrence: Recurrence, occurrence: Occurrence, now: Date): Promise<Attempt | 'claimed'> {
    const current = await tx.recurrences.lockRecurrence(recurrence.id);
    if (!current || current.paused || current.version !== recurrence.version) return 'changed';
    return (await tx.recurrences.claimOccurrence(recurrence.id, occurrence.occurrenceDate, now)) ? 'claimed' : 'exists';
  }

  async function createOccurrence(recurrence: Recurrence, occurrence: Occurrence, now: Date): Promise<Attempt> {
    // Made in the name of the recurrence's creator; the audit log says the scheduler did it.
    const creator: Caller = {userId: recurrence.createdBy, guest: false, via: {kind: 'scheduler', job: `recurrence:${recurrence.id}`}};
    // Checks that ask Mattermost come before the transaction, which must not wait on it.
    if (!(await access.isMember(creator.userId, recurrence.channelId))) {
      throw errors.forbidden('recurrence_creator', 'The recurrence’s creator is no longer a member of its channel; someone in the channel should set it up again.');
    }
    if (recurrence.kind === 'task') {
      const {template} = recurrence;
      const holderId = template.holderId ?? null;
      if (holderId && !(await access.isMember(holderId, recurrence.channelId))) {
        throw errors.invalid('holder', 'The holder is no longer a member of the channel; choose another holder.', {field: 'template.holderId'});
      }
      const draft = taskDraftFor(template, recurrence.channelId, occurrence, occurrenceDeadlines(template.deadlines, occurrence, recurrence.schedule, calendar));
      return store.transaction(async (tx) => {
        const claimed = await claim(tx, recurrence, occurrence, now);
        if (claimed !== 'claimed') return claimed;
        let task = await tasks.create(tx, creator, draft);
        // A handoff rather than a holder at creation: the holder is told the baton reached them.
        if (holderId) task = await tasks.handOff(tx, creator, task, {toUserId: holderId});
        await tx.recurrences.linkOccurrence(recurrence.id, occurrence.occurrenceDate, {taskId: task.id});
        return 'created';
      });
    }
    const {template} = recurrence;
    const deadlines = occurrenceDeadlines(template.runStart.deadlines, occurrence, recurrence.schedule, calendar);
    const workflow = await runs.checkRunStart(creator, template.templateRef, {channelId: recurrence.channelId, roles: template.runStart.roles, deadlines});
    const start = runStartFor(template, recurrence.channelId, occurrence, deadlines, workflow.name);
    return store.transaction(async (tx) => {
      const claimed = await claim(tx, recurrence, occurrence, now);
      if (claimed !== 'claimed') return claimed;
      const run = await runs.startRunIn(tx, creator, workflow, start);
      await tx.recurrences.linkOccurrence(recurrence.id, occurrence.occurrenceDate, {runId: run.id});
      return 'created';
    });
  }

  /** Every occurrence from the next due one (at most CATCH_UP_DAYS back) up to `now`, then the next one to wait for. */
  async function catchUp(recurrence: Recurrence, now: Date): Promise<void> {
    const from = new Date(Math.max(recurrence.nextDueAt?.getTime() ?? now.getTime(), now.getTime() - CATCH_UP_MS));
    // Half-open windows: an occurrence at exactly `now` is due now.
    const due = occurrencesBetween(recurrence.schedule, calendar, from, new Date(now.getTime() + 1));
    let nextDueAt = nextOccurrence(recurrence.schedule, calendar, now)?.at ?? null;
    let lastProblem: RecurrenceProblem | null | undefined;
    for (const occurrence of due) {
      let attempt: Attempt;
      try {
        attempt = await createOccurrence(recurrence, occurrence, now);
      } catch (error) {
        log?.warn({err: error, recurrenceId: recurrence.id, occurrenceDate: occurrence.occurrenceDate}, 'recurrence: occurrence not created');
        if (!(error instanceof AppError)) {
          nextDueAt = occurrence.at;
          break;
        }
        lastProblem = {occurrenceDate: occurrence.occurrenceDate, message: error.message, at: now};
        continue;
      }
      // Edited, paused or deleted meanwhile: its new state decides what comes next.
      if (attempt === 'changed') return;
      if (attempt === 'created') lastProblem = null;
    }
    await store.transaction((tx) => tx.recurrences.advanceRecurrence(recurrence.id, recurrence.version, {nextDueAt, ...(lastProblem !== undefined ? {lastProblem} : {})}));
  }

  return {
    name: 'recurrences',
    async run(now) {
      for (const recurrence of await store.dueRecurrences(now, batchSize)) {
        try {
          await catchUp(recurrence, now);
        } catch (error) {
          // E.g. a stored schedule the calendar no longer accepts: the others still run.
          log?.warn({err: error, recurrenceId: recurrence.id}, 'recurrence: could not catch up');
        }
      }
    },
  };
}
