import {randomUUID} from 'node:crypto';
import type {AssigneeRule, WorkflowDefinition} from '../../contract/workflow';
import {errors} from '../../errors';
import type {BusinessCalendar} from '../calendar/businessCalendar';
import type {ChannelAccess, Clock, TaskChange, TaskChangeListener, TaskOperations, TaskStore, TaskTx} from '../tasks/ports';
import type {Caller, CaseRef, Deadline, Task} from '../tasks/task';
import type {WorkflowRun, WorkflowTemplate} from './ports';
import {stepDeadlines} from './stepDeadlines';

// Workflow templates and runs. Starting a run creates a parent task for the
// case and one sub-task per step; the first step's holder gets the baton.
// Completing a step (status `done`) passes the baton to the next step's
// holder with that step's deadlines, inside the same transaction; the last
// step completes the run and its parent task.

export interface WorkflowServiceDeps {
  store: TaskStore;
  access: ChannelAccess;
  clock: Clock;
  /** The organisation's working days. */
  calendar: BusinessCalendar;
  /** Where "the day a step started" is read for business-day deadlines. */
  timeZone: string;
  tasks: TaskOperations;
  newId?: () => string;
}

export interface RunStart {
  title?: string;
  channelId: string;
  caseRef?: CaseRef;
  roles: Record<string, string>;
  deadlines: Deadline[];
  comment?: string;
  /**
   * Give the case its own private channel with the run's people, where the
   * run's handoffs are announced too; archived some days after the run
   * completes (BATON_RUN_CHANNEL_ARCHIVE_DAYS).
   */
  runChannel?: boolean;
}

export type WorkflowService = ReturnType<typeof createWorkflowService>;

/** A run with the version it follows and its tasks as they are now. */
export interface RunView {
  run: WorkflowRun;
  definition: WorkflowDefinition;
  parent: Task;
  steps: Task[];
}

