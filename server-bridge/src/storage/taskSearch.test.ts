import {type Kysely, sql} from 'kysely';
import {isTitleHit, matchesSearchText, queryTerms, type SearchPlan} from '../domain/search/searchTerms';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {type Database, openDatabase} from './database';
import type {DatabaseSchema} from './schema';
import {refreshTaskSearchFields, searchFieldsForComment, searchFieldsForTask, searchTaskIds} from './taskSearch';

// Search on both engines, with rows written as the repository writes them
// (through the search-field helpers). Each task's id says what it holds.

interface TaskFixture {
  id: string;
  title: string;
  description?: string;
  caseId?: string;
  channelId?: string;
  /** Minutes after the base time: larger is more recent. */
  updatedMinute: number;
}

const tasks: TaskFixture[] = [
  {id: 'ja-fulltext', title: '全文検索の設計', updatedMinute: 1},
  {id: 'ja-inspection', title: '検査', updatedMinute: 2},
  {id: 'ja-index', title: '索引', updatedMinute: 3},
  {id: 'ja-apart', title: '検査と索引', description: '設計の検討', updatedMinute: 4},
  {id: 'zh-keyword', title: '關鍵字搜尋', updatedMinute: 5},
  {id: 'zh-split', title: '關鍵的字', updatedMinute: 6},
  {id: 'zh-noncontiguous', title: '關鍵在於鍵字', updatedMinute: 7},
  {id: 'ru-upper', title: 'УВЕДОМЛЕНИЕ о сроке', updatedMinute: 8},
  {id: 'ru-lower', title: 'Отправить', description: 'уведомление клиенту', updatedMinute: 9},
  {id: 'en-abc-corp', title: 'abc corp', updatedMinute: 10},
  {id: 'ja-abc-kk', title: 'ＡＢＣ株式会社', updatedMinute: 11},
  {id: 'en-deadlines', title: 'Deadlines for filing', updatedMinute: 12},
  {id: 'en-deadline', title: 'Check the deadline', updatedMinute: 13},
  {id: 'case-0142', title: '拒絶理由通知対応', description: 'response', caseId: 'P-2026-0142', updatedMinute: 14},
  {id: 'case-0143', title: 'Other case', caseId: 'P-2026-0143', updatedMinute: 15},
  {id: 'with-comments', title: 'Quarterly report', updatedMinute: 16},
  {id: 'rank-title-old', title: 'Renewal fee', updatedMinute: 17},
  {id: 'rank-description-new', title: 'Payments', description: 'renewal fee for EP', updatedMinute: 30},
  {id: 'rank-title-new', title: 'Renewal fee reminder', updatedMinute: 20},
  {id: 'other-channel', title: 'Renewal fee (other channel)', channelId: 'secret', updatedMinute: 40},
];

const comments = [
  {id: 'c-live', taskId: 'with-comments', body: '議事録を添付しました', deleted: false},
  {id: 'c-deleted', taskId: 'with-comments', body: 'обсуждение удалено', deleted: true},
];

const base = Date.parse('2026-11-20T09:00:00Z');

function plan(query: string): SearchPlan {
  const result = queryTerms(query);
  if (result.kind !== 'search') throw new Error(`expected a searchable query, got: ${result.message}`);
  return result;
}

async function insertFixtures(db: Kysely<DatabaseSchema>): Promise<void> {
  await db
    .insertInto('tasks')
    .values(
      tasks.map((task, index) => {
        const row = {title: task.title, description: task.description ?? '', case_id: task.caseId ?? null};
        return {
          ...row,
          ...searchFieldsForTask(row),
          id: task.id,
          key: `T-${index + 1}`,
          channel_id: task.channelId ?? 'patents',
          status_id: 'open',
          priority: 'normal' as const,
          labels: [],
          version: 1,
          creator_id: 'sato',
          created_at: new Date(base),
          updated_at: new Date(base + task.updatedMinute * 60_000),
        };
      }),
    )
    .execute();
  await db
    .insertInto('task_comments')
    .values(
      comments.map((comment) => ({
        ...searchFieldsForComment(comment),
        id: comment.id,
        task_id: comment.taskId,
        author_id: 'tanaka',
        body: comment.body,
        created_at: new Date(base),
        updated_at: new Date(base),
        deleted_at: comment.deleted ? new Date(base) : null,
      })),
    )
    .execute();
}

