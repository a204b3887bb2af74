import type {Kysely, Transaction} from 'kysely';
import {type ChannelSettingsReads, type ChannelSettingsWrites, DEFAULT_CHANNEL_NOTICES, DEFAULT_CHANNEL_ROLES} from '../domain/channels/ports';
import type {DatabaseSchema} from './schema';

// Channel settings on either engine: one row per channel once an admin
// changed something, the defaults before. Each write sets only its own
// columns, so a row made by one keeps the other's defaults.

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

export function channelSettingsReadsOn(db: Db): ChannelSettingsReads {
  return {
    async channelNotices(channelId) {
      const row = await db.selectFrom('channel_settings').select(['handoff_notices', 'exclude_guests']).where('channel_id', '=', channelId).executeTakeFirst();
      return row ? {handoffs: row.handoff_notices, excludeGuests: row.exclude_guests} : {...DEFAULT_CHANNEL_NOTICES};
    },
    async channelRoles(channelId) {
      const row = await db.selectFrom('channel_settings').select(['guests_may_create_tasks', 'triage_holder_id']).where('channel_id', '=', channelId).executeTakeFirst();
      return row ? {guests: {mayCreateTasks: row.guests_may_create_tasks}, triageHolderId: row.triage_holder_id} : {...DEFAULT_CHANNEL_ROLES, guests: {...DEFAULT_CHANNEL_ROLES.guests}};
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
    async setChannelRoles(channelId, roles, {actorId, at}) {
      const values = {guests_may_create_tasks: roles.guests.mayCreateTasks, triage_holder_id: roles.triageHolderId, updated_by: actorId, updated_at: at};
      await db
        .insertInto('channel_settings')
        // A new row: the notices keep their defaults.
        .values({channel_id: channelId, handoff_notices: DEFAULT_CHANNEL_NOTICES.handoffs, exclude_guests: DEFAULT_CHANNEL_NOTICES.excludeGuests, ...values})
        .onConflict((conflict) => conflict.column('channel_id').doUpdateSet(values))
        .execute();
    },
  };
}
