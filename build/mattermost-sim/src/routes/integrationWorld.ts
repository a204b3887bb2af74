import WebSocket from 'ws';
import type {SimConfigPatch} from '../config';
import {startSimulator, type RunningSimulator} from '../index';
import {startFakeIntegration, type FakeIntegration} from '../outbound/fakeIntegration';
import {addChannelMember, addTeamMember, createChannel, createTeam, directChannel} from '../services/channels';
import {createSession, createUser} from '../services/users';
import type {Channel, Team, User} from '../store/entities';
import type {WebSocketEvent} from '../websocket/hub';

// Test support for the integration routes: a simulator, a fake integration
// on 127.0.0.1, and a small world set up through the services (not the REST
// routes): a system admin, a team admin, a member, an outsider, a team with
// an open and a private channel, and a DM between admin and member.

export interface IntegrationWorld {
  sim: RunningSimulator;
  integration: FakeIntegration;
  admin: User;
  teamAdmin: User;
  member: User;
  outsider: User;
  team: Team;
  town: Channel;
  secret: Channel;
  dm: Channel;
  api(user: User | null, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{status: number; body: unknown; text: string}>;
  stop(): Promise<void>;
}

/**
 * Starts the world. Tests always state AllowedUntrustedInternalConnections:
 * the fake integration listens on loopback, which Mattermost refuses unless
 * allowed, so a test forgetting it would fail as in production.
 */
export async function startIntegrationWorld(config: SimConfigPatch & {ServiceSettings: {AllowedUntrustedInternalConnections: string}}): Promise<IntegrationWorld> {
  const sim = await startSimulator({config: {...config, ServiceSettings: {OutgoingIntegrationRequestsTimeout: 2, ...config.ServiceSettings}}});
  const integration = await startFakeIntegration();
  const {ctx} = sim;
  const admin = createUser(ctx, {username: 'root', roles: 'system_admin system_user'});
  const teamAdmin = createUser(ctx, {username: 'captain'});
  const member = createUser(ctx, {username: 'alice'});
  const outsider = createUser(ctx, {username: 'mallory'});
  const team = createTeam(ctx, {name: 'crew', display_name: 'Crew'});
  addTeamMember(ctx, team.id, admin.id);
  addTeamMember(ctx, team.id, teamAdmin.id, true);
  addTeamMember(ctx, team.id, member.id);
  const town = createChannel(ctx, {team_id: team.id, name: 'town-square', display_name: 'Town Square', type: 'O'});
  const secret = createChannel(ctx, {team_id: team.id, name: 'secret', display_name: 'Secret', type: 'P'});
  for (const user of [admin, teamAdmin, member]) addChannelMember(ctx, town.id, user.id, {silent: true});
  addChannelMember(ctx, secret.id, teamAdmin.id, {silent: true});
  const dm = directChannel(ctx, admin.id, member.id);

  const tokens = new Map<string, string>();
  const tokenOf = (user: User) => {
    let token = tokens.get(user.id);
    if (!token) {
      token = createSession(ctx, user.id).token;
      tokens.set(user.id, token);
    }
    return token;
  };

  return {
    sim,
    integration,
    admin,
    teamAdmin,
    member,
    outsider,
    team,
    town,
    secret,
    dm,
    async api(user, method, path, body, headers = {}) {
      const response = await fetch(`${sim.url}${path}`, {
        method,
        headers: {...(user ? {Authorization: `Bearer ${tokenOf(user)}`} : {}), ...(body === undefined ? {} : {'Content-Type': 'application/json'}), ...headers},
        ...(body === undefined ? {} : {body: typeof body === 'string' ? body : JSON.stringify(body)}),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return {status: response.status, body: parsed, text};
    },
    async stop() {
      await integration.close();
      await sim.stop();
    },
  };
}

/** A WebSocket client of the simulator that keeps every event it receives. */
export interface EventListener {
  events: WebSocketEvent[];
  /** Resolves with the next (or an already received, not yet taken) event of that name. */
  next(event: string, timeoutMs?: number): Promise<WebSocketEvent>;
  close(): void;
}

export async function listenAs(world: IntegrationWorld, user: User): Promise<EventListener> {
  const token = createSession(world.sim.ctx, user.id).token;
  const socket = new WebSocket(`${world.sim.url.replace('http', 'ws')}/api/v4/websocket`, {headers: {Authorization: `Bearer ${token}`}});
  const events: WebSocketEvent[] = [];
  const taken = new Set<WebSocketEvent>();
  const waiters: Array<() => void> = [];
  socket.on('message', (raw) => {
    const message = JSON.parse(raw.toString()) as WebSocketEvent;
    if (message.event) events.push(message);
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const find = (name: string) => events.find((event) => event.event === name && !taken.has(event));
  const listener: EventListener = {
    events,
    async next(name, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = find(name);
        if (found) {
          taken.add(found);
          return found;
        }
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw new Error(`no ${name} event within ${timeoutMs} ms; got ${events.map((event) => event.event).join(', ')}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, remaining);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    close: () => socket.close(),
  };
  // The hub knows the connection once `hello` is sent.
  await listener.next('hello');
  return listener;
}
