import type {Kysely} from 'kysely';
import type {BusinessCalendar} from '../domain/calendar/businessCalendar';
import {createDeadlineLadderJob} from '../domain/reminders/deadlineLadderJob';
import {createDigestJob} from '../domain/reminders/digestJob';
import type {ReminderPeople} from '../domain/reminders/ports';
import type {ScheduledJob} from '../domain/scheduling/job';
import type {ChannelAccess, Clock, TaskReads} from '../domain/tasks/ports';
import {createOutboxWriter} from '../storage/outboxRepository';
import {createReminderReads} from '../storage/reminderRepository';
import {createReminderSnoozeRepository} from '../storage/reminderSnoozeRepository';
import type {DatabaseSchema} from '../storage/schema';
import {createUserSettingsRepository} from '../storage/userSettingsRepository';

// The reminder jobs on the bridge's database: deadline reminders and the
// daily digest / weekly summary. Their notices go to the outbox and are
// written for each receiver at delivery (notices/noticeComposer.ts).

export interface ReminderJobsDeps {
  db: Kysely<DatabaseSchema>;
  /** Lists each person's tasks as they would see them. */
  tasks: Pick<TaskReads, 'listTasks'>;
  access: ChannelAccess;
  /** Mattermost time zones (mattermost/userPreferences.ts). */
  people: ReminderPeople;
  calendar: BusinessCalendar;
  clock: Clock;
  /** After a job enqueued notices: wake the delivery worker so they go out now, not at its next poll. */
  onEnqueued?: () => void;
}

export function createReminderJobs(deps: ReminderJobsDeps): ScheduledJob[] {
  const reads = createReminderReads(deps.db);
  const settings = createUserSettingsRepository(deps.db);
  const outbox = createOutboxWriter(deps.db, deps.clock);
  const shared = {reads, settings, people: deps.people, access: deps.access, outbox, calendar: deps.calendar, ...(deps.onEnqueued ? {onEnqueued: deps.onEnqueued} : {})};
  return [createDeadlineLadderJob({...shared, snoozes: createReminderSnoozeRepository(deps.db)}), createDigestJob({...shared, tasks: deps.tasks})];
}
