import {DateTime} from 'luxon';
import {errors} from '../../errors';
import type {StatsPeriod, StatsPeriodName} from './types';

// A period as people say it, read in their own time zone: "this week" in
// Tokyo starts on Monday 00:00 Tokyo time. Weeks start on Monday (ISO 8601),
// as in Japan, Taiwan and Russia. Explicit dates include both ends: from
// 2027-06-01 to 2027-06-30 is the whole of June.

export type PeriodSpec = {name: StatsPeriodName} | {fromDate: string; toDate: string};

export const DEFAULT_PERIOD: StatsPeriodName = 'last_30_days';

export function resolvePeriod(spec: PeriodSpec, context: {now: Date; timeZone: string}): StatsPeriod {
  const {timeZone} = context;
  const today = DateTime.fromJSDate(context.now, {zone: timeZone}).startOf('day');
  if (!today.isValid) throw errors.invalidRequest([{field: 'timeZone', message: `must be an IANA time zone (got ${timeZone})`}]);
  const period = (from: DateTime, to: DateTime, name: StatsPeriodName | null): StatsPeriod => ({from: from.toJSDate(), to: to.toJSDate(), timeZone, name});
  if ('fromDate' in spec) {
    const from = DateTime.fromISO(spec.fromDate, {zone: timeZone}).startOf('day');
    const to = DateTime.fromISO(spec.toDate, {zone: timeZone}).plus({days: 1}).startOf('day');
    if (!from.isValid) throw errors.invalidRequest([{field: 'from', message: 'must be a date YYYY-MM-DD such as 2027-06-01'}]);
    if (!to.isValid) throw errors.invalidRequest([{field: 'to', message: 'must be a date YYYY-MM-DD such as 2027-06-30'}]);
    if (to <= from) throw errors.invalidRequest([{field: 'to', message: 'must be the same day as from or later'}]);
    return period(from, to, null);
  }
  switch (spec.name) {
    case 'this_week':
      return period(today.startOf('week'), today.startOf('week').plus({weeks: 1}), spec.name);
    case 'last_week':
      return period(today.startOf('week').minus({weeks: 1}), today.startOf('week'), spec.name);
    case 'this_month':
      return period(today.startOf('month'), today.startOf('month').plus({months: 1}), spec.name);
    case 'last_month':
      return period(today.startOf('month').minus({months: 1}), today.startOf('month'), spec.name);
    case 'last_30_days':
      // Today and the 29 days before it.
      return period(today.minus({days: 29}), today.plus({days: 1}), spec.name);
  }
}
