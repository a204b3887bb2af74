// The center channel: REST posts plus live posted/edited/deleted/ephemeral
// events, oldest at the top, scrolled to the newest.
import React, {useEffect, useRef} from 'react';

import {UserTypes} from '../../store/actionTypes';
import {getCurrentChannelId, getPostsInChannel} from '../../store/selectors';
import {useHarnessDispatch, useHarnessSelector} from '../hooks';
import {useHost} from '../hostContext';

import {PostItem} from './PostItem';

// Per store, so each host (each test) asks for a missing author once.
const requestedProfiles = new WeakMap<object, Set<string>>();

export function PostList() {
    const host = useHost();
    const dispatch = useHarnessDispatch();
    const channelId = useHarnessSelector(getCurrentChannelId);
    const posts = useHarnessSelector((state) => getPostsInChannel(state, channelId), (a, b) => a.length === b.length && a.every((post, i) => post === b[i]));
    const profiles = useHarnessSelector((state) => state.entities.users.profiles);
    const bottom = useRef<HTMLLIElement>(null);

    useEffect(() => {
        const requested = requestedProfiles.get(host.store) ?? new Set<string>();
        requestedProfiles.set(host.store, requested);
        const missing = [...new Set(posts.map((post) => post.user_id))].filter((id) => !profiles[id] && !requested.has(id));
        if (missing.length > 0) {
            missing.forEach((id) => requested.add(id));
            host.client.getProfilesByIds(missing).then((users) => dispatch({type: UserTypes.RECEIVED_PROFILES_LIST, data: users}), () => undefined);
        }
    }, [posts, profiles, host, dispatch]);

    useEffect(() => {
        bottom.current?.scrollIntoView?.({block: 'end'});
    }, [posts.length]);

    return (
        <ol
            className='harness-post-list'
            data-testid='post-list'
        >
            {posts.map((post) => (
                <PostItem
                    key={post.id}
                    post={post}
                />
            ))}
            <li ref={bottom}/>
        </ol>
    );
}
