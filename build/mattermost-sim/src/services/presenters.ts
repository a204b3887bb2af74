import type {SimContext} from '../context';
import type {ChannelMember, Team, User} from '../store/entities';
import {hasPermission, hasTeamPermission} from './permissions';

// What clients see of teams and memberships.

/**
 * app/team.go SanitizeTeam: without manage_team on the team, the email (and
 * invite id, which the simulator does not keep) is blanked.
 */
export function presentTeam(ctx: SimContext, team: Team, viewer: User): Team {
  if (hasTeamPermission(ctx, viewer, team.id, 'manage_team') || hasPermission(viewer, 'manage_system')) return team;
  return {...team, email: ''};
}

/**
 * model.ChannelMember.SanitizeForCurrentUser: another user's last_viewed_at
 * and last_update_at are private and left out of the JSON.
 */
export function presentChannelMember(member: ChannelMember, viewerId: string): Partial<ChannelMember> {
  if (member.user_id === viewerId) return member;
  const {last_viewed_at: _lastViewedAt, last_update_at: _lastUpdateAt, ...visible} = member;
  return visible;
}
