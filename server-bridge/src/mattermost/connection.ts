import {z} from 'zod';
import type {SettingsStore} from '../domain/settings';

// How the bridge reaches Mattermost: written by setup (or the sandbox, which
// performs the same steps against the simulator), read on every request
// through a short cache so a re-run of setup takes effect without a restart
// (and the first setup at once). Once known, it never makes a request wait
// for the database (see get()).

export const CONNECTION_SETTING = 'mattermost.connection';

export const connectionSchema = z.object({
  /** Mattermost's SiteURL as the bridge reaches it. */
  url: z.url(),
  botUserId: z.string().min(1),
  botToken: z.string().min(1),
  /** Token of each `/task` command (one per team). */
  commandTokens: z.array(z.string().min(1)),
  /** The bridge as Mattermost reaches it (commands, buttons, dialogs); absent in connections stored before buttons existed. */
  bridgeUrl: z.url().optional(),
  /** Mattermost's configured SiteURL (the origin browsers load the webapp from: CORS allows only it); absent in connections stored before setup recorded it. */
  siteUrl: z.url().optional(),
  /** The teams `setup --team` put `/task` on; absent when setup covered every team. */
  onlyTeamIds: z.array(z.string().min(1)).optional(),
});

export type MattermostConnection = z.infer<typeof connectionSchema>;

export interface ConnectionSource {
  /** undefined until setup has run. */
  get(): Promise<MattermostConnection | undefined>;
}

export function connectionFromSettings(settings: SettingsStore, cacheMs = 5000, now: () => number = Date.now): ConnectionSource {
  let cached: {value: MattermostConnection; at: number} | undefined;
  let reading: Promise<MattermostConnection | undefined> | undefined;
  /** One read of the stored connection at a time, however many requests find the cache expired. */
  const read = () =>
    (reading ??= (async () => {
      try {
        const raw = await settings.get(CONNECTION_SETTING);
        const parsed = raw === undefined ? undefined : connectionSchema.parse(raw);
        // "Not set up yet" is never cached: the first setup takes effect on the next request.
        cached = parsed === undefined ? undefined : {value: parsed, at: now()};
        return parsed;
      } finally {
        reading = undefined;
      }
    })());
  return {
    async get() {
      // Not known yet (before setup, or the first request after start-up):
      // this one read is awaited. Not fixed: a transaction on the embedded
      // engine that reaches it then would still wait for ever; the WebSocket
      // listener's first poll at start-up usually fills the cache first.
      if (!cached) return read();
      // An expired connection is still answered at once and re-read behind it.
      // Channel access asks for it inside task transactions, and on the
      // embedded engine (one connection, held by that transaction) awaiting
      // the database here would wait for ever. A failed re-read keeps the
      // last connection; the next request past the cache's lifetime tries again.
      if (now() - cached.at >= cacheMs) read().catch(() => undefined);
      return cached.value;
    },
  };
}
