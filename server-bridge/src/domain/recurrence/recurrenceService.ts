import {randomUUID} from 'node:crypto';
import {describeZodIssues} from '../../contract/errors';
import {type RecurrenceCreate, type RecurrenceScheduleInput, type RecurringRunTemplate, type RecurringTaskTemplate, recurringRunTemplateSchema, recurringTaskTemplateSchema} from '../../contract/recurrence';
import {AppError, errors} from '../../errors';
import type {BusinessCalendar} from '../calendar/businessCalendar';
import {localDateOf} from '../calendar/localTime';
import {type RecurrenceSchedule, describeScheduleIssues, nextOccurrence, recurrenceSchema} from '../calendar/recurrence';
import type {ChannelAccess, Clock} from '../tasks/ports';
import type {Caller} from '../tasks/task';
import type {WorkflowService} from '../workflows/workflowService';
import type {Recurrence, RecurrenceChanges, RecurrenceKind, RecurrenceReads, RecurrenceStore, RecurrenceTemplate} from './ports';

// Recurring tasks and workflow runs: created, listed, paused, resumed, edited
// and deleted by members of the recurrence's channel; guests are refused (an
// occurrence acts as its creator for as long as the recurrence lives). Every
// problem names its field: schedule.rule, template.holderId,
// template.runStart.roles.attorney. The scheduler job creates the occurrences.

/** A schedule as the route passes it on: the zone is resolved, the start may be left to today. */
export type ScheduleInput = RecurrenceScheduleInput & {timeZone: string};

export type RecurrenceInput = RecurrenceCreate & {schedule: ScheduleInput};

export interface RecurrenceEdit {
  paused?: boolean;
  schedule?: ScheduleInput;
  /** The whole template, checked against the recurrence's kind. */
  template?: unknown;
}

export interface RecurrenceServiceDeps {
  store: RecurrenceStore;
  access: ChannelAccess;
  clock: Clock;
  calendar: BusinessCalendar;
  /** Checks a recurring run's template and roles when the recurrence is made or edited. */
  runs: Pick<WorkflowService, 'checkRunStart'>;
  newId?: () => string;
}

export type RecurrenceService = ReturnType<typeof createRecurrenceService>;

