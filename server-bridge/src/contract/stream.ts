import * as z from 'zod';
import {channelId, opaqueId} from './fields';

// GET /api/v1/stream: Server-Sent Events telling the webapp what changed, so
// it refetches what is on screen instead of polling. Each event names what
// changed, never its content: the webapp reads that through the REST API,
// which checks visibility again. Comment lines (`: heartbeat`) keep proxies
// from closing an idle stream; clients ignore them.

/** Event names a client may receive; unknown names must be ignored (more may be added). */
export const STREAM_EVENT_NAMES = ['task.changed', 'keys.changed', 'resync'] as const;

/** `task.changed`: a task the caller may see changed (created, edited, handed off, commented on, …). */
export const taskChangedEventSchema = z.object({
  id: opaqueId,
  key: z.string().meta({description: 'The task key after the change, e.g. PAT-12.'}),
  channelId: channelId.nullable().meta({description: 'The task’s channel; null for a personal task.'}),
  version: z.number().int().positive().meta({description: 'The task version after the change: a client holding this version or newer has nothing to refetch.'}),
  kinds: z.array(z.string()).meta({description: 'The timeline event kinds of the change (e.g. handed_off, commented), each once.'}),
});

/** `keys.changed`: the key prefix of a channel (or of the caller's personal tasks, channelId null) changed; every key there was renamed. */
export const keysChangedEventSchema = z.object({channelId: channelId.nullable()});

/** `resync`: the bridge could not tell whether a change is visible to the caller; refetch what is on screen. No data fields. */
export const resyncEventSchema = z.object({});

export type TaskChangedEvent = z.infer<typeof taskChangedEventSchema>;
export type KeysChangedEvent = z.infer<typeof keysChangedEventSchema>;
