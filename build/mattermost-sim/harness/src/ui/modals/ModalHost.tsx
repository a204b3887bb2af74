// The modal controller: the interactive dialog, and any modal a plugin opened
// with WebappUtils.modals.openModal({modalId, dialogType, dialogProps}).
import React from 'react';

import {INTERACTIVE_DIALOG} from '../../actions/dialogs';
import {closeModal} from '../../globals/webappUtils';
import {useHarnessDispatch, useHarnessSelector} from '../hooks';
import {InteractiveDialog} from '../dialog/InteractiveDialog';

export function ModalHost() {
    const dispatch = useHarnessDispatch();
    const modals = useHarnessSelector((state) => state.views.modals.modalState);
    const dialog = useHarnessSelector((state) => state.entities.integrations.dialog);
    return (
        <>
            {Object.entries(modals).map(([modalId, modal]) => {
                if (modalId === INTERACTIVE_DIALOG) {
                    return dialog ? (
                        <InteractiveDialog
                            key={`${modalId}:${dialog.trigger_id}`}
                            request={dialog}
                        />
                    ) : null;
                }
                if (typeof modal.dialogType !== 'function') {
                    return null;
                }
                const Modal = modal.dialogType as React.ComponentType<Record<string, unknown>>;
                const close = () => dispatch(closeModal(modalId));
                return (
                    <div key={modalId} className='harness-modal-backdrop' data-testid={`plugin-modal-${modalId}`}>
                        <Modal {...modal.dialogProps} show={true} onHide={close} onExited={close}/>
                    </div>
                );
            })}
        </>
    );
}