export function createRecurrenceService({store, access, clock, calendar, runs, newId = randomUUID}: RecurrenceServiceDeps) {
  function refuseGuests(caller: Caller): void {
    if (caller.guest) throw errors.forbidden('recurrence_guest', 'Guests cannot use recurring tasks or runs.');
  }

  /** The recurrence if the caller may see it: a member of its channel; otherwise "not found". */
  async function visible(reads: RecurrenceReads, caller: Caller, id: string): Promise<Recurrence> {
    refuseGuests(caller);
    const recurrence = await reads.findRecurrence(id);
    if (!recurrence || !(await access.isMember(caller.userId, recurrence.channelId))) throw errors.notFound(`Recurrence ${id}`);
    return recurrence;
  }

  /** The calendar module's checks, with each field named under `schedule.`; a schedule must still have an occurrence to come. */
  function checkedSchedule(input: ScheduleInput, now: Date): {schedule: RecurrenceSchedule; nextDueAt: Date} {
    const candidate = {...input, start: input.start ?? localDateOf(now, input.timeZone)};
    if (candidate.until === undefined) delete candidate.until;
    const result = recurrenceSchema.safeParse(candidate);
    if (!result.success) throw errors.invalidRequest(describeScheduleIssues(result.error).map(({field, message}) => ({field: under('schedule', field), message})));
    const next = nextOccurrence(result.data, calendar, now);
    if (!next) {
      throw errors.invalid('recurrence_ended', 'The schedule has no occurrence after now; check its start, until and COUNT.', {field: 'schedule', allowed: 'a schedule with an occurrence still to come'});
    }
    return {schedule: result.data, nextDueAt: next.at};
  }

  /** People in the template must belong to the channel; a workflow template is stored by id (renaming it changes nothing). */
  async function checkedTemplate(caller: Caller, kind: RecurrenceKind, channelId: string, template: RecurrenceTemplate): Promise<RecurrenceTemplate> {
    if (kind === 'task') {
      const task = template as RecurringTaskTemplate;
      if (task.holderId && !(await access.isMember(task.holderId, channelId))) {
        throw errors.invalid('holder', 'The holder must be a member of the recurrence’s channel.', {field: 'template.holderId'});
      }
      return task;
    }
    const run = template as RecurringRunTemplate;
    try {
      const workflow = await runs.checkRunStart(caller, run.templateRef, {channelId, roles: run.runStart.roles, deadlines: []});
      return {...run, templateRef: workflow.id};
    } catch (error) {
      throw asTemplateProblem(error, run.templateRef);
    }
  }

  return {
    async create(caller: Caller, input: RecurrenceInput): Promise<Recurrence> {
      refuseGuests(caller);
      if (!(await access.isMember(caller.userId, input.channelId))) throw errors.forbidden('channel', 'You can set up recurring work only in channels you are a member of.');
      const now = clock.now();
      const {schedule, nextDueAt} = checkedSchedule(input.schedule, now);
      const template = await checkedTemplate(caller, input.kind, input.channelId, input.template);
      const common = {id: newId(), channelId: input.channelId, createdBy: caller.userId, schedule, nextDueAt, paused: false, version: 1, lastProblem: null, createdAt: now, updatedAt: now};
      const recurrence: Recurrence = input.kind === 'task' ? {...common, kind: 'task', template: template as RecurringTaskTemplate} : {...common, kind: 'workflow_run', template: template as RecurringRunTemplate};
      await store.transaction(async (tx) => {
        await tx.recurrences.insertRecurrence(recurrence);
        await tx.audit.record({at: now, actor: caller, action: 'recurrence.created', entity: {type: 'recurrence', id: recurrence.id}, before: null, after: recurrence});
      });
      return recurrence;
    },

    /** Recurrences of the caller's channels (or of one of them), oldest first. */
    async list(caller: Caller, filter: {channelId?: string} = {}): Promise<Recurrence[]> {
      refuseGuests(caller);
      const channelIds = filter.channelId
        ? (await access.isMember(caller.userId, filter.channelId))
          ? [filter.channelId]
          : []
        : await access.memberChannelIds(caller.userId);
      return store.listRecurrences(channelIds);
    },

    async get(caller: Caller, id: string): Promise<Recurrence> {
      return visible(store, caller, id);
    },

    /**
     * Pauses, resumes, or replaces the schedule or template. A new schedule,
     * or resuming, starts from the next occurrence after now: what was missed
     * while paused is not made up. An edit clears the last problem.
     */
    async update(caller: Caller, id: string, edit: RecurrenceEdit): Promise<Recurrence> {
      const current = await visible(store, caller, id);
      const now = clock.now();
      // Checked before the transaction: the checks may ask Mattermost, which a transaction must not wait on.
      const rescheduled = edit.schedule ? checkedSchedule(edit.schedule, now) : undefined;
      const template = edit.template === undefined ? undefined : await checkedTemplate(caller, current.kind, current.channelId, parsedTemplate(current.kind, edit.template));
      const paused = edit.paused ?? current.paused;
      const resumed = current.paused && !paused;
      const changes: RecurrenceChanges = {updatedAt: now, paused};
      if (rescheduled) Object.assign(changes, rescheduled);
      else if (resumed) changes.nextDueAt = nextOccurrence(current.schedule, calendar, now)?.at ?? null;
      if (template) changes.template = template;
      if (rescheduled || template || resumed) changes.lastProblem = null;
      return store.transaction(async (tx) => {
        if (!(await tx.recurrences.updateRecurrence(id, changes))) throw errors.notFound(`Recurrence ${id}`);
        const updated = await tx.recurrences.findRecurrence(id);
        if (!updated) throw errors.notFound(`Recurrence ${id}`);
        await tx.audit.record({at: now, actor: caller, action: 'recurrence.updated', entity: {type: 'recurrence', id}, before: current, after: updated});
        return updated;
      });
    },

    /** Stops it for good; the tasks and runs it created stay. */
    async remove(caller: Caller, id: string): Promise<void> {
      const current = await visible(store, caller, id);
      await store.transaction(async (tx) => {
        await tx.recurrences.deleteRecurrence(id);
        await tx.audit.record({at: clock.now(), actor: caller, action: 'recurrence.deleted', entity: {type: 'recurrence', id}, before: current, after: null});
      });
    },
  };
}

/** A field of a part of the input, e.g. schedule.rule; the part itself when the whole is wrong. */
function under(part: string, field: string): string {
  return field === part ? part : `${part}.${field}`;
}

function parsedTemplate(kind: RecurrenceKind, template: unknown): RecurrenceTemplate {
  const result = kind === 'task' ? recurringTaskTemplateSchema.safeParse(template) : recurringRunTemplateSchema.safeParse(template);
  if (!result.success) throw errors.invalidRequest(describeZodIssues(result.error, 'template').map(({field, message}) => ({field: under('template', field), message})));
  return result.data;
}

/** The workflow service's answers, phrased for the recurrence's template: fields under template.runStart, an unknown template as a bad templateRef. */
function asTemplateProblem(error: unknown, templateRef: string): unknown {
  if (!(error instanceof AppError)) return error;
  if (error.status === 404) return errors.invalid('recurrence_template', `No workflow template ${templateRef}.`, {field: 'template.templateRef', allowed: 'the id or name of a workflow template'});
  const issues = error.details.issues as Array<{field: string; message: string}> | undefined;
  if (!issues) return error;
  return errors.invalidRequest(issues.map(({field, message}) => ({field: field.startsWith('roles.') ? `template.runStart.${field}` : field, message})));
}
