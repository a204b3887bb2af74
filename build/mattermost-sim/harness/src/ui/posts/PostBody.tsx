// components/post_view/post_message_view: a deleted post says so; a post whose
// type (props.type first) has a plugin component renders that component with
// {post, compactDisplay, isRHS, theme}; otherwise the Markdown message.
import React from 'react';
import {FormattedMessage} from 'react-intl';

import {formatText} from '../../globals/formatText';
import {messageHtmlToComponent} from '../../globals/messageHtmlToComponent';
import {getTheme} from '../../store/selectors';
import type {Post} from '../../types/entities';
import {useHarnessSelector} from '../hooks';
import {PluggableErrorBoundary} from '../pluggable/PluggableErrorBoundary';

import {MessageAttachments} from './MessageAttachments';

export function PostBody({post}: {post: Post}) {
    const theme = useHarnessSelector(getTheme);
    const postType = typeof post.props?.type === 'string' ? post.props.type : post.type;
    const registration = useHarnessSelector((state) => (Object.hasOwn(state.plugins.postTypes, postType) ? state.plugins.postTypes[postType] : undefined));

    if (post.state === 'DELETED') {
        return (
            <p className='harness-post__deleted'>
                <FormattedMessage
                    id='post_message_view.deleted'
                    defaultMessage='(message deleted)'
                />
            </p>
        );
    }
    if (registration) {
        const PluginComponent = registration.component as React.ComponentType<Record<string, unknown>>;
        return (
            <PluggableErrorBoundary pluginId={registration.pluginId}>
                <div data-testid={`post-plugin-body-${post.id}`}>
                    <PluginComponent
                        post={post}
                        compactDisplay={false}
                        isRHS={false}
                        theme={theme}
                    />
                </div>
            </PluggableErrorBoundary>
        );
    }
    return (
        <>
            <div
                className='harness-post__message'
                data-testid={`post-message-${post.id}`}
            >
                {messageHtmlToComponent(formatText(post.message))}
            </div>
            <MessageAttachments post={post}/>
        </>
    );
}
