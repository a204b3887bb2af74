import WebSocket from 'ws';
import type {SimConfigPatch} from './config';
import {startSimulator, type RunningSimulator} from './index';
import {addChannelMember, addTeamMember, createChannel, createTeam, directChannel} from './services/channels';
import {createSession, createUser} from './services/users';
import type {Channel, Team, User} from './store/entities';

// Shared by the contract tests: a simulator with a small organisation set up
// through the services, and thin HTTP and WebSocket clients. Not a test itself.

export interface Person {
  user: User;
  token: string;
}

export interface Organisation {
  admin: Person;
  alice: Person;
  bob: Person;
  carol: Person;
  guest: Person;
  team: Team;
  townSquare: Channel;
  /** Open channel: admin, alice, bob (not carol). */
  general: Channel;
  /** Private channel: alice and admin. */
  secret: Channel;
  /** Alice and bob's DM. */
  dm: Channel;
}

export const PASSWORD = 'Password1!';

export async function startTestSimulator(config: SimConfigPatch = {}): Promise<RunningSimulator> {
  return startSimulator({config});
}

export function seedOrganisation(sim: RunningSimulator): Organisation {
  const {ctx} = sim;
  const person = (username: string, roles?: 'system_user' | 'system_admin system_user' | 'system_guest'): Person => {
    const user = createUser(ctx, {username, password: PASSWORD, roles, first_name: username, last_name: 'Tester'});
    return {user, token: createSession(ctx, user.id).token};
  };
  const admin = person('admin', 'system_admin system_user');
  const alice = person('alice');
  const bob = person('bob');
  const carol = person('carol');
  const guest = person('guest', 'system_guest');
  const team = createTeam(ctx, {name: 'acme', display_name: 'Acme'});
  for (const member of [admin, alice, bob, carol, guest]) addTeamMember(ctx, team.id, member.user.id, member === admin);
  const townSquare = createChannel(ctx, {team_id: team.id, name: 'town-square', display_name: 'Town Square', type: 'O'});
  for (const member of [admin, alice, bob, carol]) addChannelMember(ctx, townSquare.id, member.user.id, {silent: true});
  const general = createChannel(ctx, {team_id: team.id, name: 'general', display_name: 'General', type: 'O'});
  for (const member of [admin, alice, bob, guest]) addChannelMember(ctx, general.id, member.user.id, {silent: true});
  const secret = createChannel(ctx, {team_id: team.id, name: 'secret', display_name: 'Secret', type: 'P'});
  for (const member of [alice, admin]) addChannelMember(ctx, secret.id, member.user.id, {silent: true});
  const dm = directChannel(ctx, alice.user.id, bob.user.id);
  return {admin, alice, bob, carol, guest, team, townSquare, general, secret, dm};
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** One REST call. Bodies are JSON unless `rawBody` is given. */
export async function call<T = Record<string, unknown>>(
  sim: RunningSimulator,
  method: string,
  path: string,
  options: {token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>} = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {...options.headers};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${sim.url}${path}`, {method, headers, body});
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = text;
  }
  return {status: response.status, body: parsed as T, headers: response.headers};
}

export interface ReceivedFrame {
  event?: string;
  data?: Record<string, unknown>;
  broadcast?: Record<string, unknown>;
  seq?: number;
  status?: string;
  seq_reply?: number;
  error?: {id: string};
}

/** A `ws` client that records every frame and waits for the ones a test expects. */
export class SocketProbe {
  readonly frames: ReceivedFrame[] = [];
  private waiters: Array<() => void> = [];
  closed = false;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      this.frames.push(JSON.parse(raw.toString()) as ReceivedFrame);
      for (const wake of this.waiters.splice(0)) wake();
    });
    socket.on('close', () => {
      this.closed = true;
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async open(sim: RunningSimulator, headers: Record<string, string> = {}): Promise<SocketProbe> {
    const socket = new WebSocket(`${sim.url.replace('http', 'ws')}/api/v4/websocket`, {headers});
    const probe = new SocketProbe(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return probe;
  }

  /** Opens a socket authenticated by header and waits for `hello`. */
  static async connected(sim: RunningSimulator, token: string): Promise<SocketProbe> {
    const probe = await SocketProbe.open(sim, {Authorization: `Bearer ${token}`});
    await probe.next((frame) => frame.event === 'hello');
    return probe;
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  /** Resolves with the first frame (already received or to come) that matches. */
  async next(match: (frame: ReceivedFrame) => boolean, timeoutMs = 2000): Promise<ReceivedFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(match);
      if (found) return found;
      if (this.closed) throw new Error('socket closed while waiting for a frame');
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames.map((frame) => frame.event ?? frame.status))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  events(name: string): ReceivedFrame[] {
    return this.frames.filter((frame) => frame.event === name);
  }

  /** Lets in-flight frames arrive, for asserting that something did NOT come. */
  async settle(ms = 100): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
  }

  close(): void {
    this.socket.close();
  }
}
