// mattermost-redux actions/posts doPostActionWithCookie: an attachment button
// calls the server, which calls the integration; a trigger_id in the answer
// lets a following open_dialog through.
import type {Host} from '../host';
import {IntegrationTypes} from '../store/actionTypes';
import type {HarnessThunk} from '../store/state';
import type {PostActionResponse} from '../types/entities';

export function doPostActionWithCookie(host: Host, postId: string, actionId: string, actionCookie: string, selectedOption = ''):
HarnessThunk<Promise<{data?: PostActionResponse; error?: unknown}>> {
    return async (dispatch) => {
        let data: PostActionResponse;
        try {
            data = await host.client.doPostActionWithCookie(postId, actionId, actionCookie, selectedOption);
        } catch (error) {
            return {error};
        }
        if (data?.trigger_id) {
            dispatch({type: IntegrationTypes.RECEIVED_DIALOG_TRIGGER_ID, data: data.trigger_id});
        }
        return {data};
    };
}
