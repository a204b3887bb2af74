import {createSlashCommandHook} from './slashCommandHook';

const args = {channel_id: 'cccccccccccccccccccccccccc', team_id: 'tttttttttttttttttttttttttt', root_id: ''};

function hookWithOpener() {
  const opened: string[] = [];
  const hook = createSlashCommandHook({showList: (list) => opened.push(`list:${list}`), showTask: (key) => opened.push(`task:${key}`)});
  return {hook, opened};
}

describe('the /task hook', () => {
  it('consumes `/task board` and opens the panel on this channel’s board', () => {
    const {hook, opened} = hookWithOpener();
    expect(hook('/task board', args)).toEqual({});
    expect(hook('  /TASK   Board ', args)).toEqual({});
    expect(opened).toEqual(['list:channel', 'list:channel']);
  });

  it('consumes `/task show KEY` and opens the panel on that task', () => {
    const {hook, opened} = hookWithOpener();
    expect(hook('/task show pat-12', args)).toEqual({});
    expect(opened).toEqual(['task:PAT-12']);
  });

  it.each([
    '/task',
    '/task mine',
    '/task new Draft the response',
    '/task board extra words',
    '/task show',
    '/task show not-a-key!',
    '/task show PAT-12 now',
    '/tasks board',
    '/away',
    'hello /task board',
  ])('passes `%s` on exactly as it came', (message) => {
    const {hook, opened} = hookWithOpener();
    const result = hook(message, args);
    expect(result).toEqual({message, args});
    expect((result as {args: unknown}).args).toBe(args);
    expect(opened).toEqual([]);
  });
});
