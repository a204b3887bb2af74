import type {UnknownAction} from 'redux';

import type {Channel, ChannelMembership} from '../../../types/entities';
import {field} from '../../actionFields';
import {ChannelTypes, UserTypes} from '../../actionTypes';
import type {EntitiesState} from '../../state';

type ChannelsState = EntitiesState['channels'];

const initialState: ChannelsState = {currentChannelId: '', channels: {}, myMembers: {}};

// mattermost-redux reducers/entities/channels.ts (currentChannelId, channels, myMembers).
export function channelsReducer(state: ChannelsState = initialState, action: UnknownAction): ChannelsState {
    switch (action.type) {
    case ChannelTypes.RECEIVED_CHANNELS: {
        const channels = {...state.channels};
        for (const channel of field<Channel[]>(action, 'data')) {
            channels[channel.id] = channel;
        }
        return {...state, channels};
    }
    case ChannelTypes.RECEIVED_CHANNEL: {
        const channel = field<Channel>(action, 'data');
        return {...state, channels: {...state.channels, [channel.id]: channel}};
    }
    case ChannelTypes.RECEIVED_MY_CHANNEL_MEMBER: {
        const member = field<ChannelMembership>(action, 'data');
        return {...state, myMembers: {...state.myMembers, [member.channel_id]: member}};
    }
    case ChannelTypes.SELECT_CHANNEL:
        return {...state, currentChannelId: field<string>(action, 'data')};
    case ChannelTypes.RECEIVED_CHANNEL_DELETED: {
        const {id, deleteAt} = field<{id: string; deleteAt: number}>(action, 'data');
        const channel = state.channels[id];
        return channel ? {...state, channels: {...state.channels, [id]: {...channel, delete_at: deleteAt}}} : state;
    }
    case ChannelTypes.LEAVE_CHANNEL: {
        const {id} = field<{id: string}>(action, 'data');
        const channels = {...state.channels};
        const myMembers = {...state.myMembers};
        delete channels[id];
        delete myMembers[id];
        return {...state, channels, myMembers};
    }
    case UserTypes.LOGOUT_SUCCESS:
        return initialState;
    default:
        return state;
    }
}
