/** @jest-environment jsdom */
import type {CommandArgs} from '../client/client4';
import {createPluginRegistry} from '../registry/createPluginRegistry';
import {TeamTypes} from '../store/actionTypes';
import {createTestHost} from '../testing/testHost';
import type {RecordedRequest} from '../testing/testHost';

import {runSlashCommandWillBePostedHooks, submitCommand} from './slashCommands';

const args: CommandArgs = {channel_id: 'c1', team_id: 't1', root_id: ''};

function setup(commandResponse: Record<string, unknown> = {}) {
    const test = createTestHost((request) => (request.url.endsWith('/commands/execute') ? {body: commandResponse} : undefined));
    test.host.store.dispatch({type: TeamTypes.SELECT_TEAM, data: 't1'});
    const executed = () => test.requests.filter((request: RecordedRequest) => request.url.endsWith('/commands/execute'));
    return {...test, executed};
}

describe('runSlashCommandWillBePostedHooks (actions/hooks.ts)', () => {
    it('passes {message, args} from one hook to the next', async () => {
        const {host} = setup();
        const seen: string[] = [];
        createPluginRegistry('a', host).registerSlashCommandWillBePostedHook((message: string, hookArgs: CommandArgs) => {
            seen.push(message);
            return {message: `${message} --from-a`, args: hookArgs};
        });
        createPluginRegistry('b', host).registerSlashCommandWillBePostedHook(async (message: string, hookArgs: CommandArgs) => {
            seen.push(message);
            return {message: `${message} --from-b`, args: {...hookArgs, root_id: 'r1'}};
        });
        const result = await host.store.dispatch(runSlashCommandWillBePostedHooks('/task list', args));
        expect(seen).toEqual(['/task list', '/task list --from-a']);
        expect(result).toEqual({data: {message: '/task list --from-a --from-b', args: {...args, root_id: 'r1'}}});
    });

    it('stops at {} (consumed) without running later hooks', async () => {
        const {host} = setup();
        const later = jest.fn();
        createPluginRegistry('a', host).registerSlashCommandWillBePostedHook(() => ({}));
        createPluginRegistry('b', host).registerSlashCommandWillBePostedHook(later);
        const result = await host.store.dispatch(runSlashCommandWillBePostedHooks('/task', args));
        expect(later).not.toHaveBeenCalled();
        expect(result).toEqual({data: {message: undefined, args: undefined}});
    });

    it('returns the first {error}', async () => {
        const {host} = setup();
        createPluginRegistry('a', host).registerSlashCommandWillBePostedHook(() => ({error: {message: 'Not here'}}));
        expect(await host.store.dispatch(runSlashCommandWillBePostedHooks('/task', args))).toEqual({error: {message: 'Not here'}});
    });

    it('keeps message and args when a hook returns nothing', async () => {
        const {host} = setup();
        createPluginRegistry('a', host).registerSlashCommandWillBePostedHook(() => undefined);
        expect(await host.store.dispatch(runSlashCommandWillBePostedHooks('/task', args))).toEqual({data: {message: '/task', args}});
    });
});

describe('submitCommand', () => {
    it('sends the hooked message to POST /commands/execute with channel, team and root', async () => {
        const {host, executed} = setup();
        createPluginRegistry('a', host).registerSlashCommandWillBePostedHook((message: string, hookArgs: CommandArgs) => ({message: message.toUpperCase(), args: hookArgs}));
        await host.store.dispatch(submitCommand(host, 'c1', '', '/task   hand over  '));
        expect(executed()).toHaveLength(1);
        // executeCommand lower-cases the trigger and trims the rest.
        expect(executed()[0]?.body).toEqual({command: '/task HAND OVER', channel_id: 'c1', team_id: 't1', root_id: ''});
        expect(executed()[0]?.headers['X-Requested-With']).toBe('XMLHttpRequest');
    });

    it('sends nothing when a hook consumed the command', async () => {
        const {host, executed} = setup();
        createPluginRegistry('a', host).registerSlashCommandWillBePostedHook(() => ({}));
        expect(await host.store.dispatch(submitCommand(host, 'c1', '', '/task'))).toEqual({});
        expect(executed()).toHaveLength(0);
    });

    it('returns a hook error without calling the server', async () => {
        const {host, executed} = setup();
        createPluginRegistry('a', host).registerSlashCommandWillBePostedHook(() => ({error: {message: 'No'}}));
        expect(await host.store.dispatch(submitCommand(host, 'c1', '', '/task'))).toEqual({error: {message: 'No'}});
        expect(executed()).toHaveLength(0);
    });

    it('follows a site-relative goto_location and records the trigger id', async () => {
        const {host} = setup({goto_location: 'http://localhost/team/channels/other', trigger_id: 'trig1'});
        await host.store.dispatch(submitCommand(host, 'c1', '', '/task'));
        expect(host.history.location.pathname).toBe('/team/channels/other');
        expect(host.store.getState().entities.integrations.dialogTriggerId).toBe('trig1');
    });

    it('ignores an unsafe goto_location', async () => {
        const {host} = setup({goto_location: 'javascript:alert(1)'});
        const before = host.history.location.pathname;
        await host.store.dispatch(submitCommand(host, 'c1', '', '/task'));
        expect(host.history.location.pathname).toBe(before);
    });

    it('throws the server error for the message box to show', async () => {
        const {host} = createTestHost(() => ({status: 404, body: {id: 'api.command.execute_command.not_found.app_error', message: 'Command not found'}}));
        await expect(host.store.dispatch(submitCommand(host, 'c1', '', '/nope'))).rejects.toThrow('Command not found');
    });
});
