import type {ScheduledJob} from '../domain/scheduling/job';
import {createScheduler} from './scheduler';

// The scheduler only decides when to look: each tick runs every job once at
// the clock's time, one failing job is logged without stopping the others,
// and stop() waits for a tick under way. Jest's fake timers stand in for time.

function recordingLogger() {
  const errors: Array<{job: string; message: string}> = [];
  return {
    errors,
    logger: {
      debug: () => undefined,
      error: (fields: {job: string; err: Error}) => errors.push({job: fields.job, message: fields.err.message}),
    },
  };
}

function recordingJob(name: string, runs: Date[], work: () => Promise<void> = async () => undefined): ScheduledJob {
  return {
    name,
    async run(now) {
      runs.push(now);
      await work();
    },
  };
}

describe('the scheduler', () => {
  let clock = new Date('2027-05-10T00:00:00Z');
  const fixedClock = {now: () => clock};

  afterEach(() => jest.useRealTimers());

  it('runs every job once per tick, at the clock’s time or the time given', async () => {
    const digests: Date[] = [];
    const reminders: Date[] = [];
    const scheduler = createScheduler({jobs: [recordingJob('digests', digests), recordingJob('reminders', reminders)], clock: fixedClock, tickMs: 60_000, logger: recordingLogger().logger});
    await scheduler.tick();
    await scheduler.tick(new Date('2027-05-10T02:00:00Z'));
    expect(digests).toEqual([clock, new Date('2027-05-10T02:00:00Z')]);
    expect(reminders).toEqual(digests);
  });

  it('logs a failing job and still runs the others', async () => {
    const runs: Date[] = [];
    const {logger, errors} = recordingLogger();
    const failing = recordingJob('digests', [], async () => {
      throw new Error('Mattermost is away');
    });
    const scheduler = createScheduler({jobs: [failing, recordingJob('reminders', runs)], clock: fixedClock, tickMs: 60_000, logger});
    await expect(scheduler.tick()).resolves.toBeUndefined();
    expect(runs).toHaveLength(1);
    expect(errors).toEqual([{job: 'digests', message: 'Mattermost is away'}]);
  });

  it('ticks on start and then every tickMs after a tick ends, until stopped', async () => {
    jest.useFakeTimers();
    const runs: Date[] = [];
    const scheduler = createScheduler({jobs: [recordingJob('digests', runs)], clock: fixedClock, tickMs: 60_000, logger: recordingLogger().logger});
    scheduler.start();
    scheduler.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(1);
    clock = new Date('2027-05-10T00:01:00Z');
    await jest.advanceTimersByTimeAsync(59_999);
    expect(runs).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toEqual([new Date('2027-05-10T00:00:00Z'), new Date('2027-05-10T00:01:00Z')]);
    await scheduler.stop();
    await jest.advanceTimersByTimeAsync(600_000);
    expect(runs).toHaveLength(2);
  });

  it('waits in stop() for a tick under way, and starts no other', async () => {
    jest.useFakeTimers();
    let finish: () => void = () => undefined;
    const finished: string[] = [];
    const slow = recordingJob('digests', [], () => new Promise<void>((resolve) => (finish = () => (finished.push('digests'), resolve()))));
    const scheduler = createScheduler({jobs: [slow], clock: fixedClock, tickMs: 1_000, logger: recordingLogger().logger});
    scheduler.start();
    await jest.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(5_000);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect([stopped, finished]).toEqual([true, ['digests']]);
  });
});
