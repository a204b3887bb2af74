import type {ScheduledJob} from '../scheduling/job';
import type {TaskStore} from '../tasks/ports';

// Archives each run channel some days after its run completes. The job only
// enqueues the archiving (the delivery worker asks Mattermost, retrying while
// it is away); the run channel row is marked in the same transaction, and the
// outbox key (one per run) makes it happen once however many replicas or
// restarts see it due. 0 days means run channels are kept.

const DAY_MS = 86_400_000;

export interface RunChannelArchiveJobDeps {
  store: Pick<TaskStore, 'workflows' | 'transaction'>;
  /** Days after a run completes until its channel is archived; 0 = never. */
  archiveAfterDays: number;
  /** After archivings were enqueued: wake the delivery worker. */
  onEnqueued?: () => void;
  /** Run channels handled per run; the rest wait for the next tick. */
  batchSize?: number;
}

export function createRunChannelArchiveJob({store, archiveAfterDays, onEnqueued, batchSize = 100}: RunChannelArchiveJobDeps): ScheduledJob {
  return {
    name: 'run-channel-archive',
    async run(now) {
      if (archiveAfterDays === 0) return;
      const due = await store.workflows.runChannelsToArchive(new Date(now.getTime() - archiveAfterDays * DAY_MS), batchSize);
      let enqueued = 0;
      for (const {runId, channelId} of due) {
        const marked = await store.transaction(async (tx) => {
          if (!(await tx.workflows.markRunChannelArchiveRequested(runId, now))) return false;
          await tx.outbox.enqueue({kind: 'run_channel_archive', runId, channelId, idempotencyKey: `run_channel_archive:${runId}`});
          return true;
        });
        if (marked) enqueued += 1;
      }
      if (enqueued > 0) onEnqueued?.();
    },
  };
}
