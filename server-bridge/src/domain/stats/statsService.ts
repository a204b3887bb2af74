import {errors} from '../../errors';
import type {ChannelAccess, Clock} from '../tasks/ports';
import type {Caller} from '../tasks/task';
import {type PeriodSpec, resolvePeriod} from './period';
import type {StatsStore, StatsViewer} from './ports';
import type {PersonStats, StatsPeriod, StepStats, TemplateStats} from './types';

// Stats for people and workflow templates, counted only over what the caller
// may see: a person's figures never reveal tasks of channels the caller is
// not in, and a guest's figures cover their channels only (./types.ts has the
// definition of every figure).

export interface StatsServiceDeps {
  store: StatsStore;
  access: ChannelAccess;
  clock: Clock;
}

/** A period by its bounds; the zone and shorthand only label the answer (UTC and none when left out). */
export type PeriodBounds = Pick<StatsPeriod, 'from' | 'to'> & Partial<Pick<StatsPeriod, 'timeZone' | 'name'>>;

export type StatsService = ReturnType<typeof createStatsService>;

export function createStatsService({store, access, clock}: StatsServiceDeps) {
  async function viewerOf(caller: Caller): Promise<StatsViewer> {
    return {userId: caller.userId, guest: caller.guest, channelIds: await access.memberChannelIds(caller.userId)};
  }

  function periodOf(bounds: PeriodBounds): StatsPeriod {
    if (!(bounds.from < bounds.to)) throw errors.invalidRequest([{field: 'to', message: 'must be later than from'}]);
    return {from: bounds.from, to: bounds.to, timeZone: bounds.timeZone ?? 'UTC', name: bounds.name ?? null};
  }

  return {
    /** A shorthand or a pair of dates, read in the caller's time zone, as of the service clock. */
    resolvePeriod(spec: PeriodSpec, timeZone: string): StatsPeriod {
      return resolvePeriod(spec, {now: clock.now(), timeZone});
    },

    async personStats(caller: Caller, request: {userId: string} & PeriodBounds): Promise<PersonStats> {
      const period = periodOf(request);
      const now = clock.now();
      const figures = await store.personFigures({viewer: await viewerOf(caller), userId: request.userId, from: period.from, to: period.to, now});
      return {userId: request.userId, period, ...figures, load: {...figures.load, asOf: now}};
    },

    async templateStats(caller: Caller, request: {templateRef: string} & PeriodBounds): Promise<TemplateStats> {
      const period = periodOf(request);
      const template = await store.findTemplate(request.templateRef);
      if (!template) throw errors.notFound(`Workflow template ${request.templateRef}`);
      const figures = await store.templateFigures({viewer: await viewerOf(caller), templateId: template.id, from: period.from, to: period.to, now: clock.now()});
      // Every step of the current version is listed, even before any run reached it.
      const listed = new Set(figures.steps.map((step) => `${step.position}\n${step.name}`));
      const unreached: StepStats[] = template.definition.steps
        .map((step, position) => ({position, name: step.name, durations: {count: 0, medianMs: null, p90Ms: null}, waiting: 0}))
        .filter((step) => !listed.has(`${step.position}\n${step.name}`));
      const steps = [...figures.steps, ...unreached].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
      return {templateId: template.id, templateName: template.name, period, runs: figures.runs, activeRuns: figures.activeRuns, steps, bottleneck: bottleneckOf(steps)};
    },
  };
}

/** The slowest step by median; on a tie the earlier one, where the queue forms first. */
function bottleneckOf(steps: StepStats[]): TemplateStats['bottleneck'] {
  let slowest: TemplateStats['bottleneck'] = null;
  for (const step of steps) {
    const median = step.durations.medianMs;
    if (median !== null && (slowest === null || median > slowest.medianMs)) slowest = {position: step.position, name: step.name, medianMs: median};
  }
  return slowest;
}
