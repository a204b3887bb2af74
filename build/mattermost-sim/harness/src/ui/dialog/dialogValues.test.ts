import type {DialogElement} from '../../types/entities';

import {defaultValue, initialValues, submissionOf, validate} from './dialogValues';

const element = (overrides: Partial<DialogElement>): DialogElement => ({display_name: 'Field', name: 'field', type: 'text', ...overrides});

describe('dialog defaults (utils/dialog_conversion getDefaultValue)', () => {
    it('reads bool defaults given as booleans or strings', () => {
        expect(defaultValue(element({type: 'bool', default: true}))).toBe(true);
        expect(defaultValue(element({type: 'bool', default: 'TRUE'}))).toBe(true);
        expect(defaultValue(element({type: 'bool', default: 'no'}))).toBe(false);
        expect(defaultValue(element({type: 'bool'}))).toBeNull();
    });

    it('keeps a select default only when it is one of the options', () => {
        const options = [{text: 'High', value: 'high'}];
        expect(defaultValue(element({type: 'select', options, default: 'high'}))).toBe('high');
        expect(defaultValue(element({type: 'select', options, default: 'none'}))).toBeNull();
        expect(defaultValue(element({type: 'select', data_source: 'users', default: 'user1'}))).toBe('user1');
    });
});

describe('dialog validation and submission', () => {
    const elements = [
        element({name: 'title'}),
        element({name: 'note', type: 'textarea', optional: true}),
        element({name: 'urgent', type: 'bool', optional: true}),
        element({name: 'code', min_length: 3, optional: true}),
    ];

    it('requires non-optional fields and checks minimum lengths', () => {
        expect(validate(elements, {title: '', code: 'ab'})).toEqual({title: 'This field is required.', code: 'Must be at least 3 characters.'});
        expect(validate(elements, {title: 'x'})).toEqual({});
    });

    it('leaves out empty values but keeps false (extractPrimitiveValues)', () => {
        expect(submissionOf(elements, {...initialValues(elements), title: 'Hand over', note: '', urgent: false})).toEqual({title: 'Hand over', urgent: false});
    });

    it('sends datetime values as UTC ISO timestamps', () => {
        const [at] = [element({name: 'at', type: 'datetime'})];
        const submission = submissionOf([at], {at: '2026-02-03T04:05'});
        expect(submission.at).toMatch(/^2026-02-0\dT\d\d:05:00Z$/);
    });
});
