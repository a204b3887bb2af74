import type {FastifyInstance, FastifyReply} from 'fastify';
import {z} from 'zod';
import {API_V1, type StatsQuery, statsQuerySchema, userId, workflowTemplateRef} from '../../contract';
import {DEFAULT_PERIOD, type PeriodSpec} from '../../domain/stats/period';
import type {StatsService} from '../../domain/stats/statsService';
import {personStatsCsv, workflowStatsCsv} from '../presenters/statsCsv';
import {presentPersonStats, presentWorkflowStats} from '../presenters/statsPresenter';
import {callerOf} from '../requireCaller';
import {parseRequest} from '../validation';

// /api/v1/stats — per person and per workflow template, as JSON or CSV. Thin
// routes: parse → caller → the period in the caller's time zone → one service
// call → present. The figures are small, so CSV is sent whole.

export interface StatsRouteDeps {
  stats: StatsService;
  /** The caller's Mattermost time zone: where "this week" and plain dates are read. */
  timeZoneOf(userId: string): Promise<string>;
}

const personParams = z.object({userId});
const templateParams = z.object({templateRef: workflowTemplateRef});

export function registerStatsRoutes(server: FastifyInstance, deps: () => StatsRouteDeps): void {
  const base = `${API_V1}/stats`;

  server.get(`${base}/people/:userId`, async (request, reply) => {
    const params = parseRequest(personParams, request.params, 'params');
    const query = parseRequest(statsQuerySchema, request.query, 'query');
    const caller = callerOf(request);
    const {stats, timeZoneOf} = deps();
    const period = stats.resolvePeriod(periodSpecOf(query), await timeZoneOf(caller.userId));
    const figures = await stats.personStats(caller, {userId: params.userId, ...period});
    if (query.format === 'json') return presentPersonStats(figures);
    return sendCsv(reply, `baton-stats-${params.userId}-${dayOf(period.from, period.timeZone)}.csv`, personStatsCsv(figures));
  });

  server.get(`${base}/workflows/:templateRef`, async (request, reply) => {
    const {templateRef} = parseRequest(templateParams, request.params, 'params');
    const query = parseRequest(statsQuerySchema, request.query, 'query');
    const caller = callerOf(request);
    const {stats, timeZoneOf} = deps();
    const period = stats.resolvePeriod(periodSpecOf(query), await timeZoneOf(caller.userId));
    const figures = await stats.templateStats(caller, {templateRef, ...period});
    if (query.format === 'json') return presentWorkflowStats(figures);
    const name = figures.templateName.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'workflow';
    return sendCsv(reply, `baton-workflow-stats-${name}-${dayOf(period.from, period.timeZone)}.csv`, workflowStatsCsv(figures));
  });
}

function periodSpecOf(query: StatsQuery): PeriodSpec {
  if (query.from && query.to) return {fromDate: query.from, toDate: query.to};
  return {name: query.period ?? DEFAULT_PERIOD};
}

function sendCsv(reply: FastifyReply, fileName: string, body: string) {
  return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(body);
}

/** The first day of the period where it was read, for the file name. */
function dayOf(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {timeZone, year: 'numeric', month: '2-digit', day: '2-digit'}).format(instant);
}
