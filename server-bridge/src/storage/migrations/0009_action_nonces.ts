import {type Kysely, sql} from 'kysely';

// Buttons and dialogs (notices/handoffActions.ts): a signed context can be
// posted again until it expires, so each one's nonce is recorded when its
// action takes effect, and a recorded nonce is refused. Rows may be deleted
// after expires_at (the signature check refuses the context by then).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table action_nonces (
      nonce text primary key,
      used_at timestamptz not null,
      expires_at timestamptz not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table action_nonces`.execute(db);
}
