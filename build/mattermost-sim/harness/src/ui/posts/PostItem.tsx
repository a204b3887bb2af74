import React from 'react';
import {FormattedMessage} from 'react-intl';

import {getUser, isEphemeralPost} from '../../store/selectors';
import type {Post} from '../../types/entities';
import {useHarnessSelector} from '../hooks';

import {PostBody} from './PostBody';
import {PostMenu} from './PostMenu';

export function PostItem({post}: {post: Post}) {
    const author = useHarnessSelector((state) => getUser(state, post.user_id));
    const ephemeral = useHarnessSelector((state) => isEphemeralPost(state, post));
    const overrideName = typeof post.props?.override_username === 'string' ? post.props.override_username : undefined;
    return (
        <li
            className={ephemeral ? 'harness-post harness-post--ephemeral' : 'harness-post'}
            data-testid={`post-${post.id}`}
            data-post-type={post.type}
            data-ephemeral={ephemeral ? 'true' : 'false'}
        >
            <div className='harness-post__header'>
                <strong data-testid='post-author'>{overrideName ?? (author ? author.username : post.user_id)}</strong>
                {author?.is_bot && <span className='harness-badge'>{'BOT'}</span>}
                <time dateTime={new Date(post.create_at).toISOString()}>{new Date(post.create_at).toLocaleTimeString()}</time>
                {ephemeral && (
                    <span
                        className='harness-post__ephemeral'
                        data-testid='post-ephemeral-label'
                    >
                        <FormattedMessage
                            id='post_info.message.visible'
                            defaultMessage='(Only visible to you)'
                        />
                    </span>
                )}
                <PostMenu post={post}/>
            </div>
            <PostBody post={post}/>
        </li>
    );
}
