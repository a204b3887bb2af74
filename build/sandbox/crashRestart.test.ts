import {Client} from 'pg';
import {issueSessionToken, SESSION_SIGNING_KEY_SETTING} from '../../server-bridge/src/http/bridgeSession';
import {CONNECTION_SETTING} from '../../server-bridge/src/mattermost/connection';
import {connectToMattermost} from '../../server-bridge/src/mattermost/setup';
import {readBotIcon} from '../../server-bridge/src/setup/shippedFiles';
import {faultScale} from '../../server-bridge/src/testing/faultScale';
import {freePort, startThrowawayPostgres, type ThrowawayPostgres} from '../../server-bridge/src/testing/throwawayPostgres';
import {until} from '../../server-bridge/src/testing/until';
import {type RunningSimulator, startSimulator} from '../mattermost-sim/src/index';
import {seedDemoOrganisation} from '../mattermost-sim/src/seed/demoOrganisation';
import {createSession} from '../mattermost-sim/src/services/users';
import {findChannelByName, findUserByUsername} from '../mattermost-sim/src/store/store';
import {type BridgeProcess, startBridgeProcess} from './bridgeProcess';

// The bridge SIGKILLed mid-load and started again (issue 9): the bridge runs
// as it ships, `baton-bridge serve` in a child process on PostgreSQL, with the
// Mattermost simulator. People create and hand off tasks over HTTP; partway
// through, the process is killed with SIGKILL (no shutdown of any kind) and
// started again, and the rest of the load goes to the new process. Then every
// handoff answered 200 is in the database (no lost state change), and every
// handoff the database holds — answered or cut off by the kill — reached its
// receiver as exactly one DM: the outbox resumes after the restart and a
// notice posted just before the kill is adopted, not posted twice
// (mattermost/posts.ts, earlierAttemptsSince).

const HANDOFFS = faultScale(80, 1000);
const IN_FLIGHT = 8;
const RECEIVERS = ['sato', 'li', 'ivanova', 'smith'];
const TASK_KEY = /\b[A-Z][A-Z0-9]*-\d+\b/g;

interface Outcome {
  key?: string;
  receiver: string;
  /** The handoff's HTTP status; undefined when the kill cut the request off. */
  status?: number;
}

