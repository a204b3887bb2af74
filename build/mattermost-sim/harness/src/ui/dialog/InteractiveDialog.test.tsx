/** @jest-environment jsdom */
import React from 'react';
import {act} from 'react-dom/test-utils';

import {openInteractiveDialog} from '../../actions/dialogs';
import {changeValue} from '../../testing/render';
import type {Rendered} from '../../testing/render';
import {renderInHost} from '../../testing/renderInHost';
import {createTestHost} from '../../testing/testHost';
import type {RecordedRequest} from '../../testing/testHost';
import type {OpenDialogRequest} from '../../types/entities';
import {ModalHost} from '../modals/ModalHost';

const dialogRequest: OpenDialogRequest = {
    trigger_id: 't1',
    url: 'http://bridge/dialog',
    dialog: {
        callback_id: 'handover',
        title: 'Hand over',
        notify_on_cancel: true,
        state: 'task-7',
        elements: [
            {display_name: 'Title', name: 'title', type: 'text', default: 'Draft'},
            {display_name: 'Notes', name: 'notes', type: 'textarea', optional: true},
            {display_name: 'Priority', name: 'priority', type: 'select', options: [{text: 'High', value: 'high'}, {text: 'Low', value: 'low'}]},
            {display_name: 'Urgent', name: 'urgent', type: 'bool', optional: true},
        ],
    },
};

let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

function setup(answers: Array<Record<string, unknown>>) {
    const submissions: RecordedRequest[] = [];
    const test = createTestHost((request) => {
        if (request.url.endsWith('/actions/dialogs/submit')) {
            submissions.push(request);
            return {body: answers.shift() ?? {}};
        }
        return undefined;
    });
    openInteractiveDialog(test.host.store, dialogRequest);
    rendered = renderInHost(test.host, <ModalHost/>);
    const query = <T extends Element>(testId: string) => rendered?.container.querySelector<T>(`[data-testid="${testId}"]`) ?? null;
    const submit = () => act(async () => query<HTMLButtonElement>('dialog-submit')?.click());
    return {...test, submissions, query, submit};
}

describe('the interactive dialog', () => {
    it('renders every element with its default', () => {
        const {query} = setup([]);
        expect(query('dialog-title')?.textContent).toBe('Hand over');
        expect(query<HTMLInputElement>('dialog-field-title')?.value).toBe('Draft');
        expect(query('dialog-field-notes')?.tagName).toBe('TEXTAREA');
        expect(query<HTMLSelectElement>('dialog-field-priority')?.options).toHaveLength(3);
        expect(query<HTMLInputElement>('dialog-field-urgent')?.type).toBe('checkbox');
    });

    it('checks required fields before calling the server', async () => {
        const {query, submit, submissions} = setup([]);
        await submit();
        expect(query('dialog-field-error-priority')?.textContent).toBe('This field is required.');
        expect(submissions).toHaveLength(0);
    });

    it('keeps the dialog open with the server errors under their fields, then closes on success', async () => {
        const {query, submit, submissions} = setup([{errors: {title: 'A task with this title exists'}}, {}]);
        changeValue(query<HTMLSelectElement>('dialog-field-priority')!, 'high');
        await submit();
        expect(submissions[0]?.body).toMatchObject({callback_id: 'handover', state: 'task-7', cancelled: false, submission: {title: 'Draft', priority: 'high'}});
        expect(query('dialog-field-error-title')?.textContent).toBe('A task with this title exists');
        expect(query('dialog')).not.toBeNull();
        changeValue(query<HTMLInputElement>('dialog-field-title')!, 'Final');
        await submit();
        expect(submissions[1]?.body).toMatchObject({submission: {title: 'Final', priority: 'high'}});
        expect(query('dialog')).toBeNull();
    });

    it('shows a general error and stays open', async () => {
        const {query, submit} = setup([{error: 'The bridge is down'}]);
        changeValue(query<HTMLSelectElement>('dialog-field-priority')!, 'low');
        await submit();
        expect(query('dialog-error')?.textContent).toBe('The bridge is down');
        expect(query('dialog')).not.toBeNull();
    });

    it('notifies the integration on cancel when notify_on_cancel is set', async () => {
        const {query, submissions} = setup([]);
        await act(async () => query<HTMLButtonElement>('dialog-cancel')?.click());
        expect(submissions[0]?.body).toMatchObject({callback_id: 'handover', cancelled: true, submission: {}});
        expect(query('dialog')).toBeNull();
    });
});
