// window.WebappUtils (plugins/export.ts). The function members are provided;
// anything else a plugin reads is reported by name. `popouts` is left out on
// purpose: it arrived with RHS pop-outs after 11.1, so plugins must feature-detect it.
import type {Host} from '../host';
import {harnessLog} from '../log';
import {ActionTypes} from '../store/actionTypes';
import type {HarnessThunk} from '../store/state';

import {guardUnknownMembers} from './guardUnknownMembers';

interface ModalData {
    modalId: string;
    dialogType: unknown;
    dialogProps?: Record<string, unknown>;
}

/** actions/views/modals openModal: a plain action; the harness's modal host renders dialogType with dialogProps. */
export function openModal(modalData: ModalData) {
    return {type: ActionTypes.MODAL_OPEN, modalId: modalData.modalId, dialogProps: modalData.dialogProps, dialogType: modalData.dialogType};
}

export function closeModal(modalId: string) {
    return {type: ActionTypes.MODAL_CLOSE, modalId};
}

function notImplemented(name: string): HarnessThunk<{data: boolean}> {
    return () => {
        harnessLog.warn(`WebappUtils.${name} was dispatched; the harness does not simulate it.`);
        return {data: false};
    };
}

const missing = (path: string) => (member: string) =>
    `A plugin read window.WebappUtils.${path}${member}, which the harness does not provide (plugins/export.ts lists what Mattermost 11 has).`;

export function createWebappUtils(host: Host): object {
    const utils = {
        get browserHistory() {
            return host.history;
        },
        modals: guardUnknownMembers({openModal}, missing('modals.')),
        notificationSounds: {
            ring: (sound: string) => harnessLog.info(`WebappUtils.notificationSounds.ring(${sound}) (no sound in the harness)`),
            stopRing: () => undefined,
        },
        sendDesktopNotificationToMe: (title: string, body: string): HarnessThunk<{data: boolean}> => () => {
            harnessLog.info(`Desktop notification: ${title} — ${body}`);
            return {data: true};
        },
        openUserSettings: (dialogProps: Record<string, unknown>) => {
            harnessLog.warn('WebappUtils.openUserSettings: the harness has no user settings modal.', dialogProps);
            return {type: 'HARNESS_UNSUPPORTED_USER_SETTINGS'};
        },
        channels: {
            favoriteChannel: (channelId: string) => notImplemented(`channels.favoriteChannel(${channelId})`),
            unfavoriteChannel: (channelId: string) => notImplemented(`channels.unfavoriteChannel(${channelId})`),
            isFavoriteChannel: () => false,
        },
    };
    return guardUnknownMembers(utils, missing(''));
}
