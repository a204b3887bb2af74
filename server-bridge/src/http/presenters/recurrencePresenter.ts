import type {RecurrenceBody} from '../../contract/recurrence';
import type {Recurrence} from '../../domain/recurrence/ports';

// Recurrences → the JSON of the /api/v1 contract (the internal version stays inside).

export function presentRecurrence(recurrence: Recurrence): RecurrenceBody {
  const {schedule} = recurrence;
  const common = {
    id: recurrence.id,
    channelId: recurrence.channelId,
    createdBy: recurrence.createdBy,
    schedule: {rule: schedule.rule, start: schedule.start, time: schedule.time, timeZone: schedule.timeZone, shift: schedule.shift, ...(schedule.until ? {until: schedule.until} : {})},
    paused: recurrence.paused,
    nextDueAt: recurrence.nextDueAt?.toISOString() ?? null,
    lastProblem: recurrence.lastProblem ? {...recurrence.lastProblem, at: recurrence.lastProblem.at.toISOString()} : null,
    createdAt: recurrence.createdAt.toISOString(),
    updatedAt: recurrence.updatedAt.toISOString(),
  };
  return recurrence.kind === 'task' ? {...common, kind: 'task', template: recurrence.template} : {...common, kind: 'workflow_run', template: recurrence.template};
}