describe('the bridge killed with SIGKILL under load and started again', () => {
  let postgres: ThrowawayPostgres | undefined;
  let simulator: RunningSimulator | undefined;
  let sql: Client | undefined;
  let bridge: BridgeProcess | undefined;
  let bridgeUrl = '';
  // One port for every start, so the URL recorded at setup (Mattermost calls it) stays right.
  let env: Record<string, string> = {};

  beforeAll(async () => {
    // Commits wait for the WAL, as on a production server.
    postgres = await startThrowawayPostgres({synchronous_commit: 'on'});
    sql = new Client({connectionString: postgres.url});
    await sql.connect();
    simulator = await startSimulator({
      port: 0,
      idSeed: 'baton-crash',
      config: {ServiceSettings: {AllowedUntrustedInternalConnections: '127.0.0.1 localhost', EnableBotAccountCreation: true}},
    });
    const organisation = seedDemoOrganisation(simulator.ctx);
    const port = await freePort();
    bridgeUrl = `http://127.0.0.1:${port}`;
    env = {DATABASE_URL: postgres.url, BATON_PORT: String(port)};
    // First start: the schema exists, then setup records the connection as `baton-bridge setup` would.
    bridge = await startBridgeProcess(env);
    const admin = organisation.users.admin;
    if (!admin) throw new Error('the demo organisation has no admin');
    const connection = await connectToMattermost({mattermostUrl: simulator.url, adminToken: createSession(simulator.ctx, admin.id).token, bridgeUrl, botIcon: readBotIcon()});
    await sql.query(`insert into bridge_settings (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value`, [CONNECTION_SETTING, JSON.stringify(connection)]);
    // Started again, so everything that starts with the connection (the WebSocket listener) runs from the start.
    await bridge.stop();
    bridge = await startBridgeProcess(env);
  }, 180_000);

  afterAll(async () => {
    await bridge?.kill();
    await sql?.end().catch(() => undefined);
    await simulator?.stop();
    postgres?.stop();
  });

  it(`loses no state change and delivers each of ${HANDOFFS} handoff DMs exactly once`, async () => {
    const ctx = (simulator as RunningSimulator).ctx;
    const teamId = [...ctx.store.teams.values()][0]?.id ?? '';
    const patents = findChannelByName(ctx.store, teamId, 'patents')?.id ?? '';
    const userId = (username: string) => findUserByUsername(ctx.store, username)?.id ?? '';
    const signingKey = (await (sql as Client).query<{value: unknown}>('select value from bridge_settings where key = $1', [SESSION_SIGNING_KEY_SETTING])).rows[0]?.value;
    const key = new Uint8Array(Buffer.from(String(signingKey), 'base64'));
    const tanaka = (await issueSessionToken(key, {userId: userId('tanaka'), guest: false})).token;
    const api = async (method: string, path: string, body: unknown): Promise<{status: number; body: Record<string, unknown>}> => {
      const response = await fetch(`${bridgeUrl}/api/v1${path}`, {method, headers: {Authorization: `Bearer ${tanaka}`, 'Content-Type': 'application/json'}, body: JSON.stringify(body)});
      return {status: response.status, body: (await response.json()) as Record<string, unknown>};
    };

    const outcomes: Outcome[] = [];
    let next = 0;
    let killing = false;
    /** One person's work: create a task, hand it off; stops at the first request the kill cuts off. */
    const worker = async () => {
      for (let index = next++; index < HANDOFFS; index = next++) {
        const receiver = RECEIVERS[index % RECEIVERS.length] as string;
        const outcome: Outcome = {receiver};
        try {
          const created = await api('POST', '/tasks', {title: `Crash handoff ${index + 1}`, channelId: patents});
          expect(created.status).toBe(201);
          outcome.key = String(created.body.key);
          const handoff = await api('POST', `/tasks/${outcome.key}/handoff`, {toUserId: userId(receiver), comment: `Crash ${index + 1}`});
          outcome.status = handoff.status;
          outcomes.push(outcome);
        } catch (error) {
          if (!killing) throw error;
          // Cut off by the kill: its task may or may not exist; the database says which below.
          outcomes.push(outcome);
          return;
        }
      }
    };
    const answered = () => outcomes.filter((outcome) => outcome.status !== undefined).length;

    const firstLoad = Promise.all(Array.from({length: IN_FLIGHT}, worker));
    await until(() => answered() >= Math.floor(HANDOFFS / 3), 'a third of the handoffs answered', 120_000);
    killing = true;
    await (bridge as BridgeProcess).kill();
    await firstLoad;
    killing = false;
    bridge = await startBridgeProcess(env);
    await Promise.all(Array.from({length: IN_FLIGHT}, worker));

    // Every handoff was answered 200, or not at all (the kill cut it off); never an error.
    expect(outcomes.filter((outcome) => outcome.status !== undefined && outcome.status !== 200)).toEqual([]);
    expect(outcomes.some((outcome) => outcome.status === undefined)).toBe(true);

    // The database: each task created, who holds it.
    const {rows} = await (sql as Client).query<{key: string; holder_id: string | null}>(`select key, holder_id from tasks where title like 'Crash handoff %'`);
    const holderOf = new Map(rows.map((row) => [row.key, row.holder_id]));
    // No lost state change: each handoff answered 200 is there.
    for (const outcome of outcomes.filter((each) => each.status === 200)) {
      expect({key: outcome.key, holder: holderOf.get(outcome.key as string)}).toEqual({key: outcome.key, holder: userId(outcome.receiver)});
    }

    // The outbox drains on the restarted process: every notice delivered (none given up). A notice
    // the killed process had claimed waits out its lease (120 s, storage/outboxRepository.ts) first.
    await until(async () => Number((await (sql as Client).query<{pending: string}>('select count(*) as pending from outbox where delivered_at is null')).rows[0]?.pending) === 0, 'the outbox to drain', faultScale(300_000, 900_000));
    const handedTo = new Map<string, string>([...holderOf].filter((entry): entry is [string, string] => entry[1] !== null));
    for (const receiver of RECEIVERS) {
      const dms = (await (await fetch(`${(simulator as RunningSimulator).url}/__sim/dms?user=${receiver}`)).json()) as Array<{message: string}>;
      const copies = new Map<string, number>();
      for (const post of dms) for (const key of new Set(post.message.match(TASK_KEY) ?? [])) copies.set(key, (copies.get(key) ?? 0) + 1);
      // Exactly one DM for each task the database says was handed to this receiver, none for the others.
      for (const key of holderOf.keys()) {
        expect({key, copies: copies.get(key) ?? 0}).toEqual({key, copies: handedTo.get(key) === userId(receiver) ? 1 : 0});
      }
    }
  }, faultScale(480_000, 1_800_000));
});
