import {z} from 'zod';
import type {SettingsStore} from '../domain/settings';

// How the bridge reaches Mattermost: written by setup (or the sandbox, which
// performs the same steps against the simulator), read on every request
// through a short cache so a re-run of setup takes effect without a restart.

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
});

export type MattermostConnection = z.infer<typeof connectionSchema>;

export interface ConnectionSource {
  /** undefined until setup has run. */
  get(): Promise<MattermostConnection | undefined>;
}

export function connectionFromSettings(settings: SettingsStore, cacheMs = 5000, now: () => number = Date.now): ConnectionSource {
  let cached: {value: MattermostConnection | undefined; at: number} | undefined;
  return {
    async get() {
      if (cached && now() - cached.at < cacheMs) return cached.value;
      const raw = await settings.get(CONNECTION_SETTING);
      const parsed = raw === undefined ? undefined : connectionSchema.parse(raw);
      cached = {value: parsed, at: now()};
      return parsed;
    },
  };
}
