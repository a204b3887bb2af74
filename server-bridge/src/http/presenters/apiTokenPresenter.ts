import type {ApiTokenView} from '../../contract/apiTokens';
import type {ApiTokenRecord} from '../../domain/tokens/ports';

// API tokens → the JSON of /api/v1/admin/tokens: never the hash; the token
// itself only in the answer to its creation (the route adds it).

export function presentApiToken(record: ApiTokenRecord): ApiTokenView {
  return {
    id: record.id,
    name: record.name,
    scopes: record.scopes,
    channelIds: record.channelIds,
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
    revokedAt: record.revokedAt?.toISOString() ?? null,
  };
}
