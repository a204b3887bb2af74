import type {WorkflowDefinition} from '../../contract/workflow';
import type {Deadline} from '../tasks/task';

// What workflows need from storage. Templates keep every version; a run
// names the version it started with and never sees later edits.

export interface WorkflowTemplate {
  id: string;
  name: string;
  version: number;
  definition: WorkflowDefinition;
  createdBy: string;
  updatedAt: Date;
}

export type RunStatus = 'active' | 'completed' | 'cancelled';

export interface RunStep {
  position: number;
  taskId: string;
  startedAt: Date | null;
  completedAt: Date | null;
}

export interface WorkflowRun {
  id: string;
  templateId: string;
  templateVersion: number;
  title: string;
  channelId: string;
  requesterId: string;
  /** Role name → user id, filled when the run starts. */
  roles: Record<string, string>;
  /** The run's overall deadlines (e.g. the customer's), which step deadlines may follow. */
  deadlines: Deadline[];
  parentTaskId: string;
  status: RunStatus;
  /** Position of the step holding the baton; null once the run is over. */
  currentStep: number | null;
  startedAt: Date;
  completedAt: Date | null;
  steps: RunStep[];
  /** The run's own private channel, when it was started with one. */
  runChannel: RunChannel | null;
}

/**
 * A run's own private channel (RunStart.runChannel): requested in the run's
 * transaction, created by the delivery worker (run_channel_open), archived
 * some days after the run completes (runChannelArchiveJob.ts).
 */
export interface RunChannel {
  /** Null until the delivery worker has created (or found) it. */
  channelId: string | null;
  requestedAt: Date;
  /** When its archiving was enqueued; null before. */
  archiveRequestedAt: Date | null;
  /** Why Mattermost refused for good to create it; null unless it did. */
  failure: string | null;
}

export interface WorkflowReads {
  /** By id, or by name in any letter case. */
  findTemplate(idOrName: string): Promise<WorkflowTemplate | undefined>;
  templateVersion(templateId: string, version: number): Promise<WorkflowDefinition | undefined>;
  listTemplates(): Promise<WorkflowTemplate[]>;
  findRun(runId: string): Promise<WorkflowRun | undefined>;
  /** The run a task belongs to, as its parent or as one of its steps. */
  runOfTask(taskId: string): Promise<WorkflowRun | undefined>;
  /** Run channels created for runs completed before `completedBefore` whose archiving is not enqueued yet, oldest first. */
  runChannelsToArchive(completedBefore: Date, limit: number): Promise<Array<{runId: string; channelId: string}>>;
}

export interface WorkflowWrites {
  /** False when the name is taken (by any letter case). */
  insertTemplate(template: WorkflowTemplate): Promise<boolean>;
  /** Adds the next version if the current one is `expectedVersion`; false when stale. Names may change with it. */
  addTemplateVersion(template: WorkflowTemplate, expectedVersion: number): Promise<'added' | 'stale' | 'name_taken'>;
  insertRun(run: WorkflowRun): Promise<void>;
  updateRun(runId: string, changes: Partial<Pick<WorkflowRun, 'status' | 'currentStep' | 'completedAt'>>): Promise<void>;
  updateStep(runId: string, position: number, changes: Partial<Pick<RunStep, 'startedAt' | 'completedAt'>>): Promise<void>;
  requestRunChannel(runId: string, at: Date): Promise<void>;
  /** Records the channel the delivery worker made for the run; a second call keeps the first id. */
  recordRunChannel(runId: string, channelId: string): Promise<void>;
  /** Records that Mattermost refused for good to create the channel. */
  recordRunChannelFailure(runId: string, reason: string): Promise<void>;
  /** Marks the run channel's archiving as enqueued; false when it already was. */
  markRunChannelArchiveRequested(runId: string, at: Date): Promise<boolean>;
}
