import type {Comment as ApiComment, Task as ApiTask, TimelineEvent as ApiTimelineEvent} from '../../contract';
import type {Comment, Task, TaskEvent} from '../../domain/tasks/task';

// Domain objects → the JSON of the /api/v1 contract (camelCase, ISO instants,
// null for "nothing").

export function presentTask(task: Task): ApiTask {
  return {
    id: task.id,
    key: task.key,
    title: task.title,
    description: task.description,
    statusId: task.statusId,
    status: {id: task.statusId, name: task.statusName, category: task.statusCategory},
    priority: task.priority,
    holderId: task.holderId,
    handedById: task.handedById,
    acceptedAt: task.acceptedAt?.toISOString() ?? null,
    creatorId: task.creatorId,
    channelId: task.channelId,
    watcherIds: task.watcherIds,
    deadlines: task.deadlines.map((deadline) => ({kind: deadline.kind, dueAt: deadline.dueAt.toISOString(), allDay: deadline.allDay, timeZone: deadline.timeZone})),
    startDate: task.startDate,
    parentId: task.parentId,
    progress: task.progress,
    labels: task.labels,
    caseRef: task.caseRef,
    sourcePostId: task.sourcePostId,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
    closedAt: task.closedAt?.toISOString() ?? null,
    version: task.version,
    externalContact: task.externalContact ?? null,
  };
}

export function presentComment(comment: Comment): ApiComment {
  return {
    id: comment.id,
    taskId: comment.taskId,
    authorId: comment.authorId,
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
    updatedAt: comment.updatedAt.toISOString(),
    edited: comment.updatedAt.getTime() !== comment.createdAt.getTime(),
  };
}

export function presentEvent(event: TaskEvent): ApiTimelineEvent {
  return {id: event.id, taskId: event.taskId, actorId: event.actorId, at: event.at.toISOString(), kind: event.kind, field: event.field, from: event.from ?? null, to: event.to ?? null};
}
