// Values of an interactive dialog, as Mattermost 11 handles them since dialogs
// render through the Apps form (components/interactive_dialog/
// interactive_dialog_adapter.tsx and utils/dialog_conversion.ts): defaults
// by element type, and a submission without empty values (extractPrimitiveValues:
// null, '' and '<nil>' are left out, false is kept, selects send the option value).
import type {DialogElement, DialogSubmissionValue} from '../../types/entities';

export type DialogValue = string | boolean | null;
export type DialogValues = Record<string, DialogValue>;

/** dialog_conversion getDefaultValue. */
export function defaultValue(element: DialogElement): DialogValue {
    const value = element.default;
    if (value === null || value === undefined) {
        return null;
    }
    switch (element.type) {
    case 'bool': {
        if (typeof value === 'boolean') {
            return value;
        }
        const text = String(value).toLowerCase().trim();
        return text === 'true' || text === '1' || text === 'yes';
    }
    case 'select':
    case 'radio':
        if (element.data_source === 'users' || element.data_source === 'channels') {
            return String(value);
        }
        return element.options?.some((option) => option.value === value) ? String(value) : null;
    default:
        return String(value);
    }
}

export function initialValues(elements: DialogElement[]): DialogValues {
    return Object.fromEntries(elements.map((element) => [element.name, defaultValue(element)]));
}

const isEmpty = (value: DialogValue) => value === null || value === '' || value === '<nil>';

/** Client-side checks before submitting: required fields and text lengths. */
export function validate(elements: DialogElement[], values: DialogValues): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const element of elements) {
        const value = values[element.name] ?? null;
        if (element.type === 'bool') {
            continue;
        }
        if (!element.optional && isEmpty(value)) {
            errors[element.name] = 'This field is required.';
        } else if (typeof value === 'string' && value !== '' && element.min_length !== undefined && value.length < element.min_length) {
            errors[element.name] = `Must be at least ${element.min_length} characters.`;
        }
    }
    return errors;
}

/** A datetime-local input value (local time) as an ISO 8601 UTC timestamp. */
function toIsoDateTime(local: string): string {
    const date = new Date(local);
    return Number.isNaN(date.getTime()) ? local : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function submissionOf(elements: DialogElement[], values: DialogValues): Record<string, DialogSubmissionValue> {
    const submission: Record<string, DialogSubmissionValue> = {};
    for (const element of elements) {
        const value = values[element.name] ?? null;
        if (isEmpty(value) || value === null) {
            continue;
        }
        submission[element.name] = element.type === 'datetime' && typeof value === 'string' ? toIsoDateTime(value) : value;
    }
    return submission;
}
