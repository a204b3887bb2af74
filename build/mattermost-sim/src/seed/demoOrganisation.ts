import type {SimContext} from '../context';
import {addChannelMember, addTeamMember, createChannel, createTeam} from '../services/channels';
import {createUser, type NewUser} from '../services/users';
import type {Channel, Team, User} from '../store/entities';

// The demo organisation of ../shared/SCENARIOS.md: a Tokyo patent office with
// a partner, a translator, a paralegal and a client's guest. Deterministic
// (with a seeded id generator) so tests and demos can rely on names and ids.

export const DEMO_PASSWORD = 'baton-demo';

export const demoPeople: ReadonlyArray<NewUser & {username: string; role: string}> = [
  {username: 'admin', first_name: 'Alex', last_name: 'Admin', locale: 'en', timezone: 'UTC', roles: 'system_admin system_user', role: 'system admin'},
  {username: 'tanaka', first_name: '花子', last_name: '田中', locale: 'ja', timezone: 'Asia/Tokyo', role: 'docketing clerk'},
  {username: 'sato', first_name: '健', last_name: '佐藤', locale: 'ja', timezone: 'Asia/Tokyo', role: 'patent attorney (弁理士)'},
  {username: 'li', first_name: '美玲', last_name: '李', locale: 'zh-TW', timezone: 'Asia/Taipei', role: 'translator'},
  {username: 'ivanova', first_name: 'Мария', last_name: 'Иванова', locale: 'ru', timezone: 'Europe/Moscow', role: 'partner'},
  {username: 'smith', first_name: 'John', last_name: 'Smith', locale: 'en', timezone: 'America/New_York', role: 'paralegal'},
  {username: 'guest.kim', first_name: 'Min-jun', last_name: 'Kim', locale: 'en', timezone: 'Asia/Seoul', roles: 'system_guest', role: "ACME's guest"},
];

const demoChannels: ReadonlyArray<{name: string; display_name: string; type: 'O' | 'P'; members: string[]; purpose: string}> = [
  {name: 'town-square', display_name: 'Town Square', type: 'O', members: ['admin', 'tanaka', 'sato', 'li', 'ivanova', 'smith'], purpose: 'Everyone at the office'},
  {name: 'patents', display_name: 'Patents', type: 'O', members: ['admin', 'tanaka', 'sato', 'li', 'ivanova', 'smith'], purpose: 'Office actions, filings and deadlines'},
  {name: 'partners-only', display_name: 'Partners only', type: 'P', members: ['admin', 'ivanova', 'sato'], purpose: 'Partner reviews and commissions'},
  {name: 'client-acme', display_name: 'Client: ACME', type: 'P', members: ['admin', 'sato', 'smith', 'guest.kim'], purpose: 'Shared with ACME Corp. (guests)'},
];

export interface DemoOrganisation {
  team: Team;
  users: Record<string, User>;
  channels: Record<string, Channel>;
}

export function seedDemoOrganisation(ctx: SimContext): DemoOrganisation {
  const users: Record<string, User> = {};
  for (const {role: _role, ...person} of demoPeople) {
    users[person.username] = createUser(ctx, {...person, password: DEMO_PASSWORD, position: _role});
  }
  const team = createTeam(ctx, {name: 'tokyo-ip', display_name: 'Tokyo IP Office'});
  for (const user of Object.values(users)) addTeamMember(ctx, team.id, user.id, user.username === 'admin');
  const channels: Record<string, Channel> = {};
  for (const spec of demoChannels) {
    const admin = users.admin as User;
    const channel = createChannel(ctx, {team_id: team.id, name: spec.name, display_name: spec.display_name, type: spec.type, creator_id: admin.id, purpose: spec.purpose});
    for (const username of spec.members) addChannelMember(ctx, channel.id, (users[username] as User).id, {silent: true, admin: username === 'admin'});
    channels[spec.name] = channel;
  }
  return {team, users, channels};
}
