import {z} from 'zod';
import type {SettingsStore} from '../domain/settings';

// How the bridge reaches Mattermost: written by setup (or the sandbox, which
// performs the same steps against the simulator), read on every request
// through a short cache so a re-run of setup takes effect without a restart
// (and the first setup at once).

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
  let cached: {value: MattermostConnection | undefined; at: number} | undefined;
  return {
    async get() {
      if (cached && now() - cached.at < cacheMs) return cached.value;
      const raw = await settings.get(CONNECTION_SETTING);
      const parsed = raw === undefined ? undefined : connectionSchema.parse(raw);
      // "Not set up yet" is never cached: the first setup takes effect on the next request.
      cached = parsed === undefined ? undefined : {value: parsed, at: now()};
      return parsed;
    },
  };
}
