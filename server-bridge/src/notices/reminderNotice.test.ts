import {renderReminderNotice, type ReminderNoticeInput} from './reminderNotice';

// One rung of the deadline ladder as its reader sees it: the holder's
// reminder before and after the deadline, and the overdue legal deadline a
// creator or watcher is told about, in Japanese and Russian.

const endOfTokyoDay = (date: string) => new Date(Date.parse(`${date}T15:00:00Z`) - 1);
const weekdaysOnly = (from: string, to: string) => {
  let count = 0;
  for (let day = Date.parse(`${from}T00:00:00Z`) + 86_400_000; day <= Date.parse(`${to}T00:00:00Z`); day += 86_400_000) if (![0, 6].includes(new Date(day).getUTCDay())) count += 1;
  return count;
};
const taskUrl = 'https://chat.example.com/ip/channels/patents?task=PAT-12';

function reminder(overrides: Partial<ReminderNoticeInput> = {}): ReminderNoticeInput {
  return {
    task: {key: 'PAT-12', title: 'Draft response', url: taskUrl},
    caseRef: {id: 'P-2026-0142', url: 'https://ipms.example.com/cases/P-2026-0142'},
    deadline: {kind: 'legal', dueAt: endOfTokyoDay('2027-05-14'), allDay: true, timeZone: 'Asia/Tokyo'},
    audience: 'holder',
    holder: 'sato',
    closed: false,
    receiver: {locale: 'ja', timeZone: 'Asia/Tokyo'},
    // Tuesday 11 May 2027, 09:00 in Tokyo.
    now: new Date('2027-05-11T00:00:00Z'),
    businessDaysBetween: weekdaysOnly,
    ...overrides,
  };
}

const subject = `[P-2026-0142](https://ipms.example.com/cases/P-2026-0142) · **[PAT-12 Draft response](${taskUrl})**`;

describe('the deadline reminder', () => {
  it('tells the holder in Japanese how far away the deadline is', () => {
    expect(renderReminderNotice(reminder()).message).toBe(`⏰ 期限のお知らせ: ${subject}\n⚖️ 法定期限: 2027年5月14日(金) · 3営業日後\n\n#baton`);
  });

  it('tells the holder in Russian that it is overdue', () => {
    const message = renderReminderNotice(reminder({receiver: {locale: 'ru', timeZone: 'Europe/Moscow'}, now: new Date('2027-05-17T06:00:00Z'), deadline: {kind: 'internal', dueAt: endOfTokyoDay('2027-05-14'), allDay: true, timeZone: 'Asia/Tokyo'}})).message;
    expect(message).toBe(`⚠️ Просрочено: ${subject}\nВнутренний срок: пт, 14 мая 2027 г. · просрочено на 3 дня\n\n#baton`);
  });

  it('tells a follower of an overdue legal deadline who holds the task, or that nobody does', () => {
    const overdue = {audience: 'follower' as const, now: new Date('2027-05-17T00:00:00Z')};
    expect(renderReminderNotice(reminder(overdue)).message).toBe(`⚠️ フォロー中のタスクが期限を過ぎています: ${subject}\n⚖️ 法定期限: 2027年5月14日(金) · 3日超過\n担当: @sato さん\n\n#baton`);
    expect(renderReminderNotice(reminder({...overdue, holder: null, receiver: {locale: 'ru', timeZone: 'Europe/Moscow'}})).message).toContain('\nЭстафета ни у кого\n');
  });

  it('says so when the task was closed before the reminder arrived', () => {
    expect(renderReminderNotice(reminder({closed: true, receiver: {locale: 'ru', timeZone: 'Europe/Moscow'}})).message).toContain('\nС тех пор задача закрыта, делать ничего не нужно.\n');
  });
});
