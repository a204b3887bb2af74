// registerSlashCommandWillBePostedHook: `/task board` and `/task show KEY`
// open the Baton panel (on this channel's list, or on that task's detail)
// instead of going to the server; everything else passes on untouched. The host's
// contract (MATTERMOST.md): return `{message, args}` to pass the command on,
// `{}` to consume it. Mobile and desktop apps without the plugin still send
// these to the bridge, which answers them itself.
import type {RhsOpener} from '../rhs/rhsOpener';

export type SlashCommandHookResult<Args> = {message: string; args: Args} | Record<string, never>;

/** A task key as the bridge writes them (server-bridge/src/domain/tasks/keyPrefix.ts): PREFIX-number. */
const TASK_KEY = /^[A-Za-z][A-Za-z0-9]{0,9}-\d{1,9}$/;

export function createSlashCommandHook(rhs: Pick<RhsOpener, 'showList' | 'showTask'>) {
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
    const key = words[2];
    if (subcommand === 'show' && words.length === 3 && key && TASK_KEY.test(key)) {
      rhs.showTask(key.toUpperCase());
      return {};
    }
    return {message, args};
  };
}
