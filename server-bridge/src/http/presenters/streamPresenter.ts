import type {KeysChangedEvent, TaskChangedEvent} from '../../contract';
import type {LiveEvent} from '../../domain/live/liveUpdates';

// The text/event-stream framing of GET /api/v1/stream (contract/stream.ts):
// an `event:` line and one `data:` line of JSON (JSON.stringify never writes
// a raw newline), then a blank line.

/** How long a client waits before reconnecting after the stream ends (the `retry:` field, ms). */
export const STREAM_RETRY_MS = 3_000;

export const STREAM_OPENING = `retry: ${STREAM_RETRY_MS}\n\n`;

/** A comment line: keeps proxies from closing an idle stream; clients ignore it. */
export const STREAM_HEARTBEAT = ': heartbeat\n\n';

export function presentStreamEvent(event: LiveEvent): string {
  return `event: ${event.name}\ndata: ${JSON.stringify(streamData(event))}\n\n`;
}

function streamData(event: LiveEvent): TaskChangedEvent | KeysChangedEvent | Record<string, never> {
  switch (event.name) {
    case 'task.changed': {
      const {id, key, channelId, version, kinds} = event.data;
      return {id, key, channelId, version, kinds} satisfies TaskChangedEvent;
    }
    case 'keys.changed':
      return {channelId: event.data.channelId} satisfies KeysChangedEvent;
    case 'resync':
      return {};
  }
}
