// props.attachments (components/post_view/message_attachments): text, fields
// and actions. A button or a select calls POST /posts/{id}/actions/{action_id}
// through doPostActionWithCookie, with the cookie the server put on the action.
import React, {useState} from 'react';

import {doPostActionWithCookie} from '../../actions/postActions';
import {formatText} from '../../globals/formatText';
import {messageHtmlToComponent} from '../../globals/messageHtmlToComponent';
import type {MessageAttachment, Post, PostAction} from '../../types/entities';
import {useHarnessDispatch, useHarnessSelector} from '../hooks';
import {useHost} from '../hostContext';
import {useAllUsers} from '../useAllUsers';

function isAttachmentList(value: unknown): value is MessageAttachment[] {
    return Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null);
}

function SelectAction({post, action, onRun}: {post: Post; action: PostAction; onRun: (value: string) => void}) {
    useAllUsers(action.data_source === 'users');
    const users = useHarnessSelector((state) => state.entities.users.profiles);
    const channels = useHarnessSelector((state) => state.entities.channels.channels);
    let options = action.options ?? [];
    if (action.data_source === 'users') {
        options = Object.values(users).map((user) => ({text: user.username, value: user.id}));
    } else if (action.data_source === 'channels') {
        options = Object.values(channels).filter((channel) => channel.type === 'O' || channel.type === 'P').map((channel) => ({text: channel.display_name, value: channel.id}));
    }
    return (
        <select
            data-testid={`attachment-action-${action.id}`}
            data-post-id={post.id}
            defaultValue=''
            onChange={(event) => onRun(event.target.value)}
        >
            <option
                value=''
                disabled={true}
            >
                {action.name}
            </option>
            {options.map((option) => (
                <option
                    key={option.value}
                    value={option.value}
                >
                    {option.text}
                </option>
            ))}
        </select>
    );
}

function Attachment({post, attachment, index}: {post: Post; attachment: MessageAttachment; index: number}) {
    const host = useHost();
    const dispatch = useHarnessDispatch();
    const [error, setError] = useState('');
    const run = async (action: PostAction, selectedOption = '') => {
        setError('');
        const result = await dispatch(doPostActionWithCookie(host, post.id, action.id, action.cookie ?? '', selectedOption));
        if (result.error) {
            setError(result.error instanceof Error ? result.error.message : String(result.error));
        }
    };
    return (
        <div
            className='harness-attachment'
            style={{borderLeftColor: attachment.color || undefined}}
            data-testid='attachment'
            data-attachment-index={index}
        >
            {attachment.pretext && <div className='harness-attachment__pretext'>{messageHtmlToComponent(formatText(attachment.pretext))}</div>}
            {attachment.author_name && <div className='harness-attachment__author'>{attachment.author_name}</div>}
            {attachment.title && (
                <div
                    className='harness-attachment__title'
                    data-testid='attachment-title'
                >
                    {attachment.title_link ? <a href={attachment.title_link} target='_blank' rel='noreferrer'>{attachment.title}</a> : attachment.title}
                </div>
            )}
            {attachment.text && (
                <div
                    className='harness-attachment__text'
                    data-testid='attachment-text'
                >
                    {messageHtmlToComponent(formatText(attachment.text))}
                </div>
            )}
            {attachment.fields && attachment.fields.length > 0 && (
                <dl className='harness-attachment__fields'>
                    {attachment.fields.map((field, fieldIndex) => (
                        <div
                            key={fieldIndex}
                            className={field.short ? 'harness-attachment__field harness-attachment__field--short' : 'harness-attachment__field'}
                            data-testid='attachment-field'
                        >
                            <dt>{field.title}</dt>
                            <dd>{messageHtmlToComponent(formatText(String(field.value)))}</dd>
                        </div>
                    ))}
                </dl>
            )}
            {attachment.actions && attachment.actions.length > 0 && (
                <div className='harness-attachment__actions'>
                    {attachment.actions.map((action) => (action.type === 'select' ? (
                        <SelectAction
                            key={action.id}
                            post={post}
                            action={action}
                            onRun={(value) => void run(action, value)}
                        />
                    ) : (
                        <button
                            key={action.id}
                            type='button'
                            className={`harness-button harness-button--${action.style || 'default'}`}
                            data-testid={`attachment-action-${action.id}`}
                            data-action-id={action.id}
                            data-action-cookie={action.cookie ?? ''}
                            onClick={() => void run(action)}
                        >
                            {action.name}
                        </button>
                    )))}
                </div>
            )}
            {error && <div className='harness-error' data-testid='attachment-action-error'>{error}</div>}
        </div>
    );
}

export function MessageAttachments({post}: {post: Post}) {
    const attachments = post.props?.attachments;
    if (!isAttachmentList(attachments)) {
        return null;
    }
    return (
        <div className='harness-attachments'>
            {attachments.map((attachment, index) => (
                <Attachment
                    key={index}
                    post={post}
                    attachment={attachment}
                    index={index}
                />
            ))}
        </div>
    );
}
