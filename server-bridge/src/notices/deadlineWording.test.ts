import {translatorFor, type Locale} from '../i18n/translate';
import {describeDeadline, orderDeadlines, type NoticeDeadline} from './deadlineWording';

const DAY_MS = 86_400_000;

/** Monday to Friday are business days; no holidays. Signed, counting days after `from` up to and including `to`. */
function weekdaysBetween(from: string, to: string): number {
  const [start, end] = [Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`)];
  const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
  let count = 0;
  for (let day = low + DAY_MS; day <= high; day += DAY_MS) if (![0, 6].includes(new Date(day).getUTCDay())) count += 1;
  return sign * count;
}

// Wednesday 13 January 2027, 10:00 in Tokyo.
const now = new Date('2027-01-13T01:00:00Z');

function inTokyo(overrides: Partial<NoticeDeadline> = {}): NoticeDeadline {
  return {kind: 'internal', dueAt: new Date('2027-01-20T14:59:59.999Z'), allDay: true, timeZone: 'Asia/Tokyo', ...overrides};
}

/** The end of an all-day deadline's date in Tokyo, as contract/dueInstant.ts stores it. */
function endOfTokyoDay(date: string): Date {
  return new Date(Date.parse(`${date}T15:00:00Z`) - 1);
}

function wording(deadline: NoticeDeadline, locale: Locale = 'en', receiverTimeZone = 'Asia/Tokyo', at = now) {
  return describeDeadline(deadline, {t: translatorFor(locale), locale, receiverTimeZone, now: at, businessDaysBetween: weekdaysBetween});
}

describe('how a deadline is worded for its reader', () => {
  it('counts business days to a deadline after tomorrow', () => {
    expect(wording(inTokyo({dueAt: endOfTokyoDay('2027-01-18')}))).toMatchObject({relative: 'in 3 business days', urgency: 'later'});
    expect(wording(inTokyo({dueAt: endOfTokyoDay('2027-01-15')}))).toMatchObject({relative: 'in 2 business days'});
  });

  it('says "due today" and "due tomorrow" rather than counting', () => {
    expect(wording(inTokyo({dueAt: endOfTokyoDay('2027-01-13')}))).toMatchObject({relative: 'due today', urgency: 'soon'});
    expect(wording(inTokyo({dueAt: endOfTokyoDay('2027-01-14')}))).toMatchObject({relative: 'due tomorrow', urgency: 'soon'});
  });

  it('says by how many calendar days a deadline is overdue', () => {
    expect(wording(inTokyo({dueAt: endOfTokyoDay('2027-01-11')}))).toMatchObject({relative: 'overdue by 2 days', urgency: 'overdue'});
    expect(wording(inTokyo({dueAt: endOfTokyoDay('2027-01-12')}))).toMatchObject({relative: 'overdue by 1 day'});
  });

  it('says since when a deadline with a time passed earlier today', () => {
    const passedAtNine = {allDay: false, dueAt: new Date('2027-01-13T00:00:00Z')};
    expect(wording(inTokyo(passedAtNine))).toMatchObject({relative: 'overdue since 9:00 AM', urgency: 'overdue'});
    expect(wording(inTokyo(passedAtNine), 'ja')).toMatchObject({relative: '9:00から超過'});
  });

  it('counts calendar days when no business day comes before the deadline (due on the weekend)', () => {
    const friday = new Date('2027-01-15T01:00:00Z');
    expect(wording(inTokyo({dueAt: endOfTokyoDay('2027-01-17')}), 'en', 'Asia/Tokyo', friday)).toMatchObject({relative: 'in 2 days'});
  });

  it('uses wording natural in each language', () => {
    const inThree = inTokyo({dueAt: endOfTokyoDay('2027-01-18')});
    const today = inTokyo({dueAt: endOfTokyoDay('2027-01-13')});
    const twoOver = inTokyo({dueAt: endOfTokyoDay('2027-01-11')});
    expect([inThree, today, twoOver].map((deadline) => wording(deadline, 'ja').relative)).toEqual(['3営業日後', '本日期限', '2日超過']);
    expect([inThree, today, twoOver].map((deadline) => wording(deadline, 'zh-TW').relative)).toEqual(['3 個工作天後', '今天到期', '已逾期 2 天']);
    expect([inThree, today, twoOver].map((deadline) => wording(deadline, 'ru').relative)).toEqual(['через 3 рабочих дня', 'срок сегодня', 'просрочено на 2 дня']);
  });

  it('uses the Russian one/few/many forms', () => {
    const businessDaysAway = (date: string) => wording(inTokyo({dueAt: endOfTokyoDay(date)}), 'ru').relative;
    expect(businessDaysAway('2027-02-11')).toBe('через 21 рабочий день');
    expect(businessDaysAway('2027-01-19')).toBe('через 4 рабочих дня');
    expect(businessDaysAway('2027-01-20')).toBe('через 5 рабочих дней');
    expect(businessDaysAway('2027-01-29')).toBe('через 12 рабочих дней');
  });

  it('reads an all-day deadline as a date where it applies, whatever the reader\'s zone', () => {
    // 20 January in Tokyo ends at 20 Jan 14:59:59Z: in Auckland that instant is already 21 January.
    expect(wording(inTokyo(), 'en', 'Pacific/Auckland').date).toBe('Wed, Jan 20, 2027');
    // And it is overdue as soon as that day has ended in Tokyo, even if it is still the 20th in Moscow.
    const tokyoMidnight = new Date('2027-01-20T15:30:00Z');
    expect(wording(inTokyo(), 'ru', 'Europe/Moscow', tokyoMidnight)).toMatchObject({date: 'ср, 20 янв. 2027 г.', relative: 'просрочено на 1 день'});
  });

  it('shows a deadline with a time in the reader\'s zone and language', () => {
    const fivePmInTokyo = inTokyo({allDay: false, dueAt: new Date('2027-01-20T08:00:00Z')});
    expect(wording(fivePmInTokyo, 'en', 'Europe/Moscow').date).toBe('Wed, Jan 20, 2027, 11:00 AM');
    expect(wording(fivePmInTokyo, 'ja', 'Asia/Tokyo').date).toBe('2027年1月20日(水) 17:00');
  });

  it('falls back to UTC rather than printing "Invalid DateTime" when the reader\'s zone is unknown', () => {
    const atNoonUtc = inTokyo({allDay: false, dueAt: new Date('2027-01-20T12:00:00Z')});
    expect(wording(atNoonUtc, 'en', '').date).toBe('Wed, Jan 20, 2027, 12:00 PM');
    expect(wording(atNoonUtc, 'en', 'Not/AZone').date).toBe('Wed, Jan 20, 2027, 12:00 PM');
  });

  it('names the built-in kinds and shows custom ones by their name', () => {
    expect(wording(inTokyo({kind: 'legal'}), 'ja').label).toBe('法定期限');
    expect(wording(inTokyo({kind: 'customer'}), 'zh-TW').label).toBe('客戶期限');
    expect(wording(inTokyo({kind: 'internal'}), 'ru').label).toBe('Внутренний срок');
    expect(wording(inTokyo({kind: 'client_approval'})).label).toBe('Client approval deadline');
  });
});

describe('the order of deadlines', () => {
  it('puts the legal deadline first, then the others soonest first', () => {
    const deadlines = [
      inTokyo({kind: 'customer', dueAt: endOfTokyoDay('2027-01-19')}),
      inTokyo({kind: 'legal', dueAt: endOfTokyoDay('2027-02-10')}),
      inTokyo({kind: 'translation', dueAt: endOfTokyoDay('2027-01-11')}),
      inTokyo({kind: 'internal', dueAt: endOfTokyoDay('2027-01-14')}),
    ];
    expect(orderDeadlines(deadlines).map((deadline) => deadline.kind)).toEqual(['legal', 'translation', 'internal', 'customer']);
    expect(deadlines.map((deadline) => deadline.kind)).toEqual(['customer', 'legal', 'translation', 'internal']);
  });
});
