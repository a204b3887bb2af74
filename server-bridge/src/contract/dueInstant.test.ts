import {dueInstant} from './dueInstant';

describe('dueInstant', () => {
  it('puts an all-day deadline at the last millisecond of that day in its zone', () => {
    expect(dueInstant('2025-03-31', 'Asia/Tokyo')).toEqual({dueAt: new Date('2025-03-31T14:59:59.999Z'), allDay: true});
    expect(dueInstant('2025-03-31', 'Europe/Moscow').dueAt.toISOString()).toBe('2025-03-31T20:59:59.999Z');
    expect(dueInstant('2025-03-31', 'Asia/Taipei').dueAt.toISOString()).toBe('2025-03-31T15:59:59.999Z');
    expect(dueInstant('2025-03-31', 'UTC').dueAt.toISOString()).toBe('2025-03-31T23:59:59.999Z');
  });

  it('rolls over months and years', () => {
    expect(dueInstant('2025-12-31', 'Asia/Tokyo').dueAt.toISOString()).toBe('2025-12-31T14:59:59.999Z');
    expect(dueInstant('2028-02-29', 'UTC').dueAt.toISOString()).toBe('2028-02-29T23:59:59.999Z');
  });

  it('follows daylight-saving changes on the day itself', () => {
    // New York: clocks go forward on 2025-03-09 and back on 2025-11-02; midnight after each is in the new offset.
    expect(dueInstant('2025-03-09', 'America/New_York').dueAt.toISOString()).toBe('2025-03-10T03:59:59.999Z');
    expect(dueInstant('2025-03-08', 'America/New_York').dueAt.toISOString()).toBe('2025-03-09T04:59:59.999Z');
    expect(dueInstant('2025-11-02', 'America/New_York').dueAt.toISOString()).toBe('2025-11-03T04:59:59.999Z');
    // Chatham Islands: a +13:45 offset in southern summer.
    expect(dueInstant('2025-01-15', 'Pacific/Chatham').dueAt.toISOString()).toBe('2025-01-15T10:14:59.999Z');
  });

  it('keeps a date-time with an offset as the instant it names', () => {
    expect(dueInstant('2025-03-31T17:00:00+09:00', 'Europe/Moscow')).toEqual({dueAt: new Date('2025-03-31T08:00:00Z'), allDay: false});
  });
});
