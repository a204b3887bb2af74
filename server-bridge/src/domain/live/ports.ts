import type {EventKind, Task} from '../tasks/task';

// Live sync: which tasks changed, told to whoever is listening (the webapp's
// event stream) after the change has committed. The feed is a port so that
// one process can keep it in memory (inProcessFeed.ts) and several replicas
// can share it through the database (storage/postgresChangeFeed.ts, LISTEN/
// NOTIFY): every message is plain JSON for that reason.

/** What a subscriber needs to decide who may see the task (visibility.ts) and what to refetch. */
export type LiveTask = Pick<Task, 'id' | 'key' | 'channelId' | 'version' | 'creatorId' | 'holderId' | 'watcherIds'>;

/** One task changed in one transaction: its state after the commit and the timeline event kinds recorded. */
export interface TaskChangedMessage {
  type: 'task.changed';
  task: LiveTask;
  /** The kinds of the timeline events the transaction appended for this task, in order, each once. */
  kinds: EventKind[];
}

/** A key prefix changed: every task key of the scope was renamed (PATENT-12 → PAT-12). */
export interface KeysChangedMessage {
  type: 'keys.changed';
  /** The channel whose keys changed; null for a person's own (personal) tasks. */
  channelId: string | null;
  /** For personal tasks: whose. */
  ownerId: string | null;
}

/** Changes may have been missed (a shared feed lost its connection for a while): every subscriber refetches. */
export interface ResyncMessage {
  type: 'resync';
}

export type ChangeMessage = TaskChangedMessage | KeysChangedMessage | ResyncMessage;

export interface ChangeFeed {
  /** Called once the transaction that made the changes has committed; messages of one transaction together, in order. */
  publish(messages: ChangeMessage[]): Promise<void>;
  /** Hears every message published from now on (in this process or, for a shared feed, any replica); returns the unsubscribe function. */
  subscribe(listener: (message: ChangeMessage) => void): () => void;
}
