import {canMakeTaskFrom, permalink, prefillFromPost, titleFromMessage} from './taskFromPost';

describe('a task from a post', () => {
  it('takes the first line with text as the title, Markdown removed', () => {
    expect(titleFromMessage('\n\n## **Review** the [claims](https://x.example.com)\nmore')).toBe('Review the claims');
    expect(titleFromMessage('> - [ ] `fix` ~~old~~ _now_')).toBe('fix old now');
    expect(titleFromMessage('```\ncode\n```')).toBe('code');
    expect(titleFromMessage('明細書のレビューをお願いします')).toBe('明細書のレビューをお願いします');
    expect(titleFromMessage('   ')).toBe('');
  });

  it('cuts the title at 200 characters (not in the middle of a character)', () => {
    const title = titleFromMessage('😀'.repeat(250));
    expect(Array.from(title)).toHaveLength(200);
  });

  it('builds the permalink as Mattermost does', () => {
    expect(permalink('https://chat.example.com/mm/', 'acme', 'pppp')).toBe('https://chat.example.com/mm/acme/pl/pppp');
  });

  it('prefills title, the message with its permalink, the channel and the source post', () => {
    expect(prefillFromPost({id: 'pppp', message: 'Please file by Friday', channelId: 'cccc'}, 'https://chat.example.com/acme/pl/pppp')).toEqual({
      title: 'Please file by Friday',
      description: 'Please file by Friday\n\nhttps://chat.example.com/acme/pl/pppp',
      channelId: 'cccc',
      sourcePostId: 'pppp',
    });
  });

  it('is offered for ordinary and custom posts, not for system or ephemeral ones', () => {
    expect(canMakeTaskFrom({type: ''})).toBe(true);
    expect(canMakeTaskFrom({type: 'custom_baton_handoff'})).toBe(true);
    expect(canMakeTaskFrom({type: 'system_join_channel'})).toBe(false);
    expect(canMakeTaskFrom({type: 'system_ephemeral'})).toBe(false);
    expect(canMakeTaskFrom(null)).toBe(false);
  });
});
