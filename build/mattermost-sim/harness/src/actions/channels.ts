// Teams, channels and DM partners of the current user, and switching channel.
import {ClientError} from '../client/clientError';
import type {Host} from '../host';
import {harnessLog} from '../log';
import {ChannelTypes, TeamTypes, UserTypes} from '../store/actionTypes';
import {getCurrentUserId} from '../store/selectors';
import type {HarnessThunk} from '../store/state';
import type {Channel} from '../types/entities';

import {loadPosts} from './posts';

/** A DM channel is named "<userIdA>__<userIdB>" (model.GetDMNameFromIds). */
export function dmPartnerId(channel: Channel, currentUserId: string): string | undefined {
    if (channel.type !== 'D') {
        return undefined;
    }
    const [a, b] = channel.name.split('__');
    return a === currentUserId ? b : a;
}

export function loadTeamsAndChannels(host: Host): HarnessThunk<Promise<void>> {
    return async (dispatch, getState) => {
        const teams = await host.client.getMyTeams();
        dispatch({type: TeamTypes.RECEIVED_TEAMS_LIST, data: teams});
        const channelLists = await Promise.all(teams.map((team) => host.client.getMyChannels(team.id)));
        const channels = channelLists.flat();
        dispatch({type: ChannelTypes.RECEIVED_CHANNELS, data: channels});

        const me = getCurrentUserId(getState());
        const partnerIds = [...new Set(channels.map((channel) => dmPartnerId(channel, me)).filter((id): id is string => Boolean(id)))];
        if (partnerIds.length > 0) {
            dispatch({type: UserTypes.RECEIVED_PROFILES_LIST, data: await host.client.getProfilesByIds(partnerIds)});
        }
    };
}

const membershipWarnings = new Set<string>();

/** Makes a channel current (the center channel and plugins' getCurrentChannelId follow). */
export function selectChannel(host: Host, channel: Channel): HarnessThunk<Promise<void>> {
    return async (dispatch, getState) => {
        if (channel.team_id && channel.team_id !== getState().entities.teams.currentTeamId) {
            dispatch({type: TeamTypes.SELECT_TEAM, data: channel.team_id});
        }
        dispatch({type: ChannelTypes.SELECT_CHANNEL, data: channel.id});
        await Promise.all([
            dispatch(loadPosts(host, channel.id)),
            host.client.getChannelMember(channel.id, getCurrentUserId(getState())).then(
                (member) => void dispatch({type: ChannelTypes.RECEIVED_MY_CHANNEL_MEMBER, data: member}),
                (error: unknown) => {
                    // Channel-header actions receive this membership; say once if the server cannot give it.
                    if (error instanceof ClientError && !membershipWarnings.has(String(error.statusCode))) {
                        membershipWarnings.add(String(error.statusCode));
                        harnessLog.warn(`GET /channels/{id}/members/{user_id} answered ${error.statusCode}; plugins' channel actions get no membership.`);
                    }
                },
            ),
        ]);
    };
}
