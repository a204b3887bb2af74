import {type Kysely, type Selectable, sql, type Transaction} from 'kysely';
import {workflowDefinitionSchema} from '../contract/workflow';
import type {Deadline} from '../domain/tasks/task';
import type {WorkflowReads, WorkflowRun, WorkflowTemplate, WorkflowWrites} from '../domain/workflows/ports';
import {runChannelReadsOn, runChannelsOf, runChannelWritesOn} from './runChannelRepository';
import type {DatabaseSchema} from './schema';

// Workflow templates, their versions, runs and run steps on either engine.
// Definitions are stored as JSON and parsed back through the contract, so a
// stored template always reads as a valid one.

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

interface StoredDeadline {
  kind: string;
  dueAt: string;
  allDay: boolean;
  timeZone: string;
}

export function workflowReadsOn(db: Db): WorkflowReads {
  async function templates(where: (query: ReturnType<typeof templateQuery>) => ReturnType<typeof templateQuery>): Promise<WorkflowTemplate[]> {
    const rows = await where(templateQuery(db)).execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      version: row.current_version,
      definition: workflowDefinitionSchema.parse(row.definition),
      createdBy: row.created_by,
      updatedAt: row.updated_at,
    }));
  }

  async function runs(which: {id?: string; taskId?: string}): Promise<WorkflowRun[]> {
    let query = db.selectFrom('workflow_runs').selectAll();
    if (which.id) query = query.where('id', '=', which.id);
    if (which.taskId) {
      const taskId = which.taskId;
      query = query.where((eb) =>
        eb.or([eb('parent_task_id', '=', taskId), eb('id', 'in', eb.selectFrom('workflow_run_steps').select('run_id').where('task_id', '=', taskId))]),
      );
    }
    const rows = await query.execute();
    if (rows.length === 0) return [];
    const steps = await db
      .selectFrom('workflow_run_steps')
      .selectAll()
      .where(
        'run_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('position')
      .execute();
    const channels = await runChannelsOf(db, rows.map((row) => row.id));
    return rows.map((row) => ({...toRun(row, steps.filter((step) => step.run_id === row.id)), runChannel: channels.get(row.id) ?? null}));
  }

  return {
    findTemplate: async (idOrName) => (await templates((query) => query.where((eb) => eb.or([eb('t.id', '=', idOrName), eb(sql`lower(t.name)`, '=', idOrName.toLowerCase())]))))[0],
    listTemplates: () => templates((query) => query.orderBy(sql`lower(t.name)`)),
    async templateVersion(templateId, version) {
      const row = await db.selectFrom('workflow_template_versions').select('definition').where('template_id', '=', templateId).where('version', '=', version).executeTakeFirst();
      return row ? workflowDefinitionSchema.parse(row.definition) : undefined;
    },
    findRun: async (runId) => (await runs({id: runId}))[0],
    runOfTask: async (taskId) => (await runs({taskId}))[0],
    ...runChannelReadsOn(db),
  };
}

