import {dueInstant} from '../../contract/dueInstant';
import {canSnooze, decideSnooze, isSnoozed, snoozeChoiceDate, snoozeIndex, snoozeLimit} from './snooze';

// The rules of a snooze: after today, a legal deadline capped at its day,
// held back on the days before `until` and not on it.

const legal = {kind: 'legal', ...dueInstant('2026-12-02', 'Asia/Tokyo'), timeZone: 'Asia/Tokyo'};
const internal = {...legal, kind: 'internal'};
const now = new Date('2026-11-30T01:00:00Z');

describe('snoozing reminders', () => {
  it('caps a legal deadline at its own day (in its zone when all day), and nothing else', () => {
    expect(snoozeLimit(legal, 'America/New_York', now)).toBe('2026-12-02');
    expect(snoozeLimit(internal, 'Asia/Tokyo', now)).toBeNull();
    expect(snoozeLimit(undefined, 'Asia/Tokyo', now)).toBeNull();
  });

  it('takes a date after today, capped at the limit', () => {
    expect(decideSnooze('2026-12-03', {today: '2026-11-30', limit: null})).toEqual({ok: true, until: '2026-12-03', capped: false});
    expect(decideSnooze('2026-12-09', {today: '2026-11-30', limit: '2026-12-02'})).toEqual({ok: true, until: '2026-12-02', capped: true});
    expect(decideSnooze('2026-12-01', {today: '2026-11-30', limit: '2026-12-02'})).toEqual({ok: true, until: '2026-12-01', capped: false});
    expect(decideSnooze('2026-11-30', {today: '2026-11-30', limit: null})).toEqual({ok: false, reason: 'past'});
    expect(decideSnooze('2026-12-09', {today: '2026-12-02', limit: '2026-12-02'})).toEqual({ok: false, reason: 'legal_past'});
    expect(canSnooze('2026-12-02', '2026-12-01')).toBe(true);
    expect(canSnooze('2026-12-02', '2026-12-02')).toBe(false);
  });

  it('names the dialog’s choices from today', () => {
    expect(['1d', '3d', '1w'].map((choice) => snoozeChoiceDate(choice as '1d', '2026-12-30'))).toEqual(['2026-12-31', '2027-01-02', '2027-01-06']);
  });

  it('holds reminders back before the date and lets them through on it', () => {
    const until = snoozeIndex([{userId: 'sato', taskId: 't1', deadlineKind: 'internal', until: '2026-12-03'}]);
    expect(isSnoozed(until('sato', 't1', 'internal'), '2026-12-02')).toBe(true);
    expect(isSnoozed(until('sato', 't1', 'internal'), '2026-12-03')).toBe(false);
    expect(isSnoozed(until('sato', 't1', 'legal'), '2026-12-02')).toBe(false);
    expect(isSnoozed(until('tanaka', 't1', 'internal'), '2026-12-02')).toBe(false);
  });
});
