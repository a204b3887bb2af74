import type {PersonStatsBody, WorkflowStatsBody} from '../../contract/stats';
import type {PersonStats, StatsPeriod, TemplateStats} from '../../domain/stats/types';

// Person and workflow stats → the JSON of the /api/v1 contract (instants as UTC ISO text).

function presentPeriod(period: StatsPeriod): PersonStatsBody['period'] {
  return {from: period.from.toISOString(), to: period.to.toISOString(), timeZone: period.timeZone, name: period.name};
}

export function presentPersonStats(stats: PersonStats): PersonStatsBody {
  return {
    userId: stats.userId,
    period: presentPeriod(stats.period),
    tasksCompleted: stats.tasksCompleted,
    stepsCompleted: stats.stepsCompleted,
    onTime: stats.onTime.map((entry) => ({...entry})),
    holding: {...stats.holding},
    load: {heldOpen: stats.load.heldOpen, overdue: stats.load.overdue, asOf: stats.load.asOf.toISOString()},
  };
}

export function presentWorkflowStats(stats: TemplateStats): WorkflowStatsBody {
  return {
    templateId: stats.templateId,
    templateName: stats.templateName,
    period: presentPeriod(stats.period),
    runs: {...stats.runs},
    activeRuns: stats.activeRuns,
    steps: stats.steps.map((step) => ({position: step.position, name: step.name, durations: {...step.durations}, waiting: step.waiting})),
    bottleneck: stats.bottleneck ? {...stats.bottleneck} : null,
  };
}
