import {renderDigestNotice, type DigestLine, type DigestNoticeInput} from './digestNotice';

// The digest DM as its reader sees it, in their language and time zone:
// sections with counts, task links, each deadline worded relative to now.

const DAY_MS = 86_400_000;

/** Monday to Friday are business days; no holidays. */
function weekdaysBetween(from: string, to: string): number {
  const [start, end] = [Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`)];
  const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
  let count = 0;
  for (let day = low + DAY_MS; day <= high; day += DAY_MS) if (![0, 6].includes(new Date(day).getUTCDay())) count += 1;
  return sign * count;
}

const endOfTokyoDay = (date: string) => new Date(Date.parse(`${date}T15:00:00Z`) - 1);
const url = (key: string) => `https://chat.example.com/ip/channels/patents?task=${key}`;
const line = (key: string, title: string, extra: Partial<DigestLine>): DigestLine => ({task: {key, title, url: url(key)}, deadline: null, holder: null, closedAt: null, ...extra});

// Monday 10 May 2027, 09:00 in Tokyo.
function digest(overrides: Partial<DigestNoticeInput> = {}): DigestNoticeInput {
  return {
    period: 'daily',
    date: '2027-05-10',
    dueSoonDays: 3,
    sections: [
      {name: 'overdue', total: 1, lines: [line('PAT-2', 'Check the citations', {deadline: {kind: 'internal', dueAt: endOfTokyoDay('2027-05-07'), allDay: true, timeZone: 'Asia/Tokyo'}})]},
      {name: 'due_today', total: 0, lines: []},
      {
        name: 'due_soon',
        total: 17,
        lines: [line('PAT-1', 'Draft response', {deadline: {kind: 'legal', dueAt: endOfTokyoDay('2027-05-12'), allDay: true, timeZone: 'Asia/Tokyo'}})],
      },
      {name: 'waiting', total: 1, lines: [line('PAT-7', 'Translate the report', {holder: 'li'})]},
    ],
    receiver: {locale: 'ja', timeZone: 'Asia/Tokyo'},
    now: new Date('2027-05-10T00:00:00Z'),
    businessDaysBetween: weekdaysBetween,
    ...overrides,
  };
}

describe('the digest notice', () => {
  it('reads in Japanese', () => {
    expect(renderDigestNotice(digest()).message.split('\n')).toEqual([
      '**2027年5月10日(月) の Baton ダイジェスト**',
      '',
      '**期限超過 (1)**',
      `- [PAT-2 Check the citations](${url('PAT-2')}) · 社内期限: 2027年5月7日(金) · 3日超過`,
      '',
      '**3営業日以内に期限 (17)**',
      `- [PAT-1 Draft response](${url('PAT-1')}) · ⚖️ 法定期限: 2027年5月12日(水) · 2営業日後`,
      '…ほか 16 件',
      '',
      '**相手の対応待ち (1)**',
      `- [PAT-7 Translate the report](${url('PAT-7')}) · @li さんがまだ引き受けていません`,
      '',
      '#baton',
    ]);
  });

  it('reads in Russian, with Russian plurals, for a reader in Moscow', () => {
    const message = renderDigestNotice(digest({receiver: {locale: 'ru', timeZone: 'Europe/Moscow'}, now: new Date('2027-05-10T06:00:00Z')})).message;
    expect(message.split('\n')).toEqual([
      '**Сводка Baton на пн, 10 мая 2027 г.**',
      '',
      '**Просрочено (1)**',
      `- [PAT-2 Check the citations](${url('PAT-2')}) · Внутренний срок: пт, 7 мая 2027 г. · просрочено на 3 дня`,
      '',
      '**Срок в ближайшие 3 рабочих дня (17)**',
      `- [PAT-1 Draft response](${url('PAT-1')}) · ⚖️ Срок по закону: ср, 12 мая 2027 г. · через 2 рабочих дня`,
      '…и ещё 16',
      '',
      '**Ждёте других (1)**',
      `- [PAT-7 Translate the report](${url('PAT-7')}) · у @li, ещё не принято`,
      '',
      '#baton',
    ]);
  });

  it('heads the weekly summary with the week’s Monday and lists what was done', () => {
    const weekly = renderDigestNotice(
      digest({
        period: 'weekly',
        date: '2027-05-06',
        sections: [{name: 'done_last_week', total: 1, lines: [line('PAT-3', 'File the response', {closedAt: new Date('2027-04-30T08:00:00Z')})]}],
        receiver: {locale: 'en', timeZone: 'America/New_York'},
      }),
    );
    expect(weekly.message).toBe(`**Your Baton week of Mon, May 3, 2027**\n\n**Done since last week (1)**\n- [PAT-3 File the response](${url('PAT-3')}) · done Fri, Apr 30, 2027\n\n#baton`);
  });

  it('keeps task titles from breaking the markdown or mentioning anyone', () => {
    const message = renderDigestNotice(digest({sections: [{name: 'waiting', total: 1, lines: [line('PAT-9', 'Ask @channel about [claims](x)', {holder: 'li'})]}]})).message;
    expect(message).toContain(`[PAT-9 Ask @\u2060channel about \\[claims\\]\\(x\\)](${url('PAT-9')})`);
  });
});
