import Holidays from 'date-holidays';
import {addDays} from './calendarDate';
import {createBusinessCalendar} from './businessCalendar';

/** A typical Japanese firm: public holidays plus a year-end closure from Dec 29 to Jan 3. */
const japaneseFirm = () =>
  createBusinessCalendar({
    country: 'JP',
    closedDays: ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03'],
  });

describe('a business calendar in Japan', () => {
  const japan = createBusinessCalendar({country: 'JP'});

  it('skips Golden Week 2027: Showa Day on Thu Apr 29, the weekend, then May 3–5', () => {
    expect(japan.isBusinessDay('2027-04-29')).toBe(false);
    expect(japan.isBusinessDay('2027-04-30')).toBe(true);
    expect(['2027-05-03', '2027-05-04', '2027-05-05'].map(japan.isBusinessDay)).toEqual([false, false, false]);
    expect(japan.addBusinessDays('2027-04-28', 1)).toBe('2027-04-30');
    expect(japan.addBusinessDays('2027-04-30', 1)).toBe('2027-05-06');
    expect(japan.addBusinessDays('2027-04-28', 3)).toBe('2027-05-07');
    expect(japan.businessDaysBetween('2027-04-28', '2027-05-07')).toBe(3);
  });

  it('goes backwards over Golden Week with a negative offset', () => {
    expect(japan.addBusinessDays('2027-05-06', -1)).toBe('2027-04-30');
    expect(japan.addBusinessDays('2027-05-07', -3)).toBe('2027-04-28');
    expect(japan.previousBusinessDay('2027-05-06')).toBe('2027-04-30');
    expect(japan.nextBusinessDay('2027-04-28')).toBe('2027-04-30');
  });

  it('knows substitute holidays (振替休日) and citizens’ holidays (国民の休日)', () => {
    // Constitution Day 2026 fell on a Sunday; May 4 and 5 are holidays too, so the substitute is Wed May 6.
    expect(japan.isBusinessDay('2026-05-06')).toBe(false);
    expect(japan.holidayName('2026-05-06')).toBe('憲法記念日 (振替休日)');
    // The spring equinox 2027 is a Sunday: Monday Mar 22 is off.
    expect(japan.isBusinessDay('2027-03-22')).toBe(false);
    // Tue Sep 22, 2026 lies between two holidays and becomes one: Silver Week runs Sat 19 to Wed 23.
    expect(japan.holidayName('2026-09-22')).toBe('国民の休日');
    expect(japan.addBusinessDays('2026-09-18', 1)).toBe('2026-09-24');
  });

  it('counts only public holidays: Jan 2–3 and Dec 31 are bank holidays, open unless the firm closes', () => {
    expect(japan.isBusinessDay('2026-12-31')).toBe(true);
    expect(japan.holidayName('2028-01-03')).toBeUndefined();
    expect(japan.isBusinessDay('2028-01-03')).toBe(true);
  });

  it('crosses the year end of a firm closed from Dec 29 to Jan 3', () => {
    const firm = japaneseFirm();
    expect(firm.addBusinessDays('2026-12-28', 1)).toBe('2027-01-04');
    expect(firm.addBusinessDays('2027-01-04', -1)).toBe('2026-12-28');
    expect(firm.businessDaysBetween('2026-12-25', '2027-01-05')).toBe(3);
    // Without the closure only New Year's Day and the weekend are off.
    expect(japan.businessDaysBetween('2026-12-25', '2027-01-05')).toBe(6);
  });

  it('names holidays in the country’s language by default, or in the one asked for', () => {
    expect(japan.holidayName('2027-01-01')).toBe('元日');
    expect(japan.holidayName('2027-01-01', 'ja-JP')).toBe('元日');
    expect(japan.holidayName('2027-01-01', 'en')).toBe("New Year's Day");
    expect(japan.holidayName('2027-01-04')).toBeUndefined();
  });

  it('normalises the country code', () => {
    expect(createBusinessCalendar({country: ' jp '}).country).toBe('JP');
  });
});