export function createWorkflowService({store, access, clock, calendar, timeZone, tasks, newId = randomUUID}: WorkflowServiceDeps) {
  function requireMember(caller: Caller, what: string): void {
    if (caller.guest) throw errors.forbidden('workflow_guest', `Guests cannot ${what}.`);
  }

  async function templateOrNotFound(reads: TaskStore['workflows'], idOrName: string): Promise<WorkflowTemplate> {
    const template = await reads.findTemplate(idOrName);
    if (!template) throw errors.notFound(`Workflow template ${idOrName}`);
    return template;
  }

  /** Who receives the step's baton; a chosen holder comes from the previous holder. */
  function holderFor(rule: AssigneeRule, run: Pick<WorkflowRun, 'requesterId' | 'roles'>, chosen: string | undefined, stepName: string): string {
    switch (rule.kind) {
      case 'user':
        return rule.userId;
      case 'requester':
        return run.requesterId;
      case 'role': {
        const holder = run.roles[rule.role];
        if (!holder) throw errors.invalid('role', `Nobody fills the role ${rule.role} in this run.`, {field: `roles.${rule.role}`});
        return holder;
      }
      case 'chosen':
        if (!chosen) throw errors.invalid('next_holder', `The next step (${stepName}) goes to whoever you choose: give nextHolderId.`, {field: 'nextHolderId'});
        return chosen;
    }
  }

  /** Hands the step's task to its holder with its deadlines, and makes it the run's current step. */
  async function beginStep(tx: TaskTx, run: WorkflowRun, definition: WorkflowDefinition, position: number, actor: Caller, handoff: {comment?: string; chosen?: string}): Promise<{task: Task; holderId: string}> {
    const step = definition.steps[position];
    const stepRef = run.steps[position];
    if (!step || !stepRef) throw new Error(`run ${run.id} has no step ${position}`);
    const holderId = holderFor(step.assignee, run, handoff.chosen, step.name);
    const now = clock.now();
    let task = await taskOrFail(tx, stepRef.taskId);
    task = await tasks.setDeadlines(tx, actor, task, stepDeadlines(step.deadlines, {startedAt: now, timeZone, calendar, runDeadlines: run.deadlines}));
    await tx.workflows.updateStep(run.id, position, {startedAt: now});
    await tx.workflows.updateRun(run.id, {currentStep: position});
    await tasks.handOff(tx, actor, task, {toUserId: holderId, ...(handoff.comment ? {comment: handoff.comment} : {})});
    return {task, holderId};
  }

  /** A step task moved to `done`: the baton goes on, or the run is complete. */
  const advanceOnDone: TaskChangeListener = {
    async afterChange(tx, change: TaskChange) {
      if (change.kind !== 'status_changed' || change.after.statusId !== 'done') return;
      const run = await tx.workflows.runOfTask(change.after.id);
      if (!run || run.status !== 'active' || run.currentStep === null || run.steps[run.currentStep]?.taskId !== change.after.id) {
        if (change.nextHolderId) throw errors.invalid('next_holder', 'nextHolderId applies only when completing the current step of a workflow run.', {field: 'nextHolderId'});
        return;
      }
      const definition = await tx.workflows.templateVersion(run.templateId, run.templateVersion);
      if (!definition) throw new Error(`run ${run.id}: template version ${run.templateVersion} is missing`);
      const now = clock.now();
      await tx.workflows.updateStep(run.id, run.currentStep, {completedAt: now});
      const next = run.currentStep + 1;
      const nextStep = definition.steps[next];
      if (change.nextHolderId && nextStep?.assignee.kind !== 'chosen') {
        throw errors.invalid('next_holder', 'The next step’s holder is set by the workflow template; leave out nextHolderId (or hand the task off afterwards).', {field: 'nextHolderId'});
      }
      if (nextStep) {
        const started = await beginStep(tx, run, definition, next, change.actor, {...(change.comment ? {comment: change.comment} : {}), ...(change.nextHolderId ? {chosen: change.nextHolderId} : {})});
        // The finished step's timeline says where the baton went.
        await tx.appendEvents([
          {taskId: change.after.id, actorId: change.actor.userId, at: now, kind: 'baton_passed', field: null, from: change.actor.userId, to: {taskId: started.task.id, key: started.task.key, holderId: started.holderId}},
        ]);
        return;
      }
      await tx.workflows.updateRun(run.id, {status: 'completed', currentStep: null, completedAt: now});
      await tx.audit.record({at: now, actor: change.actor, action: 'workflow_run.completed', entity: {type: 'workflow_run', id: run.id}, before: run, after: await tx.workflows.findRun(run.id)});
      const parent = await taskOrFail(tx, run.parentTaskId);
      await tasks.transition(tx, change.actor, parent, {statusId: 'done'});
      if (run.requesterId !== change.actor.userId) {
        await tx.outbox.enqueue({kind: 'run_completed', userId: run.requesterId, runId: run.id, completedById: change.actor.userId, idempotencyKey: `run_completed:${run.id}`});
      }
    },
  };

  /** The checks before a run starts (who starts it, where, every role filled); the template it will follow. */
  async function checkRunStart(caller: Caller, templateRef: string, start: RunStart): Promise<WorkflowTemplate> {
    requireMember(caller, 'start workflow runs');
    const template = await templateOrNotFound(store.workflows, templateRef);
    if (!(await access.isMember(caller.userId, start.channelId))) throw errors.forbidden('channel', 'You can start runs only in channels you are a member of.');
    await checkPeople(template.definition, start);
    return template;
  }

  /** Starts a run of a checked template inside the caller's transaction (a recurring run commits with its occurrence record). */
  async function startRunIn(tx: TaskTx, caller: Caller, template: WorkflowTemplate, start: RunStart): Promise<WorkflowRun> {
    const {definition} = template;
    const now = clock.now();
    const title = start.title ?? (start.caseRef ? `${definition.name}: ${start.caseRef.id}` : definition.name);
    const shared = {channelId: start.channelId, ...(start.caseRef ? {caseRef: start.caseRef} : {})};
    const parent = await tasks.create(tx, caller, {...shared, title, description: definition.description, holderId: caller.userId, deadlines: start.deadlines});
    const steps = [];
    for (const [position, step] of definition.steps.entries()) {
      const task = await tasks.create(tx, caller, {...shared, title: step.name, description: step.instructions, parentId: parent.id});
      steps.push({position, taskId: task.id, startedAt: null, completedAt: null});
    }
    const run: WorkflowRun = {
      id: newId(),
      templateId: template.id,
      templateVersion: template.version,
      title,
      channelId: start.channelId,
      requesterId: caller.userId,
      roles: start.roles,
      deadlines: start.deadlines,
      parentTaskId: parent.id,
      status: 'active',
      currentStep: 0,
      startedAt: now,
      completedAt: null,
      steps,
      runChannel: null,
    };
    await tx.workflows.insertRun(run);
    if (start.runChannel) {
      // Only the intent commits here; the delivery worker creates the channel
      // (Mattermost may be away) before it announces the first step there.
      await tx.workflows.requestRunChannel(run.id, now);
      await tx.outbox.enqueue({kind: 'run_channel_open', runId: run.id, userIds: runPeople(definition, run), idempotencyKey: `run_channel_open:${run.id}`});
    }
    await beginStep(tx, run, definition, 0, caller, start.comment ? {comment: start.comment} : {});
    const started = (await tx.workflows.findRun(run.id)) ?? run;
    await tx.audit.record({at: now, actor: caller, action: 'workflow_run.started', entity: {type: 'workflow_run', id: run.id}, before: null, after: started});
    return started;
  }

  return {
    listener: advanceOnDone,

    async listTemplates(_caller: Caller): Promise<WorkflowTemplate[]> {
      return store.workflows.listTemplates();
    },

    async getTemplate(_caller: Caller, idOrName: string): Promise<WorkflowTemplate> {
      return templateOrNotFound(store.workflows, idOrName);
    },

    async createTemplate(caller: Caller, definition: WorkflowDefinition): Promise<WorkflowTemplate> {
      requireMember(caller, 'create workflow templates');
      const template: WorkflowTemplate = {id: newId(), name: definition.name, version: 1, definition, createdBy: caller.userId, updatedAt: clock.now()};
      const inserted = await store.transaction(async (tx) => {
        if (!(await tx.workflows.insertTemplate(template))) return false;
        await tx.audit.record({at: template.updatedAt, actor: caller, action: 'workflow_template.created', entity: {type: 'workflow_template', id: template.id}, before: null, after: template});
        return true;
      });
      if (!inserted) throw errors.conflict('template_name', `A workflow template named ${definition.name} exists already; choose another name or edit that one.`, {field: 'name'});
      return template;
    },

    /** A new version; runs already started keep the version they began with. */
    async replaceTemplate(caller: Caller, idOrName: string, definition: WorkflowDefinition, expectedVersion?: number): Promise<WorkflowTemplate> {
      requireMember(caller, 'edit workflow templates');
      return store.transaction(async (tx) => {
        const current = await templateOrNotFound(tx.workflows, idOrName);
        const base = expectedVersion ?? current.version;
        const next: WorkflowTemplate = {...current, name: definition.name, definition, version: base + 1, updatedAt: clock.now()};
        const outcome = await tx.workflows.addTemplateVersion(next, base);
        if (outcome === 'stale') throw errors.conflict('template_version', `Template ${current.name} is at version ${current.version}; reload it and apply your change again.`, {field: 'version'});
        if (outcome === 'name_taken') throw errors.conflict('template_name', `A workflow template named ${definition.name} exists already.`, {field: 'name'});
        await tx.audit.record({at: next.updatedAt, actor: caller, action: 'workflow_template.updated', entity: {type: 'workflow_template', id: next.id}, before: current, after: next});
        return next;
      });
    },

    async startRun(caller: Caller, templateRef: string, start: RunStart): Promise<WorkflowRun> {
      const template = await checkRunStart(caller, templateRef, start);
      return store.transaction((tx) => startRunIn(tx, caller, template, start));
    },

    checkRunStart,
    startRunIn,

    /** The run with its parent and step tasks as they are now, for presenting it. */
    async viewRun(run: WorkflowRun): Promise<RunView> {
      const load = async (id: string) => (await store.findTask(id)) ?? Promise.reject(new Error(`task ${id} of run ${run.id} is missing`));
      const definition = await store.workflows.templateVersion(run.templateId, run.templateVersion);
      if (!definition) throw new Error(`run ${run.id}: template version ${run.templateVersion} is missing`);
      return {run, definition, parent: await load(run.parentTaskId), steps: await Promise.all(run.steps.map((step) => load(step.taskId)))};
    },

    async getRun(caller: Caller, runId: string): Promise<WorkflowRun> {
      const run = await store.workflows.findRun(runId);
      // Visible to whoever may see its channel's tasks.
      if (!run || !(await access.isMember(caller.userId, run.channelId))) throw errors.notFound(`Workflow run ${runId}`);
      return run;
    },
  };

  /** Every role the steps name is filled, by members of the run's channel, and no unknown role is given. */
  async function checkPeople(definition: WorkflowDefinition, start: RunStart): Promise<void> {
    const needed = new Set(definition.steps.flatMap((step) => (step.assignee.kind === 'role' ? [step.assignee.role] : [])));
    const known = [...needed].join(', ') || 'none';
    const issues: Array<{field: string; message: string}> = [];
    for (const role of needed) if (!start.roles[role]) issues.push({field: `roles.${role}`, message: `is required: a step of this workflow goes to the ${role}`});
    for (const role of Object.keys(start.roles)) if (!needed.has(role)) issues.push({field: `roles.${role}`, message: `is not a role of this workflow (its roles: ${known})`});
    for (const [role, userId] of Object.entries(start.roles)) {
      if (needed.has(role) && !(await access.isMember(userId, start.channelId))) issues.push({field: `roles.${role}`, message: 'must be a member of the run’s channel'});
    }
    for (const [position, step] of definition.steps.entries()) {
      if (step.assignee.kind === 'user' && !(await access.isMember(step.assignee.userId, start.channelId))) {
        issues.push({field: `steps.${position}.assignee`, message: 'names a user who is not a member of the run’s channel'});
      }
    }
    if (issues.length > 0) throw errors.invalidRequest(issues);
  }
}

/** Who a run channel starts with: the requester, the role holders and the steps' fixed users (holders chosen later join when the baton reaches them). */
export function runPeople(definition: WorkflowDefinition, run: Pick<WorkflowRun, 'requesterId' | 'roles'>): string[] {
  const fixed = definition.steps.flatMap((step) => (step.assignee.kind === 'user' ? [step.assignee.userId] : []));
  return [...new Set([run.requesterId, ...Object.values(run.roles), ...fixed])];
}

async function taskOrFail(tx: TaskTx, id: string): Promise<Task> {
  const task = await tx.findTask(id);
  if (!task) throw new Error(`task ${id} vanished inside its run`);
  return task;
}
