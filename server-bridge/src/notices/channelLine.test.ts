import {writeChannelLine} from './channelLine';

// The channel line in each shipped language: the task linked, from → to,
// #baton, and people named without mentioning them (the holder has the DM).

const WORD_JOINER = '\u2060';
const handoff = {type: 'handoff' as const, task: {key: 'PAT-12', title: 'Draft *response*', url: 'https://mm.example/ip/channels/patents'}, from: 'tanaka', to: 'sato'};

describe('the channel line', () => {
  it('links the task, names who passed it to whom without mentions, and ends with #baton', () => {
    const line = writeChannelLine('en', handoff);
    expect(line).toBe(`[PAT-12 Draft \\*response\\*](https://mm.example/ip/channels/patents): the baton passed from @${WORD_JOINER}tanaka to @${WORD_JOINER}sato. #baton`);
    expect(line).not.toMatch(/@[a-z]/);
  });

  it.each([
    ['ja', 'バトンが @\u2060tanaka さんから @\u2060sato さんに渡りました。'],
    ['zh-TW', '接力棒由 @\u2060tanaka 交給了 @\u2060sato。'],
    ['ru', 'эстафета перешла от @\u2060tanaka к @\u2060sato.'],
    ['en-AU', 'the baton passed from @\u2060tanaka to @\u2060sato.'],
  ])('is written in %s', (locale, words) => {
    expect(writeChannelLine(locale, handoff)).toContain(words);
  });

  it('says someone took the baton when it is theirs from nobody else', () => {
    expect(writeChannelLine('en', {...handoff, from: 'sato'})).toContain(`: @${WORD_JOINER}sato took the baton. #baton`);
  });

  it('announces a completed run with its link and who finished it', () => {
    const line = writeChannelLine('ja', {type: 'run_completed', run: {title: '拒絶理由通知対応: P-2026-0142', url: 'https://mm.example/ip/channels/patents'}, finisher: 'smith'});
    expect(line).toBe(`ワークフロー完了: [拒絶理由通知対応: P-2026-0142](https://mm.example/ip/channels/patents)。最後のステップは @${WORD_JOINER}smith さんが完了しました。 #baton`);
  });
});
