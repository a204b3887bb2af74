import type {WebhookEventType} from '../../contract/webhooks';
import type {AuditEntry} from '../audit/audit';
import type {Comment, Task} from '../tasks/task';
import type {WorkflowRun} from '../workflows/ports';

// Which webhook events one audited change is. The audit log is the one place
// every mutation passes through inside its transaction, so webhooks hear of
// each change exactly when (and only if) it commits. The audit action names
// what happened (domain/tasks/taskService.ts `taskAction`); here it becomes
// the public, coarser vocabulary of webhooks:
//
//   task.created                        → task.created
//   task.handed_off                     → task.handed_off
//   task.status_changed into "closed"   → task.updated and task.completed
//   any other task change (fields, deadlines, status, accept, decline, baton passed)
//                                       → task.updated
//   task.watched / task.unwatched       → nothing (who follows a task is each person's own business)
//   comment.created                     → comment.created (edits and deletions: nothing yet)
//   workflow_run.started / .completed   → workflow.started / workflow.completed
//
// Personal tasks (no channel) send nothing: they are their owner's alone, and
// a subscription is always about channels.

export interface WebhookEvent {
  type: WebhookEventType;
  channelId: string;
  task: Task;
  comment?: Comment;
  run?: WorkflowRun;
}

const SILENT_TASK_ACTIONS = new Set(['task.watched', 'task.unwatched']);

/** `findTask` reads inside the change's transaction: a comment's task, a run's parent task, as they are now. */
export async function webhookEventsOf(entry: AuditEntry, findTask: (id: string) => Promise<Task | undefined>): Promise<WebhookEvent[]> {
  switch (entry.entity.type) {
    case 'task':
      return taskEvents(entry);
    case 'comment': {
      const comment = entry.after as Comment | null;
      if (entry.action !== 'comment.created' || !comment) return [];
      const task = await findTask(comment.taskId);
      return task?.channelId ? [{type: 'comment.created', channelId: task.channelId, task, comment}] : [];
    }
    case 'workflow_run': {
      const run = entry.after as WorkflowRun | null;
      const type = entry.action === 'workflow_run.started' ? 'workflow.started' : entry.action === 'workflow_run.completed' ? 'workflow.completed' : undefined;
      if (!type || !run) return [];
      const task = await findTask(run.parentTaskId);
      return task ? [{type, channelId: run.channelId, task, run}] : [];
    }
    default:
      return [];
  }
}

function taskEvents(entry: AuditEntry): WebhookEvent[] {
  const task = entry.after as Task | null;
  const before = entry.before as Task | null;
  if (!task?.channelId || SILENT_TASK_ACTIONS.has(entry.action)) return [];
  const about = {channelId: task.channelId, task};
  if (entry.action === 'task.created') return [{type: 'task.created', ...about}];
  if (entry.action === 'task.handed_off') return [{type: 'task.handed_off', ...about}];
  const events: WebhookEvent[] = [{type: 'task.updated', ...about}];
  if (entry.action === 'task.status_changed' && task.statusCategory === 'closed' && before?.statusCategory !== 'closed') {
    events.push({type: 'task.completed', ...about});
  }
  return events;
}
