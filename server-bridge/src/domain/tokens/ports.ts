import type {ApiTokenScope} from '../../contract/apiTokens';

// What API tokens need from storage and from Mattermost.

/** A token as stored: never the token itself, only its secret's hash. */
export interface ApiTokenRecord {
  id: string;
  name: string;
  /** Hex SHA-256 of the secret. */
  tokenHash: string;
  scopes: ApiTokenScope[];
  /** Null: every channel. */
  channelIds: string[] | null;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ApiTokenStore {
  /** 'name_taken' when a token not revoked has the name (in any letter case). */
  insertToken(record: ApiTokenRecord): Promise<'inserted' | 'name_taken'>;
  /** Newest first, revoked ones included. */
  listTokens(): Promise<ApiTokenRecord[]>;
  findToken(id: string): Promise<ApiTokenRecord | undefined>;
  /** Sets revoked_at unless it is set already; the token as it is after. */
  revokeToken(id: string, at: Date): Promise<ApiTokenRecord | undefined>;
  recordUse(id: string, at: Date): Promise<void>;
}

/** The Baton bot, whom token callers act as (tasks need a creator). */
export interface BotIdentity {
  /** Undefined until setup has connected Mattermost. */
  botUserId(): Promise<string | undefined>;
}
