import type {TaskListing} from '../tasks/ports';
import type {WorkflowTemplate} from '../workflows/ports';
import type {DurationSummary, OnTimeByKind, StepStats} from './types';

// What the stats service needs from storage: aggregates already narrowed to
// the tasks and runs the viewer may see (the rules of the task listing:
// their channels, plus personal tasks they created, hold or watch unless
// they are a guest). Definitions of each figure: ./types.ts.

export type StatsViewer = TaskListing['viewer'];

export interface StatsWindow {
  viewer: StatsViewer;
  from: Date;
  to: Date;
  /** For load and waiting, which are "as of now". */
  now: Date;
}

export interface PersonFigures {
  tasksCompleted: number;
  stepsCompleted: number;
  onTime: OnTimeByKind[];
  holding: {count: number; averageMs: number | null};
  load: {heldOpen: number; overdue: number};
}

export interface TemplateFigures {
  runs: DurationSummary;
  activeRuns: number;
  /** Only steps that some visible run has reached or completed. */
  steps: StepStats[];
}

export interface StatsStore {
  /** By id, or by name in any letter case. */
  findTemplate(idOrName: string): Promise<WorkflowTemplate | undefined>;
  personFigures(window: StatsWindow & {userId: string}): Promise<PersonFigures>;
  templateFigures(window: StatsWindow & {templateId: string}): Promise<TemplateFigures>;
}
