import type {DigestSection} from '../notices/ports';
import type {BusinessCalendar} from '../calendar/businessCalendar';
import {type CalendarDate, toDayNumber} from '../calendar/calendarDate';
import type {Deadline, Task} from '../tasks/task';
import {deadlineDays} from './localSchedule';

// What a digest lists, decided when it is made: each task once, in its most
// urgent section, named by the deadline that put it there. The notice keeps
// only ids; it is written with the tasks as they are at delivery.

/** Per section; the digest says how many more there are. Keeps a post well under Mattermost's 16,383 characters. */
export const DIGEST_ITEMS_PER_SECTION = 15;

type DatedSection = 'overdue' | 'due_today' | 'due_soon' | 'due_this_week';
const URGENCY: Record<DatedSection, number> = {overdue: 0, due_today: 1, due_soon: 2, due_this_week: 2};

export interface DigestReader {
  timeZone: string;
  now: Date;
  calendar: BusinessCalendar;
}

/** The daily digest: overdue, due today, due within `dueSoonDays` business days, and what the reader waits on. */
export function dailySections(input: {held: Task[]; waiting: Task[]; dueSoonDays: number; reader: DigestReader}): DigestSection[] {
  const {dueSoonDays, reader} = input;
  const placed = placeByDeadline(input.held, reader, (deadline) => {
    const {due, today} = deadlineDays(deadline, reader.timeZone, reader.now);
    if (due === today) return 'due_today';
    // N business days never span more than 2N + 30 calendar days (weekends, Golden Week, a year-end closure): skip counting for the rest.
    if (due < today || toDayNumber(due) - toDayNumber(today) > 2 * dueSoonDays + 30) return null;
    return dueSoonDays > 0 && reader.calendar.businessDaysBetween(today, due) <= dueSoonDays ? 'due_soon' : null;
  });
  return [section('overdue', placed), section('due_today', placed), section('due_soon', placed), waitingSection(input.waiting)];
}

/** The weekly summary: overdue, due by the end of the reader's week (Sunday), waiting, and what they finished since `doneSince`. */
export function weeklySections(input: {held: Task[]; waiting: Task[]; closed: Task[]; weekEnds: CalendarDate; doneSince: Date; reader: DigestReader}): DigestSection[] {
  const {reader, weekEnds} = input;
  const placed = placeByDeadline(input.held, reader, (deadline) => (deadlineDays(deadline, reader.timeZone, reader.now).due <= weekEnds ? 'due_this_week' : null));
  const done = input.closed
    .filter((task) => task.closedAt !== null && task.closedAt.getTime() >= input.doneSince.getTime())
    .sort((a, b) => (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0));
  return [
    section('overdue', placed),
    section('due_this_week', placed),
    waitingSection(input.waiting),
    {name: 'done_last_week', items: done.slice(0, DIGEST_ITEMS_PER_SECTION).map((task) => ({taskId: task.id, deadlineKind: null})), total: done.length},
  ];
}

/** Whether a digest would say anything at all; an empty one is not sent. */
export function hasNews(sections: DigestSection[]): boolean {
  return sections.some((part) => part.total > 0);
}

interface Placement {
  section: DatedSection;
  task: Task;
  deadline: Deadline;
}

/** Each task's most urgent deadline decides its section; overdue beats everything (it is past, whatever day it is). */
function placeByDeadline(tasks: Task[], reader: DigestReader, sectionOf: (deadline: Deadline) => DatedSection | null): Placement[] {
  const placed: Placement[] = [];
  for (const task of tasks) {
    let best: Placement | undefined;
    for (const deadline of task.deadlines) {
      const chosen = deadline.dueAt.getTime() < reader.now.getTime() ? 'overdue' : sectionOf(deadline);
      if (!chosen) continue;
      const candidate = {section: chosen, task, deadline};
      if (!best || moreUrgent(candidate, best)) best = candidate;
    }
    if (best) placed.push(best);
  }
  return placed;
}

function moreUrgent(a: Placement, b: Placement): boolean {
  if (URGENCY[a.section] !== URGENCY[b.section]) return URGENCY[a.section] < URGENCY[b.section];
  // Overdue: the longest overdue shows first; otherwise the soonest. The legal deadline wins a tie.
  if (a.deadline.dueAt.getTime() !== b.deadline.dueAt.getTime()) return a.deadline.dueAt.getTime() < b.deadline.dueAt.getTime();
  return a.deadline.kind === 'legal' && b.deadline.kind !== 'legal';
}

function section(name: DatedSection, placed: Placement[]): DigestSection {
  const mine = placed
    .filter((placement) => placement.section === name)
    .sort((a, b) => a.deadline.dueAt.getTime() - b.deadline.dueAt.getTime() || a.task.key.localeCompare(b.task.key));
  return {name, items: mine.slice(0, DIGEST_ITEMS_PER_SECTION).map(({task, deadline}) => ({taskId: task.id, deadlineKind: deadline.kind})), total: mine.length};
}

/** Handed off and not accepted yet, the longest waiting first. */
function waitingSection(waiting: Task[]): DigestSection {
  const sorted = [...waiting].sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime());
  return {name: 'waiting', items: sorted.slice(0, DIGEST_ITEMS_PER_SECTION).map((task) => ({taskId: task.id, deadlineKind: null})), total: sorted.length};
}
