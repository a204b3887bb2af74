import type {BusinessCalendar} from '../calendar/businessCalendar';
import {addDays} from '../calendar/calendarDate';
import {instantOf} from '../calendar/localTime';
import type {DigestNotice, OutboxWriter} from '../notices/ports';
import type {ScheduledJob} from '../scheduling/job';
import {dailySections, hasNews, weeklySections, type DigestReader} from './digestSections';
import {listAsViewer, type PersonalListing} from './listAsViewer';
import {isFirstBusinessDayOfWeek, isoWeekBounds, isoWeekOf, sendSlot, usableZone} from './localSchedule';
import {partialFailure} from './partialFailure';
import type {ReminderPeople, ReminderReads} from './ports';
import {type UserSettings, type UserSettingsStore, withDefaults} from './userSettings';

// The daily digest and the weekly summary. Each tick, for everyone who may
// get one: once it is their digest time on a business day in their time
// zone, one notice per person per local date (`digest:<user>:<date>`) and,
// on the week's first business day, one per ISO week
// (`weekly:<user>:<week>`). The keys make it exactly once across replicas
// and restarts; tying them to the local date makes a digest missed while the
// bridge was down arrive later that day, never on the next.

export interface DigestJobDeps extends PersonalListing {
  reads: Pick<ReminderReads, 'digestRecipients' | 'enqueuedKeys'>;
  settings: Pick<UserSettingsStore, 'findMany'>;
  people: ReminderPeople;
  /** Outside any task transaction: each notice commits on its own. */
  outbox: OutboxWriter;
  calendar: BusinessCalendar;
  /** After notices were enqueued, e.g. to wake the delivery worker. */
  onEnqueued?: () => void;
}

interface Planned {
  userId: string;
  period: DigestNotice['period'];
  key: string;
  date: string;
  zone: string;
  settings: UserSettings;
}

export function createDigestJob(deps: DigestJobDeps): ScheduledJob {
  const {calendar} = deps;
  // Digests found empty today, so they are not rebuilt every tick until
  // midnight. Per process (a restart looks once more) and only saves work:
  // exactly-once comes from the outbox keys.
  const nothingToSay = new Set<string>();
  let memoDay = '';

  async function plan(userId: string, stored: UserSettings, now: Date): Promise<Planned[]> {
    if (!stored.digestEnabled && !stored.weeklySummary) return [];
    const zone = usableZone(await deps.people.timeZone(userId));
    const slot = sendSlot(now, zone, stored.digestTime, calendar);
    if (!slot.due) return [];
    const base = {userId, date: slot.date, zone, settings: stored};
    return [
      ...(stored.digestEnabled ? [{...base, period: 'daily' as const, key: `digest:${userId}:${slot.date}`}] : []),
      ...(stored.weeklySummary && isFirstBusinessDayOfWeek(slot.date, calendar) ? [{...base, period: 'weekly' as const, key: `weekly:${userId}:${isoWeekOf(slot.date)}`}] : []),
    ];
  }

  async function build(planned: Planned, now: Date): Promise<DigestNotice> {
    const {userId, date, zone, settings} = planned;
    const reader: DigestReader = {timeZone: zone, now, calendar};
    const open = {statusCategory: 'open' as const};
    const waiting = await listAsViewer(deps, userId, {...open, handedById: userId, accepted: false}, now);
    const notice = {kind: 'digest' as const, userId, period: planned.period, date, dueSoonDays: settings.dueSoonDays};
    if (planned.period === 'daily') {
      // Two days past the horizon covers every time zone's end of that day.
      const horizon = instantOf(addDays(calendar.addBusinessDays(date, settings.dueSoonDays), 2), '00:00', 'UTC');
      const held = await listAsViewer(deps, userId, {...open, holderId: userId, dueBefore: horizon}, now);
      return {...notice, sections: dailySections({held, waiting, dueSoonDays: settings.dueSoonDays, reader})};
    }
    const {monday, sunday} = isoWeekBounds(date);
    const held = await listAsViewer(deps, userId, {...open, holderId: userId, dueBefore: instantOf(addDays(sunday, 2), '00:00', 'UTC')}, now);
    // Closing a task updates it, so the most recently updated closed tasks include every one closed since last Monday.
    const closed = await listAsViewer(deps, userId, {holderId: userId, statusCategory: 'closed'}, now, {by: 'updatedAt', dueKind: null, descending: true}, 200);
    const doneSince = instantOf(addDays(monday, -7), '00:00', zone);
    return {...notice, sections: weeklySections({held, waiting, closed, weekEnds: sunday, doneSince, reader})};
  }

  return {
    name: 'digests',
    async run(now) {
      const utcDay = now.toISOString().slice(0, 10);
      if (utcDay !== memoDay) {
        nothingToSay.clear();
        memoDay = utcDay;
      }
      const recipients = await deps.reads.digestRecipients();
      const stored = await deps.settings.findMany(recipients);
      const failures: unknown[] = [];
      const planned: Planned[] = [];
      for (const userId of recipients) {
        try {
          planned.push(...(await plan(userId, withDefaults(userId, stored.get(userId)), now)));
        } catch (error) {
          failures.push(error);
        }
      }
      const candidates = planned.filter((item) => !nothingToSay.has(item.key));
      const enqueued = await deps.reads.enqueuedKeys(candidates.map((item) => item.key));
      let sent = 0;
      for (const item of candidates.filter((candidate) => !enqueued.has(candidate.key))) {
        try {
          const notice = await build(item, now);
          if (!hasNews(notice.sections)) {
            nothingToSay.add(item.key);
            continue;
          }
          await deps.outbox.enqueue({...notice, idempotencyKey: item.key});
          sent += 1;
        } catch (error) {
          failures.push(error);
        }
      }
      if (sent > 0) deps.onEnqueued?.();
      if (failures.length > 0) throw partialFailure('digests', failures, recipients.length);
    },
  };
}

