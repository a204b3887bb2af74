import {type Kysely, type Selectable, sql} from 'kysely';
import type {IntakeEndpoint, IntakeStore} from '../domain/intake/ports';
import type {DatabaseSchema} from './schema';
import {taskTxOn} from './taskRepository';

// Web intake endpoints (migration 0015). A transaction here is also a task
// transaction (taskTxOn), so a change commits with its audit entry.

export function createIntakeRepository(db: Kysely<DatabaseSchema>): IntakeStore {
  return {
    async listEndpoints(channelId) {
      const rows = await db.selectFrom('intake_endpoints').selectAll().where('channel_id', '=', channelId).orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(toEndpoint);
    },
    async findByTokenHash(tokenHash) {
      const row = await db.selectFrom('intake_endpoints').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toEndpoint(row) : undefined;
    },
    async countSubmission(id, outcome, at) {
      await db
        .updateTable('intake_endpoints')
        .set(outcome === 'created' ? {submissions: sql`submissions + 1`, last_submission_at: at} : {spam_caught: sql`spam_caught + 1`})
        .where('id', '=', id)
        .execute();
    },
    async transaction(work) {
      return db.transaction().execute((trx) =>
        work({
          ...taskTxOn(trx),
          intakes: {
            async insertEndpoint(endpoint) {
              await trx
                .insertInto('intake_endpoints')
                .values({
                  id: endpoint.id,
                  channel_id: endpoint.channelId,
                  name: endpoint.name,
                  token_hash: endpoint.tokenHash,
                  secret_hash: endpoint.secretHash,
                  honeypot_field: endpoint.honeypotField,
                  created_by: endpoint.createdBy,
                  created_at: endpoint.createdAt,
                })
                .execute();
            },
            async revokeEndpoint(channelId, id, at) {
              const row = await trx
                .updateTable('intake_endpoints')
                .set({revoked_at: sql`coalesce(revoked_at, ${at})`})
                .where('id', '=', id)
                .where('channel_id', '=', channelId)
                .returningAll()
                .executeTakeFirst();
              return row ? toEndpoint(row) : undefined;
            },
          },
        }),
      );
    },
  };
}

function toEndpoint(row: Selectable<DatabaseSchema['intake_endpoints']>): IntakeEndpoint {
  return {
    id: row.id,
    channelId: row.channel_id,
    name: row.name,
    tokenHash: row.token_hash,
    secretHash: row.secret_hash,
    honeypotField: row.honeypot_field,
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    submissions: row.submissions,
    spamCaught: row.spam_caught,
    lastSubmissionAt: row.last_submission_at,
  };
}
