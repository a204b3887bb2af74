import type {WorkflowRunBody, WorkflowTemplateBody} from '../../contract/workflow';
import type {WorkflowTemplate} from '../../domain/workflows/ports';
import type {RunView} from '../../domain/workflows/workflowService';

// Workflow templates and runs → the JSON of the /api/v1 contract.

export function presentTemplate(template: WorkflowTemplate): WorkflowTemplateBody {
  const roles = [...new Set(template.definition.steps.flatMap((step) => (step.assignee.kind === 'role' ? [step.assignee.role] : [])))];
  return {id: template.id, version: template.version, definition: template.definition, roles, createdBy: template.createdBy, updatedAt: template.updatedAt.toISOString()};
}

export function presentRun({run, definition, parent, steps}: RunView): WorkflowRunBody {
  return {
    id: run.id,
    templateId: run.templateId,
    templateVersion: run.templateVersion,
    title: run.title,
    status: run.status,
    requesterId: run.requesterId,
    channelId: run.channelId,
    parentTaskId: parent.id,
    parentTaskKey: parent.key,
    currentStep: run.currentStep,
    steps: run.steps.map((step, index) => ({
      position: step.position,
      name: definition.steps[index]?.name ?? '',
      taskId: step.taskId,
      taskKey: steps[index]?.key ?? '',
      holderId: steps[index]?.holderId ?? null,
      startedAt: step.startedAt?.toISOString() ?? null,
      completedAt: step.completedAt?.toISOString() ?? null,
    })),
    startedAt: run.startedAt.toISOString(),
    completedAt: run.completedAt?.toISOString() ?? null,
    runChannel: run.runChannel ? {channelId: run.runChannel.channelId, archiveRequestedAt: run.runChannel.archiveRequestedAt?.toISOString() ?? null} : null,
  };
}
