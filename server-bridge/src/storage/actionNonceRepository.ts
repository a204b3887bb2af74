import type {Kysely} from 'kysely';
import type {DatabaseSchema} from './schema';

// Each signed button or dialog context takes effect once (migration 0009).

export interface ActionNonces {
  /** True the first time a nonce is used; false ever after (until it expires and is purged). */
  useOnce(nonce: string, at: Date, expiresAt: Date): Promise<boolean>;
}

export function createActionNonces(db: Kysely<DatabaseSchema>): ActionNonces {
  return {
    async useOnce(nonce, at, expiresAt) {
      const inserted = await db.insertInto('action_nonces').values({nonce, used_at: at, expires_at: expiresAt}).onConflict((conflict) => conflict.doNothing()).executeTakeFirst();
      return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },
  };
}
