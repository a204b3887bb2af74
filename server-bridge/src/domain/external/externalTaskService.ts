import {errors} from '../../errors';
import type {ChannelAccess, Clock, TaskOperations} from '../tasks/ports';
import type {Caller, CaseRef, Deadline, Priority, Task, TaskChanges} from '../tasks/task';
import type {TaskService} from '../tasks/taskService';
import {requireChannelForToken} from '../tokens/tokenScope';
import type {ExternalRefStore} from './ports';

// Create or update a task by a business system's own reference (the billing
// system's invoice, the IP system's docket entry): PUT semantics, so a
// retry — after a timeout, a crash, or at the same moment — never makes a
// second task.
//
// Why it cannot duplicate: the reference row is inserted in the same
// transaction as the task, with ON CONFLICT DO NOTHING on the (source,
// external_id) primary key. Two concurrent first PUTs both create a task, but
// the second one's insert waits for the first transaction and then finds the
// key taken: it rolls its own task back and carries on as an update of the
// winner's task. The first answer is 201, every later one 200 with the same
// task (an update that changes nothing writes nothing).

export interface ExternalTaskInput {
  title: string;
  channelId: string;
  description?: string;
  holderId?: string | null;
  priority?: Priority;
  statusId?: string;
  /** On update: exactly these kinds afterwards. */
  deadlines?: Deadline[];
  startDate?: string | null;
  labels?: string[];
  caseRef?: CaseRef | null;
}

export interface ExternalTaskServiceDeps {
  refs: ExternalRefStore;
  /** The public task service (authorizes each change). */
  tasks: Pick<TaskService, 'get' | 'patch' | 'handOff' | 'transition'>;
  /** Changes inside this service's own transaction (the creation with its reference). */
  operations: TaskOperations;
  access: Pick<ChannelAccess, 'isMember'>;
  clock: Clock;
}

export type ExternalTaskService = ReturnType<typeof createExternalTaskService>;

/** Thrown inside the creating transaction to roll it back when a concurrent request recorded the reference first. */
class ReferenceTaken extends Error {}

export function createExternalTaskService({refs, tasks, operations, access, clock}: ExternalTaskServiceDeps) {
  async function update(caller: Caller, taskId: string, input: ExternalTaskInput): Promise<Task> {
    let task = await tasks.get(caller, taskId);
    if (task.channelId !== input.channelId) {
      throw errors.conflict('external_channel', `The task for this reference (${task.key}) lives in another channel; a task cannot move between channels.`, {field: 'channelId'});
    }
    const changes: TaskChanges = {
      title: input.title,
      ...(input.description !== undefined ? {description: input.description} : {}),
      ...(input.priority !== undefined ? {priority: input.priority} : {}),
      ...(input.startDate !== undefined ? {startDate: input.startDate} : {}),
      ...(input.labels !== undefined ? {labels: input.labels} : {}),
      ...(input.caseRef !== undefined ? {caseRef: input.caseRef} : {}),
      ...(input.deadlines !== undefined ? {deadlines: deadlineChanges(task, input.deadlines)} : {}),
    };
    task = await tasks.patch(caller, task.id, undefined, changes);
    if (input.holderId && input.holderId !== task.holderId) task = await tasks.handOff(caller, task.id, {toUserId: input.holderId});
    if (input.statusId && input.statusId !== task.statusId) task = await tasks.transition(caller, task.id, {statusId: input.statusId});
    return task;
  }

  async function create(caller: Caller, source: string, externalId: string, input: ExternalTaskInput): Promise<Task> {
    requireChannelForToken(caller, input.channelId);
    if (caller.guest) throw errors.forbidden('guest_external', 'Guests cannot create tasks by external reference.');
    if (!(await access.isMember(caller.userId, input.channelId))) throw errors.forbidden('channel', 'You can create tasks only in channels you may write to.');
    const holderId = input.holderId ?? null;
    if (holderId && !(await access.isMember(holderId, input.channelId))) {
      throw errors.invalid('holder', 'The holder must be a member of the task’s channel.', {field: 'holderId'});
    }
    return refs.transaction(async (tx) => {
      const created = await operations.create(tx, caller, {
        title: input.title,
        channelId: input.channelId,
        description: input.description ?? '',
        priority: input.priority ?? 'normal',
        statusId: input.statusId ?? 'open',
        deadlines: input.deadlines ?? [],
        startDate: input.startDate ?? null,
        labels: input.labels ?? [],
        caseRef: input.caseRef ?? null,
      });
      if (!(await tx.externalRefs.insertRef({source, externalId, taskId: created.id, createdAt: clock.now()}))) throw new ReferenceTaken();
      // Handed over (not created held) so the holder is told as for any handoff: the DM.
      return holderId && holderId !== caller.userId ? operations.handOff(tx, caller, created, {toUserId: holderId}) : created;
    });
  }

  return {
    /** The task for the reference after the request, and whether this request created it. */
    async put(caller: Caller, source: string, externalId: string, input: ExternalTaskInput): Promise<{task: Task; created: boolean}> {
      const known = await refs.findTaskIdByRef(source, externalId);
      if (known) return {task: await update(caller, known, input), created: false};
      try {
        return {task: await create(caller, source, externalId, input), created: true};
      } catch (error) {
        if (!(error instanceof ReferenceTaken)) throw error;
        const winner = await refs.findTaskIdByRef(source, externalId);
        if (!winner) throw new Error(`external reference ${source}/${externalId} was taken and is gone`);
        return {task: await update(caller, winner, input), created: false};
      }
    },

    /** The task a reference names, if the caller may see it. */
    async get(caller: Caller, source: string, externalId: string): Promise<Task> {
      const taskId = await refs.findTaskIdByRef(source, externalId);
      if (!taskId) throw errors.notFound(`A task with external reference ${source}/${externalId}`);
      return tasks.get(caller, taskId);
    },
  };
}

/** PUT semantics for deadlines: each given kind set, every other kind the task has removed. */
function deadlineChanges(task: Task, deadlines: Deadline[]): Record<string, Omit<Deadline, 'kind'> | null> {
  const changes: Record<string, Omit<Deadline, 'kind'> | null> = Object.fromEntries(task.deadlines.map((deadline) => [deadline.kind, null]));
  for (const {kind, ...due} of deadlines) changes[kind] = due;
  return changes;
}
