import type {Task} from '../domain/tasks/task';
import {createMattermostClient, type MattermostClient} from './client';
import type {ConnectionSource} from './connection';

// Where a task is seen in Mattermost, for links in notices: its channel
// (SiteURL/<team>/channels/<channel>), where the Baton panel shows it; a
// personal task links to Mattermost itself. (A direct link into the task
// detail comes with the webapp's own route.) Channel and team names rarely
// change, so each channel's link is remembered for a while.

export function createTaskLinks(deps: {connection: ConnectionSource; clientFor?: (url: string, botToken: string) => MattermostClient; ttlMs?: number; now?: () => number}) {
  const clientFor = deps.clientFor ?? ((url, botToken) => createMattermostClient({url, botToken}));
  const ttl = deps.ttlMs ?? 10 * 60_000;
  const now = deps.now ?? Date.now;
  const channelLinks = new Map<string, {link: string; at: number}>();

  return async function taskUrl(task: Task): Promise<string> {
    const connection = await deps.connection.get();
    if (!connection) throw new Error('Baton is not connected to Mattermost yet: run setup.');
    if (!task.channelId) return connection.url;
    const known = channelLinks.get(task.channelId);
    if (known && now() - known.at < ttl) return known.link;
    const client = clientFor(connection.url, connection.botToken);
    const channel = await client.getChannel(task.channelId);
    const team = await client.getTeamName(channel.team_id);
    const link = `${connection.url.replace(/\/+$/, '')}/${encodeURIComponent(team)}/channels/${encodeURIComponent(channel.name)}`;
    channelLinks.set(task.channelId, {link, at: now()});
    return link;
  };
}
