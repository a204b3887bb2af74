import {z} from 'zod';
import {BOT_USERNAME, SetupError} from './botAccount';
import type {MattermostApi} from './mattermostApi';

// `/task` on each team, pointing at the bridge. Shared by setup (which
// creates or updates it) and doctor (which checks it is still so).

export const COMMAND_TRIGGER = 'task';
export const COMMAND_PATH = '/mattermost/command';

export const teamSchema = z.object({id: z.string(), name: z.string(), display_name: z.string().default('')});
export type Team = z.infer<typeof teamSchema>;

/** Loose: an update sends the command back whole, keeping fields Baton does not know (icon_url, creator_id…). */
export const commandSchema = z.looseObject({
  id: z.string(),
  token: z.string(),
  trigger: z.string(),
  team_id: z.string(),
  url: z.string(),
  method: z.string().default('P'),
  delete_at: z.number().default(0),
  auto_complete: z.boolean().default(false),
  auto_complete_desc: z.string().default(''),
  auto_complete_hint: z.string().default(''),
  display_name: z.string().default(''),
  description: z.string().default(''),
  username: z.string().default(''),
});
export type SlashCommand = z.infer<typeof commandSchema>;

/** The fields setup owns on the command; anything else an admin set is kept. */
export function commandDefinition(bridgeUrl: string) {
  return {
    trigger: COMMAND_TRIGGER,
    method: 'P',
    url: `${bridgeUrl.replace(/\/+$/, '')}${COMMAND_PATH}`,
    auto_complete: true,
    auto_complete_desc: 'Baton tasks and handoffs: who has the baton, what is due',
    auto_complete_hint: '[help | new | mine | pass | done | …]',
    display_name: 'Baton',
    description: 'Workflow and task handoffs',
    username: BOT_USERNAME,
  };
}

type Definition = ReturnType<typeof commandDefinition>;

/** Every team the caller can see (a system admin sees them all), page by page. */
export async function listTeams(api: MattermostApi): Promise<Team[]> {
  const teams: Team[] = [];
  for (let page = 0; ; page += 1) {
    const batch = await api.json('GET', `/teams?page=${page}&per_page=200`, z.array(teamSchema));
    teams.push(...batch);
    if (batch.length < 200) return teams;
  }
}

/** The teams named with --team (Mattermost's URL name, e.g. `acme`), or all of them. */
export function chooseTeams(all: Team[], names: string[] | undefined): Team[] {
  if (!names || names.length === 0) return all;
  const unknown = names.filter((name) => !all.some((team) => team.name === name.toLowerCase()));
  if (unknown.length > 0) {
    throw new SetupError(`--team: no team named ${unknown.join(', ')}; teams on this server: ${all.map((team) => team.name).join(', ') || '(none)'}`);
  }
  return all.filter((team) => names.some((name) => name.toLowerCase() === team.name));
}

/** The live `/task` command of a team, if there is one. */
export async function findTaskCommand(api: MattermostApi, teamId: string): Promise<SlashCommand | undefined> {
  const commands = await api.json('GET', `/commands?team_id=${teamId}&custom_only=true`, z.array(commandSchema));
  return commands.find((command) => command.trigger === COMMAND_TRIGGER && command.delete_at === 0);
}

function differs(command: SlashCommand, definition: Definition): boolean {
  return (Object.keys(definition) as Array<keyof Definition>).some((key) => command[key] !== definition[key]);
}

export interface CommandResult {
  token: string;
  change: string | undefined;
}

/** Creates or updates `/task` on one team; an identical command is left alone. */
export async function ensureTaskCommand(api: MattermostApi, team: Team, bridgeUrl: string): Promise<CommandResult> {
  const definition = commandDefinition(bridgeUrl);
  const existing = await findTaskCommand(api, team.id);
  if (!existing) {
    const created = await api.json('POST', '/commands', commandSchema, {body: {team_id: team.id, ...definition}});
    return {token: created.token, change: `created /${COMMAND_TRIGGER} on team ${team.name}`};
  }
  if (!differs(existing, definition)) return {token: existing.token, change: undefined};
  const updated = await api.json('PUT', `/commands/${existing.id}`, commandSchema, {body: {...existing, ...definition}});
  const was = existing.url === definition.url ? '' : ` (it pointed at ${existing.url})`;
  return {token: updated.token, change: `updated /${COMMAND_TRIGGER} on team ${team.name}${was}`};
}
