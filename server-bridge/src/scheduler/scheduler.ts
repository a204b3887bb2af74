import type {ScheduledJob} from '../domain/scheduling/job';
import type {Clock} from '../domain/tasks/ports';
import type {Logger} from '../logging/logger';

// Runs the bridge's clock-driven jobs (domain/scheduling/job.ts): every
// `tickMs`, each job once, one after the other. Timing here is only about
// when to look; whether something is due, and that it happens once, is each
// job's business (unique keys in the database), so a late, doubled or
// skipped tick — a restart, a second replica, a slow database — sends
// nothing twice and, within the job's own catch-up rules, loses nothing.

export interface SchedulerOptions {
  jobs: ScheduledJob[];
  clock: Clock;
  /** Pause between the end of one tick and the start of the next. */
  tickMs: number;
  logger: Pick<Logger, 'debug' | 'error'>;
}

export interface Scheduler {
  /** Ticks now, then every `tickMs` after each tick ends (ticks never overlap). */
  start(): void;
  /** No more ticks; resolves once a tick under way has finished. */
  stop(): Promise<void>;
  /** Runs every job once at `now` (the clock's time by default); a job's failure is logged and the others still run. */
  tick(now?: Date): Promise<void>;
}

export function createScheduler({jobs, clock, tickMs, logger}: SchedulerOptions): Scheduler {
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  const ticking = new Set<Promise<void>>();

  async function runJobs(now: Date): Promise<void> {
    for (const job of jobs) {
      const startedAt = Date.now();
      try {
        await job.run(now);
        logger.debug({job: job.name, ms: Date.now() - startedAt}, 'scheduled job ran');
      } catch (error) {
        logger.error({job: job.name, err: error}, 'scheduled job failed; it runs again on the next tick');
      }
    }
  }

  function tick(now: Date = clock.now()): Promise<void> {
    const run = runJobs(now).finally(() => ticking.delete(run));
    ticking.add(run);
    return run;
  }

  function loop(): void {
    if (!running) return;
    void tick().then(() => {
      if (running) timer = setTimeout(loop, tickMs);
    });
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop();
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await Promise.all([...ticking]);
    },
    tick,
  };
}
