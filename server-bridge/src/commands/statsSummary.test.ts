import type {PersonStats} from '../domain/stats/types';
import {translatorFor} from '../i18n/translate';
import {formatDuration, formatStatsSummary} from './statsSummary';

// The `/task stats` reply: a few lines of markdown in the reader's language.

const HOUR = 3_600_000;

const june: PersonStats = {
  userId: 'li',
  period: {from: new Date('2027-05-31T15:00:00Z'), to: new Date('2027-06-30T15:00:00Z'), timeZone: 'Asia/Tokyo', name: 'last_month'},
  tasksCompleted: 5,
  stepsCompleted: 3,
  onTime: [
    {kind: 'internal', due: 5, onTime: 3, rate: 0.6},
    {kind: 'filing', due: 3, onTime: 2, rate: 2 / 3},
  ],
  holding: {count: 7, averageMs: 22 * HOUR + 30 * 60_000},
  load: {heldOpen: 1, overdue: 1, asOf: new Date('2027-07-01T01:00:00Z')},
};

describe('the stats summary', () => {
  it('reads in English', () => {
    expect(formatStatsSummary(june, translatorFor('en'))).toBe(
      [
        '#### Baton stats: last month (2027-06-01 – 2027-06-30)',
        '- 5 tasks completed, of them workflow steps: 3',
        '- Internal deadline: 3 of 5 on time (60%)',
        '- Filing deadline: 2 of 3 on time (67%)',
        '- Average time holding the baton: 22 h 30 min (7 holdings ended)',
        '- Holding now: 1 open, 1 overdue',
      ].join('\n'),
    );
  });

  it('reads in Japanese, with explicit dates when no shorthand was asked for', () => {
    const text = formatStatsSummary({...june, period: {...june.period, name: null}, tasksCompleted: 1}, translatorFor('ja'));
    expect(text.split('\n')).toEqual([
      '#### Baton 統計：2027-06-01 – 2027-06-30',
      '- 完了したタスク 1件（うちワークフローのステップ 3件）',
      '- 社内期限：5件中 3件が期限内（60%）',
      '- 期限（Filing）：3件中 2件が期限内（67%）',
      '- バトンを持っていた平均時間：22時間30分（終了した保持 7件）',
      '- 現在の担当：未完了 1件、期限超過 1件',
    ]);
  });

  it('says so when no holding ended, and picks Russian plural forms', () => {
    const text = formatStatsSummary({...june, tasksCompleted: 2, onTime: [], holding: {count: 0, averageMs: null}}, translatorFor('ru'));
    expect(text).toContain('- Выполнено 2 задачи, из них шагов процессов: 3');
    expect(text).toContain('- За этот период эстафета не передавалась и задачи не закрывались.');
  });

  it('writes durations as days and hours, hours and minutes, or minutes', () => {
    const en = translatorFor('en');
    expect([50 * HOUR + 20 * 60_000, 90 * 60_000, 59 * 60_000 + 40_000, 20_000].map((ms) => formatDuration(ms, en))).toEqual(['2 d 2 h', '1 h 30 min', '1 h 0 min', '0 min']);
    expect(formatDuration(26 * HOUR, translatorFor('zh-TW'))).toBe('1 天 2 小時');
  });
});
