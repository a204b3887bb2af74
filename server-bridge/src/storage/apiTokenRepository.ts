import type {Kysely, Selectable} from 'kysely';
import type {ApiTokenScope} from '../contract/apiTokens';
import type {ApiTokenRecord, ApiTokenStore} from '../domain/tokens/ports';
import type {DatabaseSchema} from './schema';

// API tokens on either engine (migration 0013). Only hashes are stored.

type Row = Selectable<DatabaseSchema['api_tokens']>;

export function createApiTokenRepository(db: Kysely<DatabaseSchema>): ApiTokenStore & {taskChannelIds(): Promise<string[]>} {
  return {
    async insertToken(record) {
      // The partial unique index on lower(name) among live tokens decides: DO NOTHING leaves nothing to roll back.
      const inserted = await db
        .insertInto('api_tokens')
        .values({
          id: record.id,
          name: record.name,
          token_hash: record.tokenHash,
          scopes: record.scopes,
          channel_ids: record.channelIds,
          created_by: record.createdBy,
          created_at: record.createdAt,
        })
        .onConflict((conflict) => conflict.doNothing())
        .executeTakeFirst();
      return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n ? 'inserted' : 'name_taken';
    },
    async listTokens() {
      const rows = await db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(toRecord);
    },
    async findToken(id) {
      const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },
    async revokeToken(id, at) {
      await db.updateTable('api_tokens').set({revoked_at: at}).where('id', '=', id).where('revoked_at', 'is', null).execute();
      const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },
    async recordUse(id, at) {
      await db.updateTable('api_tokens').set({last_used_at: at}).where('id', '=', id).execute();
    },
    /** Every channel with tasks: what a token for every channel lists. */
    async taskChannelIds() {
      const rows = await db.selectFrom('tasks').select('channel_id').distinct().where('channel_id', 'is not', null).execute();
      return rows.flatMap((row) => (row.channel_id ? [row.channel_id] : []));
    },
  };
}

function toRecord(row: Row): ApiTokenRecord {
  return {
    id: row.id,
    name: row.name,
    tokenHash: row.token_hash,
    scopes: row.scopes as ApiTokenScope[],
    channelIds: row.channel_ids,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

