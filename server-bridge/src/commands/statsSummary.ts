import {localDateOf} from '../domain/calendar/localTime';
import type {PersonStats, StatsPeriodName} from '../domain/stats/types';
import type {MessageId, Translate} from '../i18n/translate';
import {deadlineKindLabel} from '../notices/deadlineWording';

// A person's stats as a short markdown reply (for `/task stats`), in the
// reader's language. Pure: the figures and a translator in, text out.

export function formatStatsSummary(stats: PersonStats, t: Translate): string {
  const {period} = stats;
  const range = `${localDateOf(period.from, period.timeZone)} – ${localDateOf(new Date(period.to.getTime() - 1), period.timeZone)}`;
  const lines = [
    `#### ${t('stats.summary.title', {period: period.name ? `${t(PERIOD_NAMES[period.name])} (${range})` : range})}`,
    `- ${t('stats.summary.completed', {count: stats.tasksCompleted, steps: stats.stepsCompleted})}`,
    ...stats.onTime.map((entry) => `- ${t('stats.summary.on_time', {kind: deadlineKindLabel(entry.kind, t), onTime: entry.onTime, due: entry.due, percent: Math.round((entry.rate ?? 0) * 100)})}`),
    `- ${stats.holding.averageMs === null ? t('stats.summary.holding_none') : t('stats.summary.holding', {duration: formatDuration(stats.holding.averageMs, t), count: stats.holding.count})}`,
    `- ${t('stats.summary.load', {open: stats.load.heldOpen, overdue: stats.load.overdue})}`,
  ];
  return lines.join('\n');
}

const PERIOD_NAMES: Record<StatsPeriodName, MessageId> = {
  this_week: 'stats.period.this_week',
  last_week: 'stats.period.last_week',
  this_month: 'stats.period.this_month',
  last_month: 'stats.period.last_month',
  last_30_days: 'stats.period.last_30_days',
};

/** Days and hours from a day up, hours and minutes from an hour up, else minutes (rounded to the minute). */
export function formatDuration(ms: number, t: Translate): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes >= 24 * 60) return t('stats.duration.days', {days: Math.floor(minutes / (24 * 60)), hours: Math.floor((minutes % (24 * 60)) / 60)});
  if (minutes >= 60) return t('stats.duration.hours', {hours: Math.floor(minutes / 60), minutes: minutes % 60});
  return t('stats.duration.minutes', {minutes});
}
