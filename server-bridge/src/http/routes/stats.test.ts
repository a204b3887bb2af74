import {personStatsSchema, workflowStatsSchema} from '../../contract';
import {useRouteTestWorld} from '../../testing/routeTestWorld';
import {buildStatsHistory, createStatsWorld, TEMPLATE_NAME, U} from '../../testing/statsFixture';
import {registerStatsRoutes} from './stats';

// /api/v1/stats over HTTP on a real PostgreSQL store, over the month of work
// in testing/statsFixture.ts: periods in the caller's time zone, CSV, and
// 400s that name the field.

const BOM = '\uFEFF';

describe('the stats API', () => {
  const world = useRouteTestWorld('postgres', async (database) => {
    const statsWorld = createStatsWorld(database.db);
    await buildStatsHistory(statsWorld);
    return {
      people: {tanaka: U.tanaka, sato: U.sato, kim: {userId: U.kim, guest: true}},
      register: (api) => registerStatsRoutes(api, () => ({stats: statsWorld.stats, timeZoneOf: async () => 'Asia/Tokyo'})),
    };
  });

  const get = (url: string, as: string) => world.call('GET', url, as);
  const june = {from: '2027-05-31T15:00:00.000Z', to: '2027-06-30T15:00:00.000Z', timeZone: 'Asia/Tokyo'};

  it('gives a person’s figures for two dates, both included, read in the caller’s time zone', async () => {
    const response = await get(`/api/v1/stats/people/${U.li}?from=2027-06-01&to=2027-06-30`, 'tanaka');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      userId: U.li,
      period: {...june, name: null},
      tasksCompleted: 5,
      stepsCompleted: 3,
      onTime: [{kind: 'internal', due: 5, onTime: 3, rate: 0.6}],
      holding: {count: 7, averageMs: 79_200_000},
      load: {heldOpen: 1, overdue: 1, asOf: '2027-07-01T01:00:00.000Z'},
    });
    expect(personStatsSchema.safeParse(response.json()).success).toBe(true);
  });

  it('reads period=last_month as June in Tokyo (it is 1 July there), and counts for a guest only their channels', async () => {
    const lastMonth = (await get(`/api/v1/stats/people/${U.li}?period=last_month`, 'tanaka')).json();
    expect([lastMonth.period, lastMonth.tasksCompleted]).toEqual([{...june, name: 'last_month'}, 5]);
    const asGuest = (await get(`/api/v1/stats/people/${U.li}?period=last_month`, 'kim')).json();
    expect([asGuest.tasksCompleted, asGuest.onTime]).toEqual([3, [{kind: 'internal', due: 3, onTime: 2, rate: 2 / 3}]]);
  });

  it('exports a person’s figures as one CSV row under a header (BOM, CRLF)', async () => {
    const response = await get(`/api/v1/stats/people/${U.li}?period=last_month&format=csv`, 'tanaka');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="baton-stats-${U.li}-2027-06-01.csv"`);
    expect(response.body.split('\r\n')).toEqual([
      `${BOM}userId,from,to,tasksCompleted,stepsCompleted,legal.due,legal.onTime,legal.rate,customer.due,customer.onTime,customer.rate,internal.due,internal.onTime,internal.rate,otherDeadlines,holdings,averageHoldingHours,heldOpen,overdue,asOf`,
      `${U.li},${june.from},${june.to},5,3,0,0,,0,0,,5,3,0.6000,,7,22.00,1,1,2027-07-01T01:00:00.000Z`,
      '',
    ]);
  });

  it('gives a template’s run and step durations as JSON and as CSV, marking the bottleneck', async () => {
    const json = (await get(`/api/v1/stats/workflows/${encodeURIComponent(TEMPLATE_NAME)}?period=last_month`, 'sato')).json();
    expect([json.runs, json.activeRuns, json.bottleneck]).toEqual([{count: 3, medianMs: 108_000_000, p90Ms: 234_720_000}, 1, {position: 1, name: 'Translate', medianMs: 57_600_000}]);
    expect(workflowStatsSchema.safeParse(json).success).toBe(true);
    const csv = await get(`/api/v1/stats/workflows/${encodeURIComponent(TEMPLATE_NAME)}?period=last_month&format=csv`, 'sato');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="baton-workflow-stats-Office-action-short-2027-06-01.csv"');
    const shared = `${TEMPLATE_NAME},${june.from},${june.to}`;
    expect(csv.body.split('\r\n')).toEqual([
      `${BOM}templateName,from,to,scope,stepNumber,stepName,count,medianHours,p90Hours,waiting,bottleneck`,
      `${shared},run,,,3,30.00,65.20,1,`,
      `${shared},step,1,Draft,4,10.00,20.40,0,`,
      `${shared},step,2,Translate,3,16.00,41.60,1,true`,
      `${shared},step,3,Review,3,4.00,5.60,0,`,
      '',
    ]);
  });

  it.each([
    ['period=fortnight', 'period', 'period: must be one of this_week, last_week, this_month, last_month, last_30_days'],
    ['period=this_week&from=2027-06-01&to=2027-06-30', 'period', 'period: give either period or from and to, not both'],
    ['from=2027-06-01', 'to', 'to: is required with from (the last day of the period, e.g. 2027-06-30)'],
    ['from=2027-06-30&to=2027-06-01', 'to', 'to: must be the same day as from or later'],
    ['from=June', 'from', 'from: must be a date YYYY-MM-DD such as 2025-03-31'],
    ['format=xlsx', 'format', 'format: must be json or csv'],
    ['user=li', 'user', 'user: is not a known field'],
  ])('answers ?%s with 400 naming %s', async (query, field, message) => {
    const response = await get(`/api/v1/stats/people/${U.li}?${query}`, 'tanaka');
    expect(response.statusCode).toBe(400);
    expect(response.json().details.issues[0].field).toBe(field);
    expect(response.json().message).toContain(message);
  });

  it('names a malformed user id, and answers an unknown template with 404', async () => {
    expect((await get('/api/v1/stats/people/li', 'tanaka')).json().details.field).toBe('userId');
    expect((await get('/api/v1/stats/workflows/No%20such%20flow', 'tanaka')).statusCode).toBe(404);
  });
});
