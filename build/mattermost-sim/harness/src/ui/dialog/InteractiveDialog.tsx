// The interactive dialog modal. Submit: client checks, then
// POST /actions/dialogs/submit; {errors} keep the dialog open with the errors
// under their fields, {error} shows at the bottom, anything else closes it.
// Cancel/close: with notify_on_cancel, a {cancelled: true} submission first.
import React, {useState} from 'react';

import {closeDialogModal, submitInteractiveDialog} from '../../actions/dialogs';
import type {OpenDialogRequest} from '../../types/entities';
import {errorText} from '../errorText';
import {useHarnessDispatch} from '../hooks';
import {useHost} from '../hostContext';

import {DialogField} from './DialogField';
import {initialValues, submissionOf, validate} from './dialogValues';
import type {DialogValue} from './dialogValues';

export function InteractiveDialog({request}: {request: OpenDialogRequest}) {
    const host = useHost();
    const dispatch = useHarnessDispatch();
    const {dialog, url} = request;
    const elements = dialog.elements ?? [];
    const [values, setValues] = useState(() => initialValues(elements));
    const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
    const [formError, setFormError] = useState('');
    const [submitting, setSubmitting] = useState(false);

    const base = {url, callback_id: dialog.callback_id ?? '', state: dialog.state ?? '', user_id: '', channel_id: '', team_id: ''};
    const close = () => dispatch(closeDialogModal());

    const cancel = () => {
        if (dialog.notify_on_cancel) {
            void dispatch(submitInteractiveDialog(host, {...base, cancelled: true, submission: {}}));
        }
        close();
    };

    const submit = async (event: React.FormEvent) => {
        event.preventDefault();
        const clientErrors = validate(elements, values);
        setFieldErrors(clientErrors);
        setFormError('');
        if (Object.keys(clientErrors).length > 0) {
            return;
        }
        setSubmitting(true);
        const result = await dispatch(submitInteractiveDialog(host, {...base, cancelled: false, submission: submissionOf(elements, values)}));
        setSubmitting(false);
        if (result.error) {
            setFormError(errorText(result.error));
            return;
        }
        const names = new Set(elements.map((element) => element.name));
        const errors = result.data?.errors ?? {};
        const unknownFields = Object.entries(errors).filter(([name]) => !names.has(name));
        if (result.data?.error || Object.keys(errors).length > 0) {
            setFieldErrors(Object.fromEntries(Object.entries(errors).filter(([name]) => names.has(name))));
            setFormError([result.data?.error ?? '', ...unknownFields.map(([name, message]) => `${name}: ${message}`)].filter(Boolean).join(' '));
            return;
        }
        close();
    };

    const onChange = (name: string, value: DialogValue) => setValues((current) => ({...current, [name]: value}));

    return (
        <div className='harness-modal-backdrop'>
            <form
                className='harness-dialog'
                role='dialog'
                aria-labelledby='interactiveDialogModalLabel'
                data-testid='dialog'
                data-callback-id={dialog.callback_id ?? ''}
                onSubmit={submit}
                autoComplete='off'
            >
                <header className='harness-dialog__header'>
                    {dialog.icon_url && <img src={dialog.icon_url} alt='' width={36} height={36}/>}
                    <h1 id='interactiveDialogModalLabel' data-testid='dialog-title'>{dialog.title}</h1>
                    <button type='button' className='harness-icon-button' aria-label='Close' data-testid='dialog-close' onClick={cancel}>{'×'}</button>
                </header>
                {dialog.introduction_text && <p className='harness-dialog__intro' data-testid='dialog-introduction'>{dialog.introduction_text}</p>}
                {elements.map((element) => (
                    <DialogField
                        key={element.name}
                        element={element}
                        value={values[element.name] ?? null}
                        error={fieldErrors[element.name]}
                        onChange={onChange}
                    />
                ))}
                <footer className='harness-dialog__footer'>
                    {formError && <div className='harness-error' data-testid='dialog-error'>{formError}</div>}
                    <button type='button' className='harness-button' data-testid='dialog-cancel' onClick={cancel}>{'Cancel'}</button>
                    <button type='submit' className='harness-button harness-button--primary' data-testid='dialog-submit' disabled={submitting}>
                        {submitting ? 'Submitting...' : dialog.submit_label || 'Submit'}
                    </button>
                </footer>
            </form>
        </div>
    );
}
