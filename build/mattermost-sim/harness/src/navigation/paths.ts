// The webapp's URLs: /<team>/channels/<channel name>, /<team>/messages/@<username>.
import {getCurrentTeam} from '../store/selectors';
import type {GlobalState} from '../store/state';
import type {Channel, Team} from '../types/entities';

export const channelPath = (team: Team, channel: Channel) => `/${team.name}/channels/${channel.name}`;
export const directMessagePath = (team: Team, username: string) => `/${team.name}/messages/@${username}`;

/** Where Mattermost sends a user without a channel in mind: the team's town-square, else its first channel. */
export function defaultChannelPath(state: GlobalState): string | undefined {
    const teams = Object.values(state.entities.teams.teams);
    const team = getCurrentTeam(state) ?? teams[0];
    if (!team) {
        return undefined;
    }
    const channels = Object.values(state.entities.channels.channels).filter((c) => c.team_id === team.id && c.delete_at === 0);
    const channel = channels.find((c) => c.name === 'town-square') ?? channels.find((c) => c.type === 'O' || c.type === 'P');
    return channel ? channelPath(team, channel) : undefined;
}
