import {type Kysely, sql} from 'kysely';

// Migrations are written against the PostgreSQL 15 feature set: the same
// files run on PostgreSQL ≥ 15 and on the embedded engine (PGlite, 18).

export async function up(db: Kysely<unknown>): Promise<void> {
  // Trigram indexes make substring search work for CJK text, which has no
  // spaces between words (used by task search).
  await sql`create extension if not exists pg_trgm`.execute(db);

  // Small key/value store for the bridge's own state (bot and command tokens
  // registered by `setup`, signing keys), kept in the database so that
  // every replica sees the same values.
  await db.schema
    .createTable('bridge_settings')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'jsonb', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('bridge_settings').execute();
}