export function workflowWritesOn(db: Db): WorkflowWrites {
  async function nameTaken(name: string, exceptId?: string): Promise<boolean> {
    let query = db.selectFrom('workflow_templates').select('id').where(sql`lower(name)`, '=', name.toLowerCase());
    if (exceptId) query = query.where('id', '<>', exceptId);
    return (await query.executeTakeFirst()) !== undefined;
  }

  async function insertVersion(template: WorkflowTemplate): Promise<void> {
    await db
      .insertInto('workflow_template_versions')
      .values({template_id: template.id, version: template.version, definition: JSON.stringify(template.definition), created_by: template.createdBy, created_at: template.updatedAt})
      .execute();
  }

  return {
    async insertTemplate(template) {
      // The unique index on lower(name) decides races; DO NOTHING keeps the transaction usable.
      const inserted = await db
        .insertInto('workflow_templates')
        .values({id: template.id, name: template.name, current_version: template.version, created_by: template.createdBy, created_at: template.updatedAt, updated_at: template.updatedAt})
        .onConflict((conflict) => conflict.doNothing())
        .executeTakeFirst();
      if ((inserted.numInsertedOrUpdatedRows ?? 0n) === 0n) return false;
      await insertVersion(template);
      return true;
    },
    async addTemplateVersion(template, expectedVersion) {
      if (await nameTaken(template.name, template.id)) return 'name_taken';
      const updated = await db
        .updateTable('workflow_templates')
        .set({name: template.name, current_version: template.version, updated_at: template.updatedAt})
        .where('id', '=', template.id)
        .where('current_version', '=', expectedVersion)
        .executeTakeFirst();
      if ((updated.numUpdatedRows ?? 0n) === 0n) return 'stale';
      await insertVersion(template);
      return 'added';
    },
    async insertRun(run) {
      await db
        .insertInto('workflow_runs')
        .values({
          id: run.id,
          template_id: run.templateId,
          template_version: run.templateVersion,
          title: run.title,
          channel_id: run.channelId,
          requester_id: run.requesterId,
          roles: JSON.stringify(run.roles),
          deadlines: JSON.stringify(run.deadlines.map((deadline): StoredDeadline => ({...deadline, dueAt: deadline.dueAt.toISOString()}))),
          parent_task_id: run.parentTaskId,
          status: run.status,
          current_step: run.currentStep,
          started_at: run.startedAt,
          completed_at: run.completedAt,
        })
        .execute();
      if (run.steps.length === 0) return;
      await db
        .insertInto('workflow_run_steps')
        .values(run.steps.map((step) => ({run_id: run.id, position: step.position, task_id: step.taskId, started_at: step.startedAt, completed_at: step.completedAt})))
        .execute();
    },
    async updateRun(runId, changes) {
      await db
        .updateTable('workflow_runs')
        .set({
          ...(changes.status !== undefined ? {status: changes.status} : {}),
          ...(changes.currentStep !== undefined ? {current_step: changes.currentStep} : {}),
          ...(changes.completedAt !== undefined ? {completed_at: changes.completedAt} : {}),
        })
        .where('id', '=', runId)
        .execute();
    },
    async updateStep(runId, position, changes) {
      await db
        .updateTable('workflow_run_steps')
        .set({
          ...(changes.startedAt !== undefined ? {started_at: changes.startedAt} : {}),
          ...(changes.completedAt !== undefined ? {completed_at: changes.completedAt} : {}),
        })
        .where('run_id', '=', runId)
        .where('position', '=', position)
        .execute();
    },
    ...runChannelWritesOn(db),
  };
}

function templateQuery(db: Db) {
  return db
    .selectFrom('workflow_templates as t')
    .innerJoin('workflow_template_versions as v', (join) => join.onRef('v.template_id', '=', 't.id').onRef('v.version', '=', 't.current_version'))
    .select(['t.id', 't.name', 't.current_version', 't.created_by', 't.updated_at', 'v.definition']);
}

function toRun(row: Selectable<DatabaseSchema['workflow_runs']>, steps: Array<Selectable<DatabaseSchema['workflow_run_steps']>>): Omit<WorkflowRun, 'runChannel'> {
  return {
    id: row.id,
    templateId: row.template_id,
    templateVersion: row.template_version,
    title: row.title,
    channelId: row.channel_id,
    requesterId: row.requester_id,
    roles: row.roles as Record<string, string>,
    deadlines: (row.deadlines as StoredDeadline[]).map((deadline): Deadline => ({...deadline, dueAt: new Date(deadline.dueAt)})),
    parentTaskId: row.parent_task_id,
    status: row.status,
    currentStep: row.current_step,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    steps: steps.map((step) => ({position: step.position, taskId: step.task_id, startedAt: step.started_at, completedAt: step.completed_at})),
  };
}
