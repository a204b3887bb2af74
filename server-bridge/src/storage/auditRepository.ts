import type {Kysely, Transaction} from 'kysely';
import type {AuditEntityType, AuditEntry, AuditReads, AuditRecord, AuditSource, AuditWriter} from '../domain/audit/audit';
import {auditSource} from '../domain/audit/audit';
import type {DatabaseSchema} from './schema';

// The audit log on either engine (migration 0012). The writer takes the
// change's own transaction, so an entry commits exactly when its change does.

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

export function auditWriterOn(db: Db): AuditWriter {
  return {
    async record(entry) {
      await insertAuditEntry(db, entry);
    },
  };
}

/** Writes one entry; its id, for what reacts to the entry in the same transaction (webhooks, storage/webhookRepository.ts). */
export async function insertAuditEntry(db: Db, entry: AuditEntry): Promise<string> {
  const {source, sourceId} = auditSource(entry.actor);
  const row = await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor_id: entry.actor.userId,
      source,
      source_id: sourceId,
      action: entry.action,
      entity_type: entry.entity.type,
      entity_id: entry.entity.id,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

export function auditReadsOn(db: Db): AuditReads {
  return {
    async listRange({from, to, afterId, limit}) {
      let query = db.selectFrom('audit_log').selectAll().where('at', '>=', from).where('at', '<', to);
      // ids are bigint: compare as numbers, not text ("10" < "9").
      if (afterId !== undefined) query = query.where('id', '>', afterId as never);
      const rows = await query.orderBy('id').limit(limit).execute();
      return rows.map(
        (row): AuditRecord => ({
          id: String(row.id),
          at: row.at,
          actorId: row.actor_id,
          source: row.source as AuditSource,
          sourceId: row.source_id,
          action: row.action,
          entityType: row.entity_type as AuditEntityType,
          entityId: row.entity_id,
          before: row.before,
          after: row.after,
        }),
      );
    },
  };
}

/** Dates become ISO strings, as everywhere in Baton's JSON. */
function snapshot(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
