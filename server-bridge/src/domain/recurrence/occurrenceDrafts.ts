import {TITLE_MAX} from '../../contract/fields';
import type {RecurringDeadline, RecurringRunTemplate, RecurringTaskTemplate} from '../../contract/recurrence';
import type {BusinessCalendar} from '../calendar/businessCalendar';
import type {Occurrence, RecurrenceSchedule} from '../calendar/recurrence';
import type {Deadline, TaskDraft} from '../tasks/task';
import {stepDeadlines} from '../workflows/stepDeadlines';
import type {RunStart} from '../workflows/workflowService';

// What one occurrence creates, from the recurrence's template: the task draft
// or the run start, with deadlines counted in business days from the day the
// occurrence happens on (after any shift), read in the schedule's zone.

/** Deadlines "+N business days" from the occurrence's day, due at the end of that day; +0 on a day off is the next business day, as for workflow steps. */
export function occurrenceDeadlines(rules: RecurringDeadline[], occurrence: Occurrence, schedule: RecurrenceSchedule, calendar: BusinessCalendar): Deadline[] {
  const asStepRules = rules.map((rule) => ({kind: rule.kind, from: 'step_start' as const, businessDays: rule.businessDays}));
  return stepDeadlines(asStepRules, {startedAt: occurrence.at, timeZone: schedule.timeZone, calendar, runDeadlines: []});
}

/** `{date}` becomes the occurrence's date, so a channel's weekly tasks can be told apart. */
export function datedTitle(title: string, occurrence: Occurrence): string {
  return title.replaceAll('{date}', occurrence.date).slice(0, TITLE_MAX);
}

/** The new task, without its holder: the holder receives it by a handoff from the creator, so they are told. */
export function taskDraftFor(template: RecurringTaskTemplate, channelId: string, occurrence: Occurrence, deadlines: Deadline[]): TaskDraft {
  return {
    channelId,
    title: datedTitle(template.title, occurrence),
    description: template.description,
    priority: template.priority,
    startDate: occurrence.date,
    deadlines,
    ...(template.labels ? {labels: template.labels} : {}),
    ...(template.caseRef ? {caseRef: template.caseRef} : {}),
    ...(template.watcherIds ? {watcherIds: template.watcherIds} : {}),
  };
}

/** How the run starts; without a title of its own it is named after its template, case and date. */
export function runStartFor(template: RecurringRunTemplate, channelId: string, occurrence: Occurrence, deadlines: Deadline[], templateName: string): RunStart {
  const {runStart} = template;
  const defaultTitle = `${templateName}${runStart.caseRef ? `: ${runStart.caseRef.id}` : ''} (${occurrence.date})`;
  return {
    channelId,
    roles: runStart.roles,
    deadlines,
    title: runStart.title ? datedTitle(runStart.title, occurrence) : defaultTitle.slice(0, TITLE_MAX),
    ...(runStart.caseRef ? {caseRef: runStart.caseRef} : {}),
    ...(runStart.comment ? {comment: runStart.comment} : {}),
  };
}
