/** @jest-environment jsdom */
import {IntegrationTypes} from '../store/actionTypes';
import {createTestHost} from '../testing/testHost';
import type {OpenDialogRequest} from '../types/entities';

import {INTERACTIVE_DIALOG, handleOpenDialogEvent, openInteractiveDialog, submitInteractiveDialog, watchDialogTriggers} from './dialogs';

const request = (triggerId: string): OpenDialogRequest => ({trigger_id: triggerId, url: 'http://bridge/dialog', dialog: {title: 'Hand over', callback_id: 'cb'}});

const isOpen = (host: ReturnType<typeof createTestHost>['host']) => Boolean(host.store.getState().views.modals.modalState[INTERACTIVE_DIALOG]);

describe('opening interactive dialogs', () => {
    it('opens an open_dialog event only when its trigger id is the last one received', () => {
        const {host} = createTestHost();
        host.store.dispatch({type: IntegrationTypes.RECEIVED_DIALOG_TRIGGER_ID, data: 'mine'});
        handleOpenDialogEvent(host.store, JSON.stringify(request('someone-elses')));
        expect(isOpen(host)).toBe(false);
        handleOpenDialogEvent(host.store, JSON.stringify(request('mine')));
        expect(isOpen(host)).toBe(true);
    });

    it('opens a dialog that arrived before its trigger id once the trigger id comes', () => {
        const {host} = createTestHost();
        watchDialogTriggers(host.store);
        handleOpenDialogEvent(host.store, JSON.stringify(request('late')));
        expect(isOpen(host)).toBe(false);
        host.store.dispatch({type: IntegrationTypes.RECEIVED_DIALOG_TRIGGER_ID, data: 'late'});
        expect(isOpen(host)).toBe(true);
    });

    it('opens window.openInteractiveDialog dialogs directly', () => {
        const {host} = createTestHost();
        openInteractiveDialog(host.store, request('any'));
        expect(isOpen(host)).toBe(true);
        expect(host.store.getState().entities.integrations.dialog?.dialog.title).toBe('Hand over');
    });
});

describe('submitInteractiveDialog', () => {
    it('fills in the current channel and team and returns the integration answer', async () => {
        const {host, requests} = createTestHost(() => ({body: {errors: {title: 'Taken'}}}));
        host.store.dispatch({type: 'SELECT_CHANNEL', data: 'c1'});
        host.store.dispatch({type: 'SELECT_TEAM', data: 't1'});
        const result = await host.store.dispatch(submitInteractiveDialog(host, {
            url: 'http://bridge/dialog', callback_id: 'cb', state: 's', submission: {title: 'x'}, user_id: '', channel_id: '', team_id: '', cancelled: false,
        }));
        expect(result).toEqual({data: {errors: {title: 'Taken'}}});
        expect(requests[0]).toMatchObject({method: 'POST', url: 'http://localhost/api/v4/actions/dialogs/submit', body: {channel_id: 'c1', team_id: 't1', callback_id: 'cb'}});
    });
});
