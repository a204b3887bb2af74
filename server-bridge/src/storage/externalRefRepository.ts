import type {Kysely} from 'kysely';
import type {ExternalRefStore} from '../domain/external/ports';
import type {DatabaseSchema} from './schema';
import {taskTxOn} from './taskRepository';

// External references of tasks (migration 0013). A transaction here is also
// a task transaction (taskTxOn), so the reference commits with its task; the
// (source, external_id) primary key with DO NOTHING tells a concurrent
// second creator that it lost, without aborting its transaction.

export function createExternalRefRepository(db: Kysely<DatabaseSchema>, options: {afterCommit?: () => void} = {}): ExternalRefStore {
  return {
    async findTaskIdByRef(source, externalId) {
      const row = await db.selectFrom('task_external_refs').select('task_id').where('source', '=', source).where('external_id', '=', externalId).executeTakeFirst();
      return row?.task_id;
    },
    async transaction(work) {
      const result = await db.transaction().execute((trx) =>
        work({
          ...taskTxOn(trx),
          externalRefs: {
            async insertRef(ref) {
              const inserted = await trx
                .insertInto('task_external_refs')
                .values({source: ref.source, external_id: ref.externalId, task_id: ref.taskId, created_at: ref.createdAt})
                .onConflict((conflict) => conflict.columns(['source', 'external_id']).doNothing())
                .executeTakeFirst();
              return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n;
            },
          },
        }),
      );
      // E.g. wake the notice delivery: the new holder's handoff DM is visible now.
      options.afterCommit?.();
      return result;
    },
  };
}
