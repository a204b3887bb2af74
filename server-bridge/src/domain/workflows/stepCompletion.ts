import {errors} from '../../errors';
import type {Caller} from '../tasks/task';
import type {TaskService} from '../tasks/taskService';
import type {WorkflowRun} from './ports';
import type {WorkflowService} from './workflowService';

// Completing a run's step by its position (what a business system knows),
// the same way a person does it: the step's task moves to `done` and the
// workflow listener passes the baton on (or completes the run) in that
// transaction. Only the current step can be completed: a late retry of an
// earlier step's completion is a 409 naming the current one, not a skip.

export interface StepCompletionDeps {
  workflows: Pick<WorkflowService, 'getRun'>;
  tasks: Pick<TaskService, 'transition'>;
}

export type StepCompletion = ReturnType<typeof createStepCompletion>;

export function createStepCompletion({workflows, tasks}: StepCompletionDeps) {
  return {
    async complete(caller: Caller, runId: string, position: number, input: {comment?: string; nextHolderId?: string}): Promise<WorkflowRun> {
      const run = await workflows.getRun(caller, runId);
      const step = run.steps[position];
      if (!step) throw errors.notFound(`Step ${position} of workflow run ${runId}`);
      if (run.status !== 'active' || run.currentStep !== position) {
        const now = run.currentStep === null ? `the run is ${run.status}` : `the current step is ${run.currentStep}`;
        throw errors.conflict('step_not_current', `Step ${position} is not the run’s current step: ${now}.`, {field: 'position', currentStep: run.currentStep});
      }
      await tasks.transition(caller, step.taskId, {statusId: 'done', ...(input.comment ? {comment: input.comment} : {}), ...(input.nextHolderId ? {nextHolderId: input.nextHolderId} : {})});
      return workflows.getRun(caller, runId);
    },
  };
}
