import {z} from 'zod';

// The parts of Mattermost's config (server/public/model/config.go) the
// simulator honours, with Mattermost's defaults unless noted.

export interface SimConfig {
  ServiceSettings: {
    SiteURL: string;
    EnableCommands: boolean;
    EnablePostUsernameOverride: boolean;
    EnablePostIconOverride: boolean;
    EnableUserAccessTokens: boolean;
    EnableBotAccountCreation: boolean;
    /** Seconds; bounds every call to a command, action or dialog URL. */
    OutgoingIntegrationRequestsTimeout: number;
    /** Space- or comma-separated hosts/CIDRs integrations may reach on private addresses. */
    AllowedUntrustedInternalConnections: string;
    /** Login session (and MMAUTHTOKEN cookie) lifetime; Mattermost's default is 30 days. */
    SessionLengthWebInHours: number;
  };
  /** What non-admins see of other users (app/user.go SanitizeProfile). */
  PrivacySettings: {ShowEmailAddress: boolean; ShowFullName: boolean};
  PluginSettings: {Enable: boolean};
  /** DisableAppBar false (the default) shows plugin icons in the App Bar. */
  ExperimentalSettings: {DisableAppBar: boolean};
}

export type SimConfigPatch = {[K in keyof SimConfig]?: Partial<SimConfig[K]>};

export function defaultConfig(siteUrl: string): SimConfig {
  return {
    ServiceSettings: {
      SiteURL: siteUrl,
      EnableCommands: true,
      EnablePostUsernameOverride: false,
      EnablePostIconOverride: false,
      EnableUserAccessTokens: false,
      EnableBotAccountCreation: false,
      OutgoingIntegrationRequestsTimeout: 30,
      AllowedUntrustedInternalConnections: '',
      SessionLengthWebInHours: 720,
    },
    PrivacySettings: {ShowEmailAddress: true, ShowFullName: true},
    PluginSettings: {Enable: true},
    ExperimentalSettings: {DisableAppBar: false},
  };
}

export function applyConfigPatch(config: SimConfig, patch: SimConfigPatch): SimConfig {
  return {
    ServiceSettings: {...config.ServiceSettings, ...patch.ServiceSettings},
    PrivacySettings: {...config.PrivacySettings, ...patch.PrivacySettings},
    PluginSettings: {...config.PluginSettings, ...patch.PluginSettings},
    ExperimentalSettings: {...config.ExperimentalSettings, ...patch.ExperimentalSettings},
  };
}

/**
 * A config body as PUT /config and PUT /config/patch accept it: any subset of
 * the known settings; unknown settings are ignored like Go's JSON decoder
 * ignores unknown fields, but a known setting of the wrong type is refused.
 */
export const configPatchSchema = z.object({
  ServiceSettings: z
    .object({
      SiteURL: z.string(),
      EnableCommands: z.boolean(),
      EnablePostUsernameOverride: z.boolean(),
      EnablePostIconOverride: z.boolean(),
      EnableUserAccessTokens: z.boolean(),
      EnableBotAccountCreation: z.boolean(),
      OutgoingIntegrationRequestsTimeout: z.number().int(),
      AllowedUntrustedInternalConnections: z.string(),
      SessionLengthWebInHours: z.number().int(),
    })
    .partial()
    .optional(),
  PrivacySettings: z.object({ShowEmailAddress: z.boolean(), ShowFullName: z.boolean()}).partial().optional(),
  PluginSettings: z.object({Enable: z.boolean()}).partial().optional(),
  ExperimentalSettings: z.object({DisableAppBar: z.boolean()}).partial().optional(),
});

/**
 * PUT /config semantics (api4/config.go updateConfig): the body is the whole
 * config; cfg.SetDefaults() fills what it leaves out, so omitted settings
 * return to their defaults (SiteURL to "").
 */
export function replaceConfig(patch: SimConfigPatch): SimConfig {
  return applyConfigPatch(defaultConfig(''), patch);
}

/**
 * GET /config/client?format=old (config/client.go): a flat map of strings.
 * Logged-out clients get GenerateLimitedClientConfig; logged-in ones
 * GenerateClientConfig, which adds the integration switches. Only keys read
 * from that file are listed; BuildNumber matches X-Version-Id (`sim`).
 */
export function clientConfig(config: SimConfig, serverVersion: string, limited: boolean): Record<string, string> {
  const service = config.ServiceSettings;
  const limitedConfig: Record<string, string> = {
    Version: serverVersion,
    BuildNumber: 'sim',
    EnableBotAccountCreation: String(service.EnableBotAccountCreation),
    SiteURL: service.SiteURL.replace(/\/+$/, ''),
    SiteName: 'Mattermost',
    DefaultClientLocale: 'en',
    // Limited config too: the webapp decides whether to load plugins before login.
    PluginsEnabled: String(config.PluginSettings.Enable),
  };
  if (limited) return limitedConfig;
  return {
    ...limitedConfig,
    EnableCommands: String(service.EnableCommands),
    EnablePostUsernameOverride: String(service.EnablePostUsernameOverride),
    EnablePostIconOverride: String(service.EnablePostIconOverride),
    EnableUserAccessTokens: String(service.EnableUserAccessTokens),
    DisableAppBar: String(config.ExperimentalSettings.DisableAppBar),
  };
}