describe.each(engineNames)('task search on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  const search = (query: string, limit?: number) =>
    searchTaskIds(database.db, plan(query), {where: (eb) => eb('tasks.channel_id', '=', 'patents'), ...(limit ? {limit} : {})});

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    await insertFixtures(database.db);
  });

  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });

  it('finds 検索 as two characters, not 検 and 索 apart', async () => {
    expect(await search('検索')).toEqual(['ja-fulltext']);
  });

  it('finds 關鍵字 only where it is contiguous', async () => {
    expect(await search('關鍵字')).toEqual(['zh-keyword']);
  });

  it('folds Cyrillic case both ways', async () => {
    expect(await search('уведомление')).toEqual(['ru-upper', 'ru-lower']);
    expect(await search('УВЕДОМЛЕНИЕ')).toEqual(['ru-upper', 'ru-lower']);
  });

  it('treats full-width and half-width letters alike', async () => {
    expect(await search('ＡＢＣ')).toEqual(['ja-abc-kk', 'en-abc-corp']);
    expect(await search('abc')).toEqual(['ja-abc-kk', 'en-abc-corp']);
  });

  it('matches word prefixes without stemming', async () => {
    expect(await search('deadline')).toEqual(['en-deadline', 'en-deadlines']);
    expect(await search('deadlines')).toEqual(['en-deadlines']);
    expect(await search('line')).toEqual([]);
  });

  it('finds a case id with its hyphens, and mixed-script text across fields', async () => {
    expect(await search('P-2026-0142')).toEqual(['case-0142']);
    expect(await search('P-2026-014')).toEqual(['case-0143', 'case-0142']);
    expect(await search('通知対応 response')).toEqual(['case-0142']);
  });

  it('finds a task by a live comment, not by a deleted one', async () => {
    expect(await search('議事録')).toEqual(['with-comments']);
    expect(await search('обсуждение')).toEqual([]);
  });

  it('ranks title hits first, then the most recently updated, and applies the extra condition', async () => {
    expect(await search('renewal fee')).toEqual(['rank-title-new', 'rank-title-old', 'rank-description-new']);
    expect(await searchTaskIds(database.db, plan('renewal fee'))).toEqual(['other-channel', 'rank-title-new', 'rank-title-old', 'rank-description-new']);
    expect(await search('renewal fee', 2)).toEqual(['rank-title-new', 'rank-title-old']);
  });

  it('checks a single character beside a longer part on the text', async () => {
    expect(await search('検 設計')).toEqual(['ja-fulltext', 'ja-apart']);
    expect(await search('査 設計')).toEqual(['ja-apart']);
    expect(await search('全 設計')).toEqual(['ja-fulltext']);
  });

  it('agrees with the pure matcher on every fixture', async () => {
    const rows = await database.db.selectFrom('tasks').select(['id', 'search_text', 'updated_at']).execute();
    const commentTexts = comments.filter((comment) => !comment.deleted).map((comment) => ({taskId: comment.taskId, text: searchFieldsForComment(comment).search_text}));
    for (const query of ['検索', '設計', '關鍵', 'уведомление', 'abc', 'deadline', 'p 2026', '議事録', 'renewal', 'fee', 'for']) {
      const searchPlan = plan(query);
      const expected = rows
        .filter((row) => matchesSearchText(row.search_text, searchPlan) || commentTexts.some((c) => c.taskId === row.id && matchesSearchText(c.text, searchPlan)))
        .sort((a, b) => Number(isTitleHit(b.search_text, searchPlan)) - Number(isTitleHit(a.search_text, searchPlan)) || b.updated_at.getTime() - a.updated_at.getTime())
        .map((row) => row.id);
      expect({query, ids: await searchTaskIds(database.db, searchPlan, {limit: 100})}).toEqual({query, ids: expected});
    }
  });

  it('recomputes the search columns after a partial update', async () => {
    await database.db.updateTable('tasks').set({description: 'Особое УВЕДОМЛЕНИЕ'}).where('id', '=', 'en-abc-corp').execute();
    expect(await search('уведомление')).not.toContain('en-abc-corp');
    await refreshTaskSearchFields(database.db, 'en-abc-corp');
    expect(await search('уведомление')).toEqual(['ru-upper', 'en-abc-corp', 'ru-lower']);
  });

  it('stores the terms the GIN index serves', async () => {
    const row = await database.db.selectFrom('tasks').select(['search_terms', 'search_text']).where('id', '=', 'case-0142').executeTakeFirstOrThrow();
    expect(row.search_terms).toEqual(expect.arrayContaining(['拒絶', '対応', '2026', '0142', 'resp']));
    expect(row.search_text).toBe(' 拒絶理由通知対応\n response\n p 2026 0142');
    const indexes = await sql<{indexname: string}>`select indexname from pg_indexes where tablename in ('tasks', 'task_comments') and indexdef like '%gin (search_terms)%'`.execute(database.db);
    expect(indexes.rows.map((index) => index.indexname).sort()).toEqual(['task_comments_search_idx', 'tasks_search_idx']);
  });

  it('keeps planner statistics off search_terms, so common terms still use the index (migration 0003)', async () => {
    const targets = await sql<{table: string; target: number}>`
      select attrelid::regclass::text as table, attstattarget as target from pg_attribute
      where attname = 'search_terms' and attrelid in ('tasks'::regclass, 'task_comments'::regclass) order by 1`.execute(database.db);
    expect(targets.rows).toEqual([{table: 'task_comments', target: 0}, {table: 'tasks', target: 0}]);
  });
});
