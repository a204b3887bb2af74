import {createBusinessCalendar} from '../domain/calendar/businessCalendar';
import {deadlineAt, type DateInputContext, formatDateInput, parseDateInput} from './dateInput';

// Dates as people type them in `/task new … due:<date>`, `/task due` and the
// new-task dialog. Friday 2026-11-20, 09:00 in Tokyo, unless a test says
// otherwise; Monday 2026-11-23 is a public holiday in Japan (勤労感謝の日).

const calendar = createBusinessCalendar({country: 'JP'});
const fridayMorningInTokyo = new Date('2026-11-20T00:00:00Z');
const context = (overrides: Partial<DateInputContext> = {}): DateInputContext => ({locale: 'en', timeZone: 'Asia/Tokyo', now: fridayMorningInTokyo, calendar, ...overrides});
const dateOf = (text: string, overrides: Partial<DateInputContext> = {}) => {
  const parsed = parseDateInput(text, context(overrides));
  return parsed && formatDateInput(parsed);
};

describe('parseDateInput', () => {
  it('reads ISO dates, with or without a time, in every locale', () => {
    for (const locale of ['en', 'ja', 'zh-TW', 'ru']) {
      expect(dateOf('2026-12-01', {locale})).toBe('2026-12-01');
      expect(dateOf('2026-12-01T17:00', {locale})).toBe('2026-12-01 17:00');
    }
  });

  it('reads today and tomorrow as the caller’s days, in English and in their language', () => {
    expect(dateOf('today')).toBe('2026-11-20');
    expect(dateOf('Tomorrow')).toBe('2026-11-21');
    expect(dateOf('今日', {locale: 'ja'})).toBe('2026-11-20');
    expect(dateOf('明日', {locale: 'ja'})).toBe('2026-11-21');
    expect(dateOf('明天', {locale: 'zh-TW'})).toBe('2026-11-21');
    expect(dateOf('завтра', {locale: 'ru'})).toBe('2026-11-21');
  });

  it('counts from the caller’s today in their time zone, not the server’s', () => {
    // 16:00 UTC on Friday is already Saturday 01:00 in Tokyo, still Friday in New York.
    const lateFriday = new Date('2026-11-20T16:00:00Z');
    expect(dateOf('today', {now: lateFriday, timeZone: 'Asia/Tokyo'})).toBe('2026-11-21');
    expect(dateOf('today', {now: lateFriday, timeZone: 'America/New_York'})).toBe('2026-11-20');
    expect(dateOf('+1d', {now: lateFriday, timeZone: 'America/New_York'})).toBe('2026-11-21');
  });

  it('adds days and weeks', () => {
    expect(dateOf('+3d')).toBe('2026-11-23');
    expect(dateOf('+0d')).toBe('2026-11-20');
    expect(dateOf('+2w')).toBe('2026-12-04');
  });

  it('adds business days over the weekend and the public holiday', () => {
    // Sat, Sun and Monday the 23rd (a holiday) are skipped: Tuesday is the first business day after Friday.
    expect(dateOf('+1bd')).toBe('2026-11-24');
    expect(dateOf('+2bd')).toBe('2026-11-25');
    // Without the holiday (US calendar), Monday counts.
    expect(dateOf('+1bd', {calendar: createBusinessCalendar({country: 'US'})})).toBe('2026-11-23');
  });

  it('reads year-first dates (how ja and zh-TW write them) in every locale', () => {
    for (const locale of ['ja', 'zh-TW', 'en', 'ru']) {
      expect(dateOf('2026/12/01', {locale})).toBe('2026-12-01');
      expect(dateOf('2026年12月1日', {locale})).toBe('2026-12-01');
    }
    // Full-width digits, as an IME may type them.
    expect(dateOf('２０２６年１２月１日', {locale: 'ja'})).toBe('2026-12-01');
  });

  it('reads day-first dates with dots in Russian only', () => {
    expect(dateOf('01.12.2026', {locale: 'ru'})).toBe('2026-12-01');
    expect(dateOf('1.12.2026', {locale: 'ru'})).toBe('2026-12-01');
    expect(dateOf('01.12.2026', {locale: 'en'})).toBeUndefined();
    expect(dateOf('01.12.2026', {locale: 'ja'})).toBeUndefined();
  });

  it('reads month-first dates with slashes in English only', () => {
    expect(dateOf('12/1/2026', {locale: 'en'})).toBe('2026-12-01');
    expect(dateOf('1/12/2026', {locale: 'en'})).toBe('2026-01-12');
    expect(dateOf('12/1/2026', {locale: 'ru'})).toBeUndefined();
    expect(dateOf('12/1/2026', {locale: 'zh-TW'})).toBeUndefined();
  });

  it('names no date for what is not one', () => {
    for (const text of ['', 'soon', '2026-02-30', '2026-13-01', '2026-12-01T25:00', '2026-12-1', '13/1/2026', '+3', '+3m', '-2d', '+99999d', 'next friday', '2026/02/30']) {
      expect([text, parseDateInput(text, context())]).toEqual([text, undefined]);
    }
  });

  it('names no relative date when the time zone is unknown', () => {
    expect(parseDateInput('today', context({timeZone: 'Mars/Olympus'}))).toBeUndefined();
  });
});

describe('deadlineAt', () => {
  it('makes a date due at the end of that day in the caller’s zone', () => {
    expect(deadlineAt({date: '2026-12-01', time: null}, 'Asia/Tokyo')).toEqual({timeZone: 'Asia/Tokyo', dueAt: new Date('2026-12-01T14:59:59.999Z'), allDay: true});
  });

  it('makes a date with a time due at that wall-clock time in the caller’s zone', () => {
    expect(deadlineAt({date: '2026-12-01', time: '17:00'}, 'Europe/Moscow')).toEqual({timeZone: 'Europe/Moscow', dueAt: new Date('2026-12-01T14:00:00.000Z'), allDay: false});
  });
});
