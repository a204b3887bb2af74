import type {SimContext} from '../context';
import {MmError} from '../errors';
import type {Team, User} from '../store/entities';
import {findChannelByName, memberKey} from '../store/store';
import {addChannelMember, addTeamMember, createChannel, createTeam} from './channels';

// Teams as the REST API makes them (app/team.go CreateTeamWithUser,
// AddTeamMember, JoinUserToTeam, JoinDefaultChannels). The fixture helpers in
// channels.ts stay quiet and minimal; these add what Mattermost adds.

/** model/team.go IsValidTeamName and reservedName. */
const TEAM_NAME = /^[a-z0-9]+([a-z\-0-9]+|(__)?)[a-z0-9]+$/;
const RESERVED_TEAM_NAMES = ['admin', 'api', 'channel', 'claim', 'error', 'files', 'help', 'landing', 'login', 'mfa', 'oauth', 'plug', 'plugins', 'post', 'signup', 'boards', 'playbooks'];

/** model.Team.IsValid, for the fields the simulator stores. */
export function validateTeam(input: {name: string; display_name: string; type: string}): void {
  if (input.display_name.length === 0 || input.display_name.length > 64) throw new MmError(400, 'model.team.is_valid.name.app_error', 'Invalid name.');
  if (input.name.length > 64 || input.name.length < 2 || !TEAM_NAME.test(input.name)) {
    throw new MmError(400, 'model.team.is_valid.characters.app_error', 'Name must be 2 or more lowercase alphanumeric characters.');
  }
  if (RESERVED_TEAM_NAMES.some((reserved) => input.name.startsWith(reserved))) throw new MmError(400, 'model.team.is_valid.reserved.app_error', 'This URL is unavailable. Please try another.');
  if (input.type !== 'O' && input.type !== 'I') throw new MmError(400, 'model.team.is_valid.type.app_error', 'Invalid type.');
}

/** The default channels every team has (TeamService.createDefaultChannels). */
const DEFAULT_CHANNELS = [
  {name: 'town-square', display_name: 'Town Square'},
  {name: 'off-topic', display_name: 'Off-Topic'},
];

/** CreateTeamWithUser: the team, its default channels, and the creator as team admin in them. */
export function createTeamWithUser(ctx: SimContext, input: {name: string; display_name: string; type: 'O' | 'I'}, creator: User): Team {
  validateTeam(input);
  for (const team of ctx.store.teams.values()) {
    if (team.name === input.name) throw new MmError(400, 'app.team.save.existing.app_error', 'A team with that name already exists.');
  }
  const team = createTeam(ctx, input);
  for (const channel of DEFAULT_CHANNELS) createChannel(ctx, {team_id: team.id, type: 'O', ...channel});
  joinUserToTeam(ctx, team, creator, true);
  return team;
}

/**
 * JoinUserToTeam + JoinDefaultChannels: the membership, `added_to_team` to
 * the new member, and membership of the team's default channels.
 */
export function joinUserToTeam(ctx: SimContext, team: Team, user: User, asAdmin = false): void {
  const existing = ctx.store.teamMembers.get(memberKey(team.id, user.id));
  if (existing && existing.delete_at === 0) return;
  addTeamMember(ctx, team.id, user.id, asAdmin);
  ctx.hub.publish('added_to_team', {team_id: team.id, user_id: user.id}, {user_id: user.id});
  for (const {name} of DEFAULT_CHANNELS) {
    const channel = findChannelByName(ctx.store, team.id, name);
    if (channel && channel.delete_at === 0) addChannelMember(ctx, channel.id, user.id);
  }
}
