// One dialog element: text (subtypes), textarea, select (options or the
// users/channels data source), radio, bool, date, datetime.
import React from 'react';

import type {DialogElement, PostActionOption} from '../../types/entities';
import {useHarnessSelector} from '../hooks';
import {useAllUsers} from '../useAllUsers';

import type {DialogValue} from './dialogValues';

const inputTypes: Record<string, string> = {email: 'email', number: 'number', tel: 'tel', url: 'url', password: 'password'};

/** The server sends Go zero values: max_length 0 means the default (150 text, 3000 textarea, as utils/dialog_conversion.ts). */
const maxLengthOf = (element: DialogElement) => (element.max_length && element.max_length > 0 ? element.max_length : element.type === 'textarea' ? 3000 : 150);

interface Props {
    element: DialogElement;
    value: DialogValue;
    error?: string;
    onChange: (name: string, value: DialogValue) => void;
}

function useOptions(element: DialogElement): PostActionOption[] {
    useAllUsers(element.data_source === 'users');
    const users = useHarnessSelector((state) => state.entities.users.profiles);
    const channels = useHarnessSelector((state) => state.entities.channels.channels);
    const teamId = useHarnessSelector((state) => state.entities.teams.currentTeamId);
    if (element.data_source === 'users') {
        return Object.values(users).filter((user) => user.delete_at === 0).map((user) => ({text: user.username, value: user.id}));
    }
    if (element.data_source === 'channels') {
        return Object.values(channels).filter((channel) => channel.team_id === teamId && (channel.type === 'O' || channel.type === 'P')).
            map((channel) => ({text: channel.display_name, value: channel.id}));
    }
    return element.options ?? [];
}

function Control({element, value, onChange}: Props) {
    const options = useOptions(element);
    const testId = `dialog-field-${element.name}`;
    const text = typeof value === 'string' ? value : '';
    switch (element.type) {
    case 'textarea':
        return <textarea data-testid={testId} name={element.name} placeholder={element.placeholder} maxLength={maxLengthOf(element)} value={text} onChange={(event) => onChange(element.name, event.target.value)}/>;
    case 'select':
        return (
            <select data-testid={testId} name={element.name} value={text} onChange={(event) => onChange(element.name, event.target.value)}>
                <option value=''>{element.placeholder ?? ''}</option>
                {options.map((option) => <option key={option.value} value={option.value}>{option.text}</option>)}
            </select>
        );
    case 'radio':
        return (
            <div role='radiogroup' data-testid={testId}>
                {options.map((option) => (
                    <label key={option.value} className='harness-dialog__radio'>
                        <input type='radio' name={element.name} value={option.value} data-testid={`${testId}-${option.value}`} checked={text === option.value} onChange={() => onChange(element.name, option.value)}/>
                        {option.text}
                    </label>
                ))}
            </div>
        );
    case 'bool':
        return (
            <label className='harness-dialog__bool'>
                <input type='checkbox' data-testid={testId} name={element.name} checked={value === true} onChange={(event) => onChange(element.name, event.target.checked)}/>
                {element.placeholder ?? ''}
            </label>
        );
    case 'date':
        return <input type='date' data-testid={testId} name={element.name} value={text} onChange={(event) => onChange(element.name, event.target.value)}/>;
    case 'datetime':
        return <input type='datetime-local' data-testid={testId} name={element.name} value={text} onChange={(event) => onChange(element.name, event.target.value)}/>;
    default:
        return (
            <input
                type={inputTypes[element.subtype ?? ''] ?? 'text'}
                data-testid={testId}
                name={element.name}
                placeholder={element.placeholder}
                maxLength={maxLengthOf(element)}
                value={text}
                onChange={(event) => onChange(element.name, event.target.value)}
            />
        );
    }
}

export function DialogField(props: Props) {
    const {element, error} = props;
    return (
        <div className='harness-dialog__field' data-testid={`dialog-element-${element.name}`}>
            <div className='harness-dialog__label'>
                {element.display_name}
                {element.optional ? <span className='harness-dialog__optional'>{' (optional)'}</span> : <span className='harness-dialog__required'>{' *'}</span>}
            </div>
            <Control {...props}/>
            {element.help_text && <div className='harness-dialog__help'>{element.help_text}</div>}
            {error && <div className='harness-error' data-testid={`dialog-field-error-${element.name}`}>{error}</div>}
        </div>
    );
}
