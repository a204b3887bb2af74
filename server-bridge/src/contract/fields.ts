import * as z from 'zod';
import {mustBe} from './messages';

// The field types the REST contract is built from. Each says in its message
// what it accepts; the same pattern becomes the JSON Schema `pattern` in the
// OpenAPI document, so clients can check before they send.

/** Mattermost ids: 26 characters of [a-z0-9] (server/public/model/utils.go NewId). */
const MATTERMOST_ID = /^[a-z0-9]{26}$/;

function mattermostId(what: 'user' | 'channel' | 'post') {
  const rule = mustBe(`a Mattermost ${what} id (26 lowercase letters and digits)`);
  return z.string(rule).regex(MATTERMOST_ID, rule);
}

export const userId = mattermostId('user');
export const channelId = mattermostId('channel');
export const postId = mattermostId('post');

/** `<PREFIX>-<n>`: the prefix rule of migration 0002 (task_key_sequences.prefix). */
export const TASK_KEY = /^[A-Z][A-Z0-9]{0,9}-[1-9][0-9]*$/;

export function isTaskKey(value: string): boolean {
  return TASK_KEY.test(value);
}

/** A task named by its id or by its key: path parameters and `parentId` accept both. */
export const taskRef = z
  .string(mustBe('a task id or a task key such as PAT-12'))
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, mustBe('a task id or a task key such as PAT-12'));

/** Ids the bridge makes (tasks, comments, events): opaque to clients. */
export const opaqueId = z.string(mustBe('an id given by the bridge')).min(1, mustBe('an id given by the bridge'));

// Statuses are rows (migration 0002), so channels may add their own ids.
const statusRule = mustBe('a status id such as open, in_progress or done');
export const statusId = z.string(statusRule).regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, statusRule);

export const statusCategory = z.enum(['open', 'closed'], mustBe('open or closed'));

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const priority = z.enum(PRIORITIES, mustBe(`one of ${PRIORITIES.join(', ')}`));

export const BUILT_IN_DEADLINE_KINDS = ['legal', 'customer', 'internal'] as const;
/** Same rule as the `task_deadlines.kind` check constraint. */
export const DEADLINE_KIND = /^[a-z][a-z0-9_]{0,31}$/;
const deadlineKindRule = mustBe('legal, customer, internal or a custom name: a lowercase letter, then up to 31 lowercase letters, digits or _');
export const deadlineKind = z.string(deadlineKindRule).regex(DEADLINE_KIND, deadlineKindRule);

/** What the bridge sends: always UTC, as `Date.prototype.toISOString` writes it. */
export const utcInstant = z.iso.datetime(mustBe('an ISO 8601 date-time in UTC such as 2025-03-31T08:00:00.000Z'));

/** `2025-03-31T17:00` names no instant until a time zone is known, so it is refused rather than guessed. */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/i;

export function isDateTimeWithoutOffset(value: unknown): boolean {
  return typeof value === 'string' && LOCAL_DATE_TIME.test(value);
}

export const MISSING_OFFSET_MESSAGE = 'must include a UTC offset or Z, e.g. 2025-03-31T17:00:00+09:00 (a date-time without an offset names no single moment)';

/** An instant sent by a client: an ISO 8601 date-time with `Z` or `±HH:MM`. */
export const instantWithOffset = z.iso.datetime({
  offset: true,
  error: (issue) => {
    if (isDateTimeWithoutOffset(issue.input)) return MISSING_OFFSET_MESSAGE;
    return issue.input === undefined
      ? 'is required (an ISO 8601 date-time with Z or an offset, e.g. 2025-03-31T17:00:00+09:00)'
      : 'must be an ISO 8601 date-time with Z or an offset, e.g. 2025-03-31T17:00:00+09:00';
  },
});

/** A calendar date without a time: start dates and all-day deadlines. */
export const localDate = z.iso.date(mustBe('a date YYYY-MM-DD such as 2025-03-31'));

const timeZoneRule = mustBe('an IANA time zone such as Asia/Tokyo, Europe/Moscow or UTC');

/** Whether the runtime's time zone database (ICU, in Node and every browser) knows the name. */
export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', {timeZone: name});
    return true;
  } catch {
    return false;
  }
}

// The pattern keeps offsets such as `+09:00` out: newer runtimes accept them
// as time zones, but they carry no daylight-saving rules.
export const timeZone = z
  .string(timeZoneRule)
  .regex(/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/, timeZoneRule)
  .refine(isKnownTimeZone, timeZoneRule);

export const TITLE_MAX = 200;
// Measured after leading and trailing spaces are removed.
const titleRule = mustBe(`1–${TITLE_MAX} characters`);
export const title = z.string(titleRule).trim().min(1, titleRule).max(TITLE_MAX, titleRule);

export const DESCRIPTION_MAX = 20_000;
const descriptionRule = mustBe(`markdown text of at most ${DESCRIPTION_MAX} characters`);
export const description = z.string(descriptionRule).max(DESCRIPTION_MAX, descriptionRule);

/** Comments attached to a handoff or a status change (a full comment has its own, larger limit). */
export const NOTE_MAX = 5_000;
const noteRule = mustBe(`markdown text of at most ${NOTE_MAX} characters`);
export const note = z.string(noteRule).max(NOTE_MAX, noteRule);

export const LABEL_MAX = 50;
export const LABELS_MAX = 20;
const labelRule = mustBe(`1–${LABEL_MAX} characters without commas`);
// Commas are refused because labels travel as comma lists in query strings and CSV.
export const label = z.string(labelRule).trim().min(1, labelRule).max(LABEL_MAX, labelRule).regex(/^[^,]*$/, labelRule);

const labelsRule = mustBe(`a list of at most ${LABELS_MAX} different labels`);
export const labels = z
  .array(label, labelsRule)
  .max(LABELS_MAX, labelsRule)
  .refine((list) => !hasDuplicates(list.map((item) => item.normalize('NFKC').toLowerCase())), {
    error: `must not repeat a label (labels are compared ignoring case)`,
  });

export function hasDuplicates(values: readonly string[]): boolean {
  return new Set(values).size !== values.length;
}

export const WATCHERS_MAX = 100;
const watcherIdsRule = mustBe(`a list of at most ${WATCHERS_MAX} different Mattermost user ids`);
export const watcherIds = z
  .array(userId, watcherIdsRule)
  .max(WATCHERS_MAX, watcherIdsRule)
  .refine((list) => !hasDuplicates(list), {error: 'must not repeat a user id'});

const caseIdRule = mustBe('1–100 characters');
export const caseId = z.string(caseIdRule).trim().min(1, caseIdRule).max(100, caseIdRule);

const caseUrlRule = mustBe('an http:// or https:// URL of at most 2000 characters');
export const caseUrl = z.url({protocol: /^https?$/, ...caseUrlRule}).max(2000, caseUrlRule);

/** Where the task came from in the firm's case system (an ERP or IP-management record). */
export const caseRefShape = {id: caseId, url: caseUrl};

const versionRule = mustBe('the version of the task you last read (an integer from 1)');
export const version = z.int(versionRule).min(1, versionRule);
