import type {Kysely, Transaction} from 'kysely';
import {type ChannelSettingsReads, type ChannelSettingsWrites, DEFAULT_CHANNEL_NOTICES} from '../domain/channels/ports';
import type {DatabaseSchema} from './schema';

// Channel notice settings on either engine: one row per channel once an
// admin changed something, the defaults before.

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

export function channelSettingsReadsOn(db: Db): ChannelSettingsReads {
  return {
    async channelNotices(channelId) {
      const row = await db.selectFrom('channel_settings').select(['handoff_notices', 'exclude_guests']).where('channel_id', '=', channelId).executeTakeFirst();
      return row ? {handoffs: row.handoff_notices, excludeGuests: row.exclude_guests} : {...DEFAULT_CHANNEL_NOTICES};
    },
  };
}

export function channelSettingsWritesOn(db: Db): ChannelSettingsWrites {
  return {
    async setChannelNotices(channelId, notices, {actorId, at}) {
      const values = {handoff_notices: notices.handoffs, exclude_guests: notices.excludeGuests, updated_by: actorId, updated_at: at};
      await db
        .insertInto('channel_settings')
        .values({channel_id: channelId, ...values})
        .onConflict((conflict) => conflict.column('channel_id').doUpdateSet(values))
        .execute();
    },
  };
}
