import type {UnknownAction} from 'redux';

import type {Post, PostList} from '../../../types/entities';
import {field} from '../../actionFields';
import {PostTypes, UserTypes} from '../../actionTypes';
import type {EntitiesState} from '../../state';

type PostsState = EntitiesState['posts'];

const initialState: PostsState = {posts: {}, postsInChannel: {}, ephemeralPostIds: {}};

function prependToChannel(state: PostsState, post: Post): PostsState['postsInChannel'] {
    const blocks = state.postsInChannel[post.channel_id] ?? [];
    const recent = blocks.find((block) => block.recent);
    if (recent?.order.includes(post.id)) {
        return state.postsInChannel;
    }
    const others = blocks.filter((block) => !block.recent);
    return {...state.postsInChannel, [post.channel_id]: [{order: [post.id, ...(recent?.order ?? [])], recent: true}, ...others]};
}

// mattermost-redux reducers/entities/posts.ts: posts by id, postsInChannel
// blocks (newest first), deleted posts kept with state DELETED until reload.
export function postsReducer(state: PostsState = initialState, action: UnknownAction): PostsState {
    switch (action.type) {
    case PostTypes.RECEIVED_POSTS: {
        const list = field<PostList>(action, 'data');
        const channelId = field<string>(action, 'channelId');
        // Ephemeral posts live only in this client, so a reload keeps them in the order.
        const ephemeral = (state.postsInChannel[channelId]?.[0]?.order ?? []).filter((id) => state.ephemeralPostIds[id]);
        const posts = {...state.posts, ...list.posts};
        const createdAt = (id: string) => posts[id]?.create_at ?? 0;
        const order = [...new Set([...list.order, ...ephemeral])].sort((a, b) => createdAt(b) - createdAt(a));
        return {...state, posts, postsInChannel: {...state.postsInChannel, [channelId]: [{order, recent: true}]}};
    }
    case PostTypes.RECEIVED_NEW_POST: {
        const post = field<Post>(action, 'data');
        const ephemeralPostIds = field<boolean | undefined>(action, 'ephemeral') ? {...state.ephemeralPostIds, [post.id]: true as const} : state.ephemeralPostIds;
        return {posts: {...state.posts, [post.id]: post}, postsInChannel: prependToChannel(state, post), ephemeralPostIds};
    }
    case PostTypes.RECEIVED_POST: {
        const post = field<Post>(action, 'data');
        return {...state, posts: {...state.posts, [post.id]: post}};
    }
    case PostTypes.POST_DELETED: {
        const post = field<Post>(action, 'data');
        const existing = state.posts[post.id];
        if (!existing) {
            return state;
        }
        return {...state, posts: {...state.posts, [post.id]: {...existing, state: 'DELETED'}}};
    }
    case UserTypes.LOGOUT_SUCCESS:
        return initialState;
    default:
        return state;
    }
}
