// Work the bridge does by the clock (reminders, digests, recurring tasks),
// not because someone asked. The scheduler calls each job's `run` every tick.

export interface ScheduledJob {
  /** For logs, e.g. `digests`. */
  name: string;
  /**
   * Does whatever is due at `now`. Must be safe to run again after a crash
   * and on several bridge replicas at once: exactly-once comes from unique
   * keys in the database (outbox idempotency keys, unique occurrence rows),
   * never from timing.
   */
  run(now: Date): Promise<void>;
}
