// What the webapp does with server events (actions/websocket_actions.jsx
// handleEvent), for the events the harness supports, followed by every
// plugin's handler for the event (Mattermost events only: custom plugin
// events need a server plugin, which Baton does not have).
import {loadTranslations} from '../actions/i18n';
import {handleOpenDialogEvent} from '../actions/dialogs';
import {loadTeamsAndChannels} from '../actions/channels';
import type {Host} from '../host';
import {defaultChannelPath} from '../navigation/paths';
import type {PluginLoader} from '../plugins/pluginLoader';
import {ChannelTypes, PostTypes, UserTypes} from '../store/actionTypes';
import {getCurrentChannelId, getCurrentUser, getCurrentUserId} from '../store/selectors';
import type {PluginManifest, Post, UserProfile} from '../types/entities';

import type {WebSocketMessage} from './types';

const parsePost = (raw: unknown): Post => JSON.parse(String(raw)) as Post;

function leaveIfCurrent(host: Host, channelId: string): void {
    const state = host.store.getState();
    if (getCurrentChannelId(state) === channelId) {
        const path = defaultChannelPath(state);
        if (path) {
            host.history.push(path);
        }
    }
}

function handleUserUpdated(host: Host, user: UserProfile): void {
    const state = host.store.getState();
    const me = getCurrentUser(state);
    if (me && user.id === me.id) {
        host.store.dispatch({type: UserTypes.RECEIVED_ME, data: {...me, ...user}});
        if (user.locale && user.locale !== me.locale) {
            host.store.dispatch(loadTranslations(host.translationSources, user.locale));
        }
        return;
    }
    host.store.dispatch({type: UserTypes.RECEIVED_PROFILE, data: user});
}

export function createEventHandler(host: Host, pluginLoader: PluginLoader): (msg: WebSocketMessage) => void {
    return (msg) => {
        const {store} = host;
        const me = getCurrentUserId(store.getState());
        switch (msg.event) {
        case 'posted': {
            const post = parsePost(msg.data.post);
            // A post in a channel the client does not have yet (a bot's first DM): load it into
            // the sidebar, as handleNewPostEvent does with getChannelAndMyMember.
            if (!store.getState().entities.channels.channels[post.channel_id]) {
                void store.dispatch(loadTeamsAndChannels(host));
            }
            store.dispatch({type: PostTypes.RECEIVED_NEW_POST, data: post});
            break;
        }
        case 'ephemeral_message':
            store.dispatch({type: PostTypes.RECEIVED_NEW_POST, data: parsePost(msg.data.post), ephemeral: true});
            break;
        case 'post_edited':
            store.dispatch({type: PostTypes.RECEIVED_POST, data: parsePost(msg.data.post)});
            break;
        case 'post_deleted':
            store.dispatch({type: PostTypes.POST_DELETED, data: parsePost(msg.data.post)});
            break;
        case 'open_dialog':
            handleOpenDialogEvent(store, msg.data.dialog);
            break;
        case 'user_updated':
            handleUserUpdated(host, msg.data.user as UserProfile);
            break;
        case 'user_added':
            if (msg.data.user_id === me) {
                void store.dispatch(loadTeamsAndChannels(host));
            }
            break;
        case 'user_removed':
            // The removed user gets {channel_id, remover_id}; the channel gets {user_id, remover_id}.
            if (msg.broadcast.user_id === me && typeof msg.data.channel_id === 'string') {
                leaveIfCurrent(host, msg.data.channel_id);
                store.dispatch({type: ChannelTypes.LEAVE_CHANNEL, data: {id: msg.data.channel_id}});
            }
            break;
        case 'channel_deleted':
            if (typeof msg.data.channel_id === 'string') {
                store.dispatch({type: ChannelTypes.RECEIVED_CHANNEL_DELETED, data: {id: msg.data.channel_id, deleteAt: Number(msg.data.delete_at ?? Date.now())}});
                leaveIfCurrent(host, msg.data.channel_id);
            }
            break;
        case 'plugin_enabled':
            pluginLoader.loadPlugin(msg.data.manifest as PluginManifest).catch((error: Error) => console.error(error.message));
            break;
        case 'plugin_disabled':
            pluginLoader.removePlugin(msg.data.manifest as PluginManifest);
            break;
        default:
            break;
        }
        host.webSocketHandlers.handle(msg);
    };
}