describe('business calendars elsewhere', () => {
  it('United States: Thanksgiving is off, the Friday after is an observance and stays open', () => {
    const us = createBusinessCalendar({country: 'US'});
    expect(us.isBusinessDay('2026-11-26')).toBe(false);
    expect(us.holidayName('2026-11-26', 'en-US')).toBe('Thanksgiving Day');
    expect(us.addBusinessDays('2026-11-25', 1)).toBe('2026-11-27');
    // Independence Day 2026 is a Saturday; the federal holiday is observed on Friday Jul 3.
    expect(us.isBusinessDay('2026-07-03')).toBe(false);
  });

  it('Taiwan: the Lunar New Year holidays 2026 run Mon Feb 16 to Fri Feb 20', () => {
    const taiwan = createBusinessCalendar({country: 'TW'});
    expect(taiwan.addBusinessDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(taiwan.businessDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
  });

  it('Taiwan: a Saturday made a working day by transfer counts once listed as an open day', () => {
    // 2023: Sat Jan 7 was worked so that Fri Jan 20 could bridge to Lunar New Year.
    const plain = createBusinessCalendar({country: 'TW'});
    const taiwan = createBusinessCalendar({country: 'TW', openDays: ['2023-01-07'], closedDays: ['2023-01-20']});
    expect(plain.isBusinessDay('2023-01-07')).toBe(false);
    expect(taiwan.isBusinessDay('2023-01-07')).toBe(true);
    expect(taiwan.addBusinessDays('2023-01-06', 1)).toBe('2023-01-07');
    expect(taiwan.isBusinessDay('2023-01-20')).toBe(false);
  });

  it('Russia: the New Year break of 2027 runs from Jan 1 to Jan 8 (a multi-day holiday in the data)', () => {
    const russia = createBusinessCalendar({country: 'RU'});
    expect(['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-08'].some(russia.isBusinessDay)).toBe(false);
    expect(russia.addBusinessDays('2026-12-31', 1)).toBe('2027-01-11');
    expect(russia.addBusinessDays('2027-01-11', -1)).toBe('2026-12-31');
  });

  it('Russia: the 2025 transfer (work Sat Nov 1, rest Mon Nov 3) is configured as open and closed days', () => {
    const russia = createBusinessCalendar({country: 'RU', openDays: ['2025-11-01'], closedDays: ['2025-11-03']});
    expect(russia.addBusinessDays('2025-10-31', 1)).toBe('2025-11-01');
    // Nov 2 is Sunday, Nov 3 the transferred rest day, Nov 4 Unity Day.
    expect(russia.addBusinessDays('2025-11-01', 1)).toBe('2025-11-05');
  });

  it('an open day wins over a public holiday', () => {
    const japan = createBusinessCalendar({country: 'JP', openDays: ['2027-05-03']});
    expect(japan.isBusinessDay('2027-05-03')).toBe(true);
    expect(japan.holidayName('2027-05-03')).toBe('憲法記念日');
  });
});

describe('offsets and counts', () => {
  const japan = createBusinessCalendar({country: 'JP'});

  it('adding 0 business days returns the date itself, even on a weekend', () => {
    expect(japan.addBusinessDays('2027-05-06', 0)).toBe('2027-05-06');
    expect(japan.addBusinessDays('2027-05-08', 0)).toBe('2027-05-08');
  });

  it('businessDaysBetween is positive when due ahead, negative when overdue, 0 on the day', () => {
    expect(japan.businessDaysBetween('2027-05-06', '2027-05-06')).toBe(0);
    expect(japan.businessDaysBetween('2027-05-06', '2027-05-11')).toBe(3);
    expect(japan.businessDaysBetween('2027-05-11', '2027-05-06')).toBe(-3);
    // Due Friday: overdue by 1 on Saturday and on Monday, by 2 on Tuesday.
    expect(japan.businessDaysBetween('2027-05-08', '2027-05-07')).toBe(-1);
    expect(japan.businessDaysBetween('2027-05-10', '2027-05-07')).toBe(-1);
    expect(japan.businessDaysBetween('2027-05-11', '2027-05-07')).toBe(-2);
    // Due on a Saturday: no business day lies between Friday and Monday, so both read 0 (due now);
    // Tuesday is overdue by 1.
    expect(japan.businessDaysBetween('2027-05-07', '2027-05-08')).toBe(0);
    expect(japan.businessDaysBetween('2027-05-10', '2027-05-08')).toBe(0);
    expect(japan.businessDaysBetween('2027-05-11', '2027-05-08')).toBe(-1);
  });

  it('undoes addBusinessDays for every offset and start, weekends and holidays included', () => {
    const firm = japaneseFirm();
    const starts = Array.from({length: 14}, (_, index) => addDays('2026-12-24', index));
    for (const start of starts) {
      for (let offset = -12; offset <= 12; offset += 1) {
        expect([start, offset, firm.businessDaysBetween(start, firm.addBusinessDays(start, offset))]).toEqual([start, offset, offset]);
      }
    }
  });

  it('computes each year of holidays once, not once per day', () => {
    const getHolidays = jest.spyOn(Holidays.prototype, 'getHolidays');
    try {
      const calendar = createBusinessCalendar({country: 'JP'});
      expect(calendar.addBusinessDays('2027-01-04', 250)).toBe('2028-01-11');
      expect(calendar.businessDaysBetween('2027-01-04', '2028-01-11')).toBe(250);
      // 2026 (for a break spilling into 2027), 2027 and 2028.
      expect(getHolidays.mock.calls.length).toBeLessThanOrEqual(3);
    } finally {
      getHolidays.mockRestore();
    }
  });
});

describe('input checks', () => {
  /** The 422 AppError with this id whose other fields include `fields`. */
  const invalid = (id: string, fields: Record<string, unknown> = {}) => expect.objectContaining({status: 422, id: `baton.invalid.${id}`, ...fields});

  it('refuses an unknown country, naming the field and the codes allowed', () => {
    expect(() => createBusinessCalendar({country: 'XX'})).toThrow(
      invalid('calendar_country', {
        message: expect.stringMatching(/^country must be an ISO 3166-1 alpha-2 code .* e\.g\. JP, US, TW, RU; got "XX"\.$/),
        details: {field: 'country', allowed: expect.stringContaining('JP, ')},
      }),
    );
  });

  it.each([['2027-02-30'], ['2027-1-4'], ['04/01/2027'], [''], ['1899-12-31']])('refuses the date %j', (date) => {
    expect(() => createBusinessCalendar({country: 'JP'}).isBusinessDay(date)).toThrow(
      invalid('calendar_date', {message: expect.stringContaining('date must be a date YYYY-MM-DD'), details: expect.objectContaining({field: 'date'})}),
    );
  });

  it('names the list entry of a malformed closed day', () => {
    expect(() => createBusinessCalendar({country: 'JP', closedDays: ['2026-12-29', '2026-12-32']})).toThrow(
      invalid('calendar_date', {details: expect.objectContaining({field: 'closedDays.1'})}),
    );
  });

  it('refuses a day listed as both open and closed', () => {
    expect(() => createBusinessCalendar({country: 'JP', openDays: ['2027-05-03'], closedDays: ['2027-05-03']})).toThrow(
      invalid('calendar_days', {message: expect.stringContaining('2027-05-03')}),
    );
  });

  it('refuses offsets that are not whole numbers or absurdly large', () => {
    const japan = createBusinessCalendar({country: 'JP'});
    expect(() => japan.addBusinessDays('2027-05-06', 1.5)).toThrow(invalid('calendar_offset', {details: expect.objectContaining({field: 'businessDays'})}));
    expect(() => japan.addBusinessDays('2027-05-06', 1_000_000)).toThrow(invalid('calendar_offset'));
    expect(() => japan.businessDaysBetween('2027-01-01', '2099-01-01')).toThrow(invalid('calendar_range'));
  });

  it('stops with an error when a whole year is closed', () => {
    const closedDays = Array.from({length: 400}, (_, index) => addDays('2027-01-01', index));
    const calendar = createBusinessCalendar({country: 'JP', closedDays});
    expect(() => calendar.nextBusinessDay('2026-12-31')).toThrow(invalid('calendar_no_business_day'));
  });
});
