import type {z} from 'zod';
import {caseId, description, labels, title} from '../contract/fields';
import type {TaskDraft} from '../domain/tasks/task';
import type {MessageId, Translate} from '../i18n/translate';
import {type DateInputContext, deadlineAt, parseDateInput} from './dateInput';
import {NEW_TASK_DEADLINE_KINDS, type NewTaskDeadlineKind} from './grammar';

// A new task as `/task new …` and the new-task dialog give it: text as typed,
// dates not yet read. Both check it the same way (the REST contract's field
// rules, dates through dateInput.ts) and say the first thing that is wrong,
// naming the field, so the command can answer with its usage and the dialog
// can show the message under the field.

export interface NewTaskFields {
  title: string;
  description?: string;
  holderId: string | null;
  /** As typed, by deadline kind; empty means none. */
  dates: Partial<Record<NewTaskDeadlineKind, string>>;
  labels: string[];
  caseId: string | null;
}

export type NewTaskField = 'title' | 'description' | 'labels' | 'case' | NewTaskDeadlineKind;

export type NewTaskCheck = {ok: true; draft: TaskDraft} | {ok: false; field: NewTaskField; message: string};

const checks = {title, description, labels, case: caseId};
const messages: Record<keyof typeof checks, MessageId> = {title: 'command.new.bad_title', description: 'command.new.bad_description', labels: 'command.new.bad_labels', case: 'command.new.bad_case'};

/** The task to create in `channelId`, or the first field that is wrong and why (in the caller's language). */
export function checkNewTask(fields: NewTaskFields, channelId: string, dates: DateInputContext, t: Translate): NewTaskCheck {
  // The case has no link here (the API's caseRef needs one): it goes into the title, as for workflow runs.
  const titled = fields.caseId ? `${fields.title.trim()}: ${fields.caseId.trim()}` : fields.title;
  // The case first: a long case id would otherwise be reported as a long title.
  const labelsOnce = withoutRepeats(fields.labels);
  const values: ReadonlyArray<readonly [keyof typeof checks, unknown]> = [...(fields.caseId !== null ? [['case', fields.caseId] as const] : []), ['title', titled], ['description', fields.description ?? ''], ['labels', labelsOnce]];
  for (const [field, value] of values) {
    if (!(checks[field] as z.ZodType).safeParse(value).success) return {ok: false, field, message: t(messages[field])};
  }
  const deadlines: NonNullable<TaskDraft['deadlines']> = [];
  for (const kind of NEW_TASK_DEADLINE_KINDS) {
    const typed = fields.dates[kind]?.trim();
    if (!typed) continue;
    const date = parseDateInput(typed, dates);
    if (!date) return {ok: false, field: kind, message: t('command.bad_date', {value: typed})};
    deadlines.push({kind, ...deadlineAt(date, dates.timeZone)});
  }
  return {
    ok: true,
    draft: {
      title: titled.trim(),
      ...(fields.description?.trim() ? {description: fields.description.trim()} : {}),
      channelId,
      holderId: fields.holderId,
      deadlines,
      labels: labelsOnce,
    },
  };
}

/** Labels are compared ignoring case (as the contract does): a repeated one is dropped, the first spelling kept. */
function withoutRepeats(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  return labels
    .map((label) => label.trim())
    .filter((label) => {
      const folded = label.normalize('NFKC').toLowerCase();
      if (label === '' || seen.has(folded)) return false;
      seen.add(folded);
      return true;
    });
}
