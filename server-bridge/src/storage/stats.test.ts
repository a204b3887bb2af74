import type {PersonStats} from '../domain/stats/types';
import type {Caller} from '../domain/tasks/task';
import {AppError} from '../errors';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {buildStatsHistory, createStatsWorld, HOUR, JUNE, kim, NOW, person, type StatsWorld, TEMPLATE_NAME, U} from '../testing/statsFixture';
import {type Database, openDatabase} from './database';

// Person and workflow stats on a real store, on both engines, over the month
// of work in testing/statsFixture.ts (its table gives every timing). The
// figures are computed by hand from that table.

const [tanaka, sato, li, outsider] = [U.tanaka, U.sato, U.li, U.outsider].map(person) as [Caller, Caller, Caller, Caller];

describe.each(engineNames)('stats on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let world: StatsWorld;

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    world = createStatsWorld(database.db);
    await buildStatsHistory(world);
  });
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });

  const june = (caller: Caller, userId: string) => world.stats.personStats(caller, {userId, ...JUNE});
  const figures = ({period: _period, load: {asOf: _asOf, ...load}, ...rest}: PersonStats) => ({...rest, load});

  describe('a person', () => {
    it('counts what li completed, held and holds, as tanaka (who sees every one of li’s tasks) sees it', async () => {
      expect(figures(await june(tanaka, U.li))).toEqual({
        userId: U.li,
        // X, Y and the Translate steps of runs A, B and C; Z was cancelled, D’s is still with her.
        tasksCompleted: 5,
        stepsCompleted: 3,
        // Late: X (due 06-02, done 06-03) and run A’s Translate (due 06-09, done 06-10).
        onTime: [{kind: 'internal', due: 5, onTime: 3, rate: 0.6}],
        // Z 3 h + Y 24 h + X 52 h + A 48 h + B 1 h (declined) and 14 h + C 12 h = 154 h over 7 holdings.
        holding: {count: 7, averageMs: 22 * HOUR},
        // Run D’s Translate, due Tue 06-29.
        load: {heldOpen: 1, overdue: 1},
      });
    });

    it('credits the holder who finished, and a decline ends the decliner’s holding and starts the sender’s', async () => {
      expect(figures(await june(tanaka, U.sato))).toEqual({
        userId: U.sato,
        tasksCompleted: 4,
        stepsCompleted: 4,
        onTime: [{kind: 'internal', due: 4, onTime: 4, rate: 1}],
        // Drafts of A 24 h, B 8 h, C 12 h, D 4 h, and run B’s Translate for the 1 h after li declined it.
        holding: {count: 5, averageMs: 9.8 * HOUR},
        load: {heldOpen: 0, overdue: 0},
      });
    });

    it('gives the on-time rate per deadline kind, legal, customer and internal first', async () => {
      const ivanova = await june(tanaka, U.ivanova);
      expect(ivanova.onTime).toEqual([
        // Run A’s customer deadline was 06-09; its review finished on 06-10.
        {kind: 'customer', due: 3, onTime: 2, rate: 2 / 3},
        {kind: 'internal', due: 3, onTime: 3, rate: 1},
      ]);
      expect([ivanova.tasksCompleted, ivanova.holding]).toEqual([3, {count: 3, averageMs: 4 * HOUR}]);
    });

    it('leaves out run parents: the requester “holds” them for the whole run but does none of their work', async () => {
      expect(figures(await june(tanaka, U.tanaka))).toEqual({
        userId: U.tanaka,
        tasksCompleted: 0,
        stepsCompleted: 0,
        onTime: [],
        holding: {count: 0, averageMs: null},
        load: {heldOpen: 0, overdue: 0},
      });
    });

    it('counts only tasks the caller can see: sato sees none of #partners nor tanaka’s personal task', async () => {
      expect(figures(await june(sato, U.li))).toEqual({
        userId: U.li,
        tasksCompleted: 3,
        stepsCompleted: 3,
        onTime: [{kind: 'internal', due: 3, onTime: 2, rate: 2 / 3}],
        // Z 3 h + A 48 h + B 1 h + 14 h + C 12 h = 78 h over 5.
        holding: {count: 5, averageMs: 15.6 * HOUR},
        load: {heldOpen: 1, overdue: 1},
      });
    });

    it('gives a guest figures over their channels only, even for a personal task they watch', async () => {
      expect(figures(await june(kim, U.li))).toEqual(figures(await june(sato, U.li)));
      expect(figures(await june(li, U.li))).toEqual(figures(await june(tanaka, U.li)));
    });

    it('shows nothing to someone who is in none of the channels', async () => {
      expect(figures(await june(outsider, U.li))).toEqual({
        userId: U.li,
        tasksCompleted: 0,
        stepsCompleted: 0,
        onTime: [],
        holding: {count: 0, averageMs: null},
        load: {heldOpen: 0, overdue: 0},
      });
    });

    it('counts what ended in the period: this week (from Monday in Tokyo) holds only run D’s draft', async () => {
      const period = world.stats.resolvePeriod({name: 'this_week'}, 'Asia/Tokyo');
      expect(period).toEqual({from: new Date('2027-06-27T15:00:00Z'), to: new Date('2027-07-04T15:00:00Z'), timeZone: 'Asia/Tokyo', name: 'this_week'});
      const week = await world.stats.personStats(tanaka, {userId: U.sato, ...period});
      expect([week.tasksCompleted, week.holding, week.period, week.load.asOf]).toEqual([1, {count: 1, averageMs: 4 * HOUR}, period, NOW]);
      // li's Translate of run D is still with her: load, not a holding that ended.
      const liWeek = await world.stats.personStats(tanaka, {userId: U.li, ...period});
      expect([liWeek.tasksCompleted, liWeek.holding, liWeek.load]).toEqual([0, {count: 0, averageMs: null}, {heldOpen: 1, overdue: 1, asOf: NOW}]);
    });

    it('refuses a period that ends before it starts, naming `to`', async () => {
      const error = await world.stats.personStats(tanaka, {userId: U.li, from: JUNE.to, to: JUNE.from}).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect([(error as AppError).status, (error as AppError).details.field]).toEqual([400, 'to']);
    });
  });

  describe('a workflow template', () => {
    it('gives run durations and, per step, durations and who is waiting there; the slowest step is the bottleneck', async () => {
      const stats = await world.stats.templateStats(sato, {templateRef: 'office action (SHORT)', ...JUNE});
      expect(stats).toEqual({
        templateId: expect.any(String),
        templateName: TEMPLATE_NAME,
        period: {...JUNE, name: null},
        // Runs of 28, 30 and 74 h: the median is 30 h; p90 lies 0.8 of the way from 30 to 74 h.
        runs: {count: 3, medianMs: 30 * HOUR, p90Ms: 65.2 * HOUR},
        activeRuns: 1,
        steps: [
          // 4, 8, 12 and 24 h: median between 8 and 12; p90 0.7 of the way from 12 to 24.
          {position: 0, name: 'Draft', durations: {count: 4, medianMs: 10 * HOUR, p90Ms: 20.4 * HOUR}, waiting: 0},
          // 12, 16 and 48 h (run B’s 16 h include the decline and the way back).
          {position: 1, name: 'Translate', durations: {count: 3, medianMs: 16 * HOUR, p90Ms: 41.6 * HOUR}, waiting: 1},
          {position: 2, name: 'Review', durations: {count: 3, medianMs: 4 * HOUR, p90Ms: 5.6 * HOUR}, waiting: 0},
        ],
        bottleneck: {position: 1, name: 'Translate', medianMs: 16 * HOUR},
      });
    });

    it('gives a guest the runs of their channels, and someone in none of them nothing but the steps’ names', async () => {
      const asSato = await world.stats.templateStats(sato, {templateRef: TEMPLATE_NAME, ...JUNE});
      expect(await world.stats.templateStats(kim, {templateRef: TEMPLATE_NAME, ...JUNE})).toEqual(asSato);
      const none = await world.stats.templateStats(outsider, {templateRef: TEMPLATE_NAME, ...JUNE});
      expect([none.runs, none.activeRuns, none.bottleneck]).toEqual([{count: 0, medianMs: null, p90Ms: null}, 0, null]);
      expect(none.steps.map((step) => [step.name, step.durations.count, step.waiting])).toEqual([
        ['Draft', 0, 0],
        ['Translate', 0, 0],
        ['Review', 0, 0],
      ]);
    });

    it('answers an unknown template with 404', async () => {
      const error = await world.stats.templateStats(sato, {templateRef: 'No such flow', ...JUNE}).catch((caught: unknown) => caught);
      expect([(error as AppError).status, (error as AppError).id]).toEqual([404, 'baton.not_found']);
    });
  });
});
