// The channel sidebar: plugin header components on top (LeftSidebarHeader),
// then the team's channels, then direct messages.
import React from 'react';

import {dmPartnerId} from '../../actions/channels';
import {channelPath, directMessagePath} from '../../navigation/paths';
import {getCurrentChannelId, getCurrentTeam, getCurrentUserId} from '../../store/selectors';
import type {GlobalState} from '../../store/state';
import type {Channel} from '../../types/entities';
import {useHarnessSelector} from '../hooks';
import {NavigationLink} from '../navigationLink';
import {Pluggable} from '../pluggable/Pluggable';

function sidebarChannels(state: GlobalState): {channels: Channel[]; directs: Array<{channel: Channel; username: string}>} {
    const team = getCurrentTeam(state);
    const me = getCurrentUserId(state);
    const all = Object.values(state.entities.channels.channels).filter((channel) => channel.delete_at === 0);
    const channels = all.filter((channel) => channel.team_id === team?.id && (channel.type === 'O' || channel.type === 'P')).
        sort((a, b) => a.display_name.localeCompare(b.display_name));
    const directs = all.filter((channel) => channel.type === 'D').map((channel) => {
        const partner = state.entities.users.profiles[dmPartnerId(channel, me) ?? ''];
        return {channel, username: partner?.username ?? channel.name};
    }).sort((a, b) => a.username.localeCompare(b.username));
    return {channels, directs};
}

export function LeftSidebar() {
    const team = useHarnessSelector(getCurrentTeam);
    const currentChannelId = useHarnessSelector(getCurrentChannelId);
    const {channels, directs} = useHarnessSelector(sidebarChannels, (a, b) => JSON.stringify(a) === JSON.stringify(b));
    const linkClass = (channel: Channel) => (channel.id === currentChannelId ? 'harness-lhs__link harness-lhs__link--active' : 'harness-lhs__link');
    return (
        <nav
            className='harness-lhs'
            data-testid='lhs'
        >
            <div
                className='harness-lhs__plugins'
                data-testid='lhs-header-plugins'
            >
                <Pluggable pluggableName='LeftSidebarHeader'/>
            </div>
            <h2 className='harness-lhs__heading'>{'Channels'}</h2>
            <ul data-testid='lhs-channels'>
                {team && channels.map((channel) => (
                    <li key={channel.id}>
                        <NavigationLink
                            to={channelPath(team, channel)}
                            className={linkClass(channel)}
                            testId={`channel-link-${channel.name}`}
                        >
                            <span className='harness-lhs__sigil' aria-label={channel.type === 'P' ? 'private' : 'public'}>{channel.type === 'P' ? '⊘' : '#'}</span>
                            {channel.display_name}
                        </NavigationLink>
                    </li>
                ))}
            </ul>
            <h2 className='harness-lhs__heading'>{'Direct messages'}</h2>
            <ul data-testid='lhs-direct-messages'>
                {team && directs.map(({channel, username}) => (
                    <li key={channel.id}>
                        <NavigationLink
                            to={directMessagePath(team, username)}
                            className={linkClass(channel)}
                            testId={`dm-link-${username}`}
                        >
                            {`@${username}`}
                        </NavigationLink>
                    </li>
                ))}
            </ul>
        </nav>
    );
}
