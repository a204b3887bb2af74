// A text/event-stream parser (the HTML "server-sent events" interpretation),
// fed text as it arrives in any chunking: lines end in CRLF, LF or CR (a CR
// at the end of one chunk and an LF at the start of the next are one line
// end); `:` lines are comments (the bridge's heartbeats); `data` lines join
// with "\n"; a blank line dispatches. EventSource cannot send an
// Authorization header, so the live stream reads the bytes itself.

export type SseEvent = {
  /** `message` when the event named none. */
  event: string;
  data: string;
  /** The last `id:` seen, as the spec keeps it across events. */
  lastEventId: string;
};

export type SseHandlers = {
  onEvent(event: SseEvent): void;
  /** A `retry:` field: how long to wait before reconnecting, in ms. */
  onRetry?(ms: number): void;
};

export type SseParser = {
  /** Parses as much of the text as forms whole lines; keeps the rest for the next call. */
  feed(text: string): void;
};

export function createSseParser({onEvent, onRetry}: SseHandlers): SseParser {
  let buffer = '';
  let first = true;
  // A chunk ended in CR: an LF starting the next one belongs to that line end.
  let skipLeadingLf = false;
  let eventName = '';
  let data: string[] = [];
  let lastEventId = '';

  const dispatch = () => {
    if (data.length > 0) {
      onEvent({event: eventName || 'message', data: data.join('\n'), lastEventId});
    }
    eventName = '';
    data = [];
  };

  const line = (text: string) => {
    if (text === '') {
      dispatch();
      return;
    }
    if (text.startsWith(':')) {
      return;
    }
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    switch (field) {
    case 'event':
      eventName = value;
      break;
    case 'data':
      data.push(value);
      break;
    case 'id':
      if (!value.includes('\0')) {
        lastEventId = value;
      }
      break;
    case 'retry':
      if (/^\d+$/.test(value)) {
        onRetry?.(Number(value));
      }
      break;
    default:
      // Unknown fields are ignored.
    }
  };

  return {
    feed(text) {
      let chunk = text;
      if (first && chunk !== '') {
        first = false;
        if (chunk.startsWith('\uFEFF')) {
          chunk = chunk.slice(1);
        }
      }
      if (skipLeadingLf && chunk !== '') {
        skipLeadingLf = false;
        if (chunk.startsWith('\n')) {
          chunk = chunk.slice(1);
        }
      }
      buffer += chunk;
      let start = 0;
      for (let index = 0; index < buffer.length; index++) {
        const character = buffer[index];
        if (character !== '\n' && character !== '\r') {
          continue;
        }
        line(buffer.slice(start, index));
        if (character === '\r') {
          if (index + 1 === buffer.length) {
            skipLeadingLf = true;
          } else if (buffer[index + 1] === '\n') {
            index++;
          }
        }
        start = index + 1;
      }
      buffer = buffer.slice(start);
    },
  };
}
