import {deadlineChangesSchema, deadlineInputsSchema, deadlineSchema, isAllDayDue} from './deadline';
import {formatZodIssues} from './errors';

const problems = (value: unknown) => {
  const result = deadlineInputsSchema.safeParse(value);
  return result.success ? [] : formatZodIssues(result.error);
};

describe('deadlines', () => {
  it('accepts a date (all-day) or a date-time with an offset, with an optional IANA zone', () => {
    const parsed = deadlineInputsSchema.parse([
      {kind: 'legal', due: '2025-03-31', timeZone: 'Asia/Tokyo'},
      {kind: 'customer', due: '2025-03-28T17:00:00+09:00'},
      {kind: 'internal', due: '2025-03-27T08:00:00Z'},
      {kind: 'translation_review', due: '2025-03-26'},
    ]);
    expect(parsed.map((deadline) => isAllDayDue(deadline.due))).toEqual([true, false, false, true]);
  });

  it('refuses a date-time without an offset, saying so', () => {
    expect(problems([{kind: 'legal', due: '2025-03-31T17:00:00'}])).toEqual([
      '0.due: must include a UTC offset or Z, e.g. 2025-03-31T17:00:00+09:00 (a date-time without an offset names no single moment)',
    ]);
  });

  it('says what is allowed for anything else', () => {
    expect(problems([{kind: 'legal', due: 'tomorrow'}])).toEqual([
      '0.due: must be a date YYYY-MM-DD (due at the end of that day) or an ISO 8601 date-time with Z or an offset, e.g. 2025-03-31T17:00:00+09:00',
    ]);
    expect(problems([{kind: 'legal'}])).toEqual([expect.stringMatching(/^0\.due: is required \(a date YYYY-MM-DD/)]);
  });

  it('checks custom kind names and refuses the same kind twice', () => {
    expect(problems([{kind: 'Legal', due: '2025-03-31'}])).toEqual([expect.stringMatching(/^0\.kind: must be legal, customer, internal or a custom name/)]);
    expect(problems([{kind: 'x'.repeat(33), due: '2025-03-31'}])).toHaveLength(1);
    expect(problems([{kind: 'legal', due: '2025-03-31'}, {kind: 'legal', due: '2025-04-01'}])).toEqual(['body: must name each deadline kind at most once']);
  });

  it('refuses unknown fields in a deadline, naming them', () => {
    expect(problems([{kind: 'legal', due: '2025-03-31', dueAt: '2025-03-31T00:00:00Z'}])).toEqual([expect.stringMatching(/^0\.dueAt: is not a known field \(known fields: kind, due, timeZone\)$/)]);
  });

  it('lets a patch remove a kind with due: null', () => {
    expect(deadlineChangesSchema.parse([{kind: 'internal', due: null}])).toEqual([{kind: 'internal', due: null}]);
    expect(deadlineChangesSchema.safeParse([{kind: 'internal'}]).success).toBe(false);
  });

  it('describes a stored deadline by its UTC instant', () => {
    const stored = {kind: 'legal', dueAt: '2025-03-31T14:59:59.999Z', allDay: true, timeZone: 'Asia/Tokyo'};
    expect(deadlineSchema.parse(stored)).toEqual(stored);
    expect(deadlineSchema.safeParse({...stored, dueAt: '2025-03-31T23:59:59+09:00'}).success).toBe(false);
  });
});
