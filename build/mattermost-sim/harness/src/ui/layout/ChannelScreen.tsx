// /:team/channels/:channel and /:team/messages/@:username: resolves the route
// to a channel of the current user and makes it current.
import React, {useEffect} from 'react';
import {Redirect} from 'react-router-dom';

import {selectChannel} from '../../actions/channels';
import {getCurrentChannelId, getCurrentUserId} from '../../store/selectors';
import type {GlobalState} from '../../store/state';
import type {Channel} from '../../types/entities';
import {useHarnessDispatch, useHarnessSelector} from '../hooks';
import {useHost} from '../hostContext';

import {ChannelView} from './ChannelView';

export type ChannelRoute = {teamName: string} & ({channelName: string} | {dmUsername: string});

function resolveChannel(state: GlobalState, route: ChannelRoute): Channel | undefined {
    const team = Object.values(state.entities.teams.teams).find((t) => t.name === route.teamName);
    if (!team) {
        return undefined;
    }
    const channels = Object.values(state.entities.channels.channels);
    if ('channelName' in route) {
        return channels.find((c) => c.name === route.channelName && (c.team_id === team.id || c.team_id === ''));
    }
    const me = getCurrentUserId(state);
    const partner = Object.values(state.entities.users.profiles).find((user) => user.username === route.dmUsername.replace(/^@/, ''));
    if (!partner) {
        return undefined;
    }
    const names = [`${me}__${partner.id}`, `${partner.id}__${me}`];
    return channels.find((c) => c.type === 'D' && names.includes(c.name));
}

export function ChannelScreen({route}: {route: ChannelRoute}) {
    const host = useHost();
    const dispatch = useHarnessDispatch();
    const loggedIn = useHarnessSelector((state) => getCurrentUserId(state) !== '');
    const channel = useHarnessSelector((state) => resolveChannel(state, route));
    const currentChannelId = useHarnessSelector(getCurrentChannelId);

    useEffect(() => {
        if (channel && channel.id !== currentChannelId) {
            void dispatch(selectChannel(host, channel));
        }
    }, [channel, currentChannelId, dispatch, host]);

    if (!loggedIn) {
        return <Redirect to={`/login?redirect_to=${encodeURIComponent(host.history.location.pathname)}`}/>;
    }
    if (!channel) {
        const name = 'channelName' in route ? route.channelName : route.dmUsername;
        return <ChannelView notFound={`No channel "${name}" in team "${route.teamName}" for this user.`}/>;
    }
    return <ChannelView/>;
}
