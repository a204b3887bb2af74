// Interactive dialogs. A dialog arrives either through the open_dialog event
// (websocket_actions handleOpenDialogEvent) or window.openInteractiveDialog
// (plugins/interactive_dialog.ts); the event only opens it when its trigger_id
// is the last one this client received, and a store subscription opens a
// dialog that arrived before its trigger id.
import type {Host} from '../host';
import {ActionTypes, IntegrationTypes} from '../store/actionTypes';
import {getCurrentChannelId, getCurrentTeamId} from '../store/selectors';
import type {HarnessStore, HarnessThunk} from '../store/state';
import type {DialogSubmission, OpenDialogRequest, SubmitDialogResponse} from '../types/entities';

/** ModalIdentifiers.INTERACTIVE_DIALOG */
export const INTERACTIVE_DIALOG = 'interactive_dialog';

export const openDialogModal = () => ({type: ActionTypes.MODAL_OPEN, modalId: INTERACTIVE_DIALOG, dialogType: INTERACTIVE_DIALOG, dialogProps: {}});
export const closeDialogModal = () => ({type: ActionTypes.MODAL_CLOSE, modalId: INTERACTIVE_DIALOG});

export function openInteractiveDialog(store: HarnessStore, dialog: OpenDialogRequest): void {
    store.dispatch({type: IntegrationTypes.RECEIVED_DIALOG, data: dialog});
    store.dispatch(openDialogModal());
}

export function handleOpenDialogEvent(store: HarnessStore, dialogJson: unknown): void {
    const dialog = JSON.parse(typeof dialogJson === 'string' ? dialogJson : '{}') as OpenDialogRequest;
    store.dispatch({type: IntegrationTypes.RECEIVED_DIALOG, data: dialog});
    if (dialog.trigger_id !== store.getState().entities.integrations.dialogTriggerId) {
        return;
    }
    store.dispatch(openDialogModal());
}

export function watchDialogTriggers(store: HarnessStore): () => void {
    let previousTriggerId = '';
    return store.subscribe(() => {
        const {dialogTriggerId, dialog} = store.getState().entities.integrations;
        if (dialogTriggerId === previousTriggerId) {
            return;
        }
        previousTriggerId = dialogTriggerId;
        if (dialog && dialog.trigger_id === dialogTriggerId) {
            store.dispatch(openDialogModal());
        }
    });
}

/** mattermost-redux actions/integrations submitInteractiveDialog: the current channel and team are filled in. */
export function submitInteractiveDialog(host: Host, submission: DialogSubmission): HarnessThunk<Promise<{data?: SubmitDialogResponse; error?: unknown}>> {
    return async (_dispatch, getState) => {
        const state = getState();
        const body = {...submission, channel_id: getCurrentChannelId(state), team_id: getCurrentTeamId(state)};
        try {
            return {data: (await host.client.submitInteractiveDialog(body)) ?? {}};
        } catch (error) {
            return {error};
        }
    };
}
