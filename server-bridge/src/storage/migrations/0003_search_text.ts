import {type Kysely, sql} from 'kysely';

// Search (domain/search/searchTerms.ts, storage/taskSearch.ts): the
// normalised text that rechecks search-term candidates, and a planner setting
// that keeps search on the GIN index.
//
// The application writes search_text, not the database: lower() follows the
// database's locale (the C locale folds no Cyrillic), and PostgreSQL has no
// NFKC-plus-lowercase that agrees with the JavaScript that normalises queries.
//
// No backfill: no released bridge has written tasks (0002 ships in the same
// release), and the search columns are written with every task and comment.

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['tasks', 'task_comments']) {
    await sql`alter table ${sql.table(table)} add column search_text text not null default ''`.execute(db);
    // No planner statistics for search_terms, so `@>` is always estimated as
    // selective (0.5% a term) and the GIN index is always used. With real
    // statistics the planner picks a sequential scan for common terms, and
    // that scan decompresses every row's search_terms (a few hundred terms):
    // measured at 10k tasks, ~210 ms instead of ~14 ms through the index
    // (a term in 10% of tasks), ~260 ms instead of ~60 ms (in 70%).
    await sql`alter table ${sql.table(table)} alter column search_terms set statistics 0`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['task_comments', 'tasks']) {
    await sql`alter table ${sql.table(table)} alter column search_terms set statistics -1`.execute(db);
    await sql`alter table ${sql.table(table)} drop column search_text`.execute(db);
  }
}
