// The slash-command path of the message box:
// actions/views/create_comment.tsx submitCommand → actions/hooks.ts
// runSlashCommandWillBePostedHooks → actions/command.ts executeCommand.
import type {CommandArgs} from '../client/client4';
import type {Host} from '../host';
import {harnessLog} from '../log';
import {IntegrationTypes} from '../store/actionTypes';
import {getCurrentTeamId, getPluginComponents} from '../store/selectors';
import type {HarnessThunk} from '../store/state';
import {isUrlSafe} from '../navigation/urls';

type HookResult = {message?: string; args?: CommandArgs; error?: unknown} | null | undefined;
type SlashCommandHook = (message: string, args: CommandArgs) => HookResult | Promise<HookResult>;

export interface HookOutcome {
    data?: {message: string | undefined; args: CommandArgs | undefined};
    error?: unknown;
}

/**
 * Each hook gets the message and args the previous one returned. `{error}`
 * stops with that error; `{}` consumes the command (no later hook runs, nothing
 * is sent); a falsy return leaves message and args unchanged.
 */
export function runSlashCommandWillBePostedHooks(originalMessage: string, originalArgs: CommandArgs): HarnessThunk<Promise<HookOutcome>> {
    return async (_dispatch, getState) => {
        const hooks = getPluginComponents(getState(), 'SlashCommandWillBePosted');
        let message: string | undefined = originalMessage;
        let args: CommandArgs | undefined = originalArgs;
        for (const registration of hooks) {
            const hook = registration.hook;
            if (typeof hook !== 'function') {
                continue;
            }
            // One after another, each seeing what the previous returned, even
            // undefined (a hook returning only {args} breaks the next one there too).
            const result = await (hook as SlashCommandHook)(message as string, args as CommandArgs);
            if (result) {
                if ('error' in result) {
                    return {error: result.error};
                }
                message = result.message;
                args = result.args;
                // The first plugin to consume the command by returning {} ends processing.
                if (Object.keys(result).length === 0) {
                    break;
                }
            }
        }
        return {data: {message, args}};
    };
}

/** actions/command.ts executeCommand, without the webapp's built-in client commands. */
export function executeCommand(host: Host, message: string, args: CommandArgs): HarnessThunk<Promise<{data?: true; error?: unknown}>> {
    return async (dispatch) => {
        let cmdLength = message.indexOf(' ');
        if (cmdLength < 0) {
            cmdLength = message.length;
        }
        const cmd = message.substring(0, cmdLength).toLowerCase();
        const rest = message.substring(cmdLength, message.length);
        const msg = cmd === '/code' ? `${cmd} ${rest.trimEnd()}` : `${cmd} ${rest.trim()}`;

        let data;
        try {
            data = await host.client.executeCommand(msg, args);
        } catch (error) {
            return {error};
        }

        if (data?.trigger_id) {
            dispatch({type: IntegrationTypes.RECEIVED_DIALOG_TRIGGER_ID, data: data.trigger_id});
        }
        const gotoLocation = data?.goto_location;
        if (gotoLocation && isUrlSafe(gotoLocation)) {
            const siteUrl = host.siteUrl();
            if (gotoLocation.startsWith('/')) {
                host.history.push(gotoLocation);
            } else if (gotoLocation.startsWith(siteUrl)) {
                host.history.push(gotoLocation.substring(siteUrl.length));
            } else {
                harnessLog.info(`goto_location ${gotoLocation} is outside the site: opening a new window, as Mattermost does.`);
                window.open(gotoLocation);
            }
        }
        return {data: true};
    };
}

/** actions/views/create_comment.tsx submitCommand. Throws executeCommand's error for the message box to show. */
export function submitCommand(host: Host, channelId: string, rootId: string, message: string): HarnessThunk<Promise<{error?: unknown}>> {
    return async (dispatch, getState) => {
        const args: CommandArgs = {channel_id: channelId, team_id: getCurrentTeamId(getState()), root_id: rootId};
        const hookResult = await dispatch(runSlashCommandWillBePostedHooks(message, args));
        if (hookResult.error) {
            return {error: hookResult.error};
        }
        if (!hookResult.data?.message && !hookResult.data?.args) {
            // Consumed by a plugin hook: nothing goes to the server.
            return {};
        }
        const {error} = await dispatch(executeCommand(host, hookResult.data.message as string, hookResult.data.args as CommandArgs));
        if (error) {
            throw error;
        }
        return {};
    };
}
