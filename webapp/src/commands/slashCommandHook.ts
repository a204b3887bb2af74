// registerSlashCommandWillBePostedHook: `/task board` opens the Baton panel
// on this channel's list instead of going to the server; everything else
// passes on untouched. `/task show KEY` joins it once the panel has a task
// detail view; until then the bridge's reply shows the task. The host's
// contract (MATTERMOST.md): return `{message, args}` to pass the command on,
// `{}` to consume it. Mobile and desktop apps without the plugin still send
// these to the bridge, which answers them itself.
import type {RhsOpener} from '../rhs/rhsOpener';

export type SlashCommandHookResult<Args> = {message: string; args: Args} | Record<string, never>;

export function createSlashCommandHook(rhs: Pick<RhsOpener, 'showList'>) {
  return <Args>(message: string, args: Args): SlashCommandHookResult<Args> => {
    const words = typeof message === 'string' ? message.trim().split(/\s+/) : [];
    if (words[0]?.toLowerCase() !== '/task') {
      return {message, args};
    }
    const subcommand = words[1]?.toLowerCase();
    if (subcommand === 'board' && words.length === 2) {
      rhs.showList('channel');
      return {};
    }
    return {message, args};
  };
}
