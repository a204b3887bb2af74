// Loading and creating posts: actions/views/create_comment.tsx submitPost runs
// the MessageWillBePosted hooks (actions/hooks.ts) before Client4.createPost.
import type {Host} from '../host';
import {PostTypes} from '../store/actionTypes';
import {getCurrentUserId, getPluginComponents} from '../store/selectors';
import type {HarnessThunk} from '../store/state';
import type {Post} from '../types/entities';

type DraftPost = Partial<Post> & {channel_id: string; message: string};
type MessageHookResult = {post?: DraftPost; error?: unknown} | null | undefined;
type MessageWillBePostedHook = (post: DraftPost) => MessageHookResult | Promise<MessageHookResult>;

export function loadPosts(host: Host, channelId: string): HarnessThunk<Promise<void>> {
    return async (dispatch) => {
        const list = await host.client.getPosts(channelId);
        dispatch({type: PostTypes.RECEIVED_POSTS, data: list, channelId});
    };
}

/** runMessageWillBePostedHooks: `{error}` rejects the post, `{post}` replaces it, falsy keeps it. */
export function runMessageWillBePostedHooks(originalPost: DraftPost): HarnessThunk<Promise<{data?: DraftPost; error?: unknown}>> {
    return async (_dispatch, getState) => {
        let post = originalPost;
        for (const registration of getPluginComponents(getState(), 'MessageWillBePosted')) {
            if (typeof registration.hook !== 'function') {
                continue;
            }
            const result = await (registration.hook as MessageWillBePostedHook)(post);
            if (result) {
                if ('error' in result) {
                    return {error: result.error};
                }
                post = result.post as DraftPost;
            }
        }
        return {data: post};
    };
}

export function submitPost(host: Host, channelId: string, rootId: string, message: string): HarnessThunk<Promise<{error?: unknown}>> {
    return async (dispatch, getState) => {
        const userId = getCurrentUserId(getState());
        const now = Date.now();
        const draft: DraftPost = {message, channel_id: channelId, root_id: rootId, pending_post_id: `${userId}:${now}`, user_id: userId, create_at: now, metadata: {}, props: {}};
        const hooked = await dispatch(runMessageWillBePostedHooks(draft));
        if (hooked.error || !hooked.data) {
            return {error: hooked.error};
        }
        const created = await host.client.createPost(hooked.data);
        dispatch({type: PostTypes.RECEIVED_NEW_POST, data: created});
        return {};
    };
}
