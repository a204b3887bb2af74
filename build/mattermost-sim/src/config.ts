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
  };
  PluginSettings: {Enable: boolean};
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
    },
    PluginSettings: {Enable: true},
  };
}

export function applyConfigPatch(config: SimConfig, patch: SimConfigPatch): SimConfig {
  return {
    ServiceSettings: {...config.ServiceSettings, ...patch.ServiceSettings},
    PluginSettings: {...config.PluginSettings, ...patch.PluginSettings},
  };
}
