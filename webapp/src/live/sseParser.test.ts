/** @jest-environment node */
import {createSseParser} from './sseParser';
import type {SseEvent} from './sseParser';

function parse(...chunks: string[]) {
  const events: SseEvent[] = [];
  const retries: number[] = [];
  const parser = createSseParser({onEvent: (event) => events.push(event), onRetry: (ms) => retries.push(ms)});
  for (const chunk of chunks) {
    parser.feed(chunk);
  }
  return {events, retries};
}

const changed = 'event: task.changed\ndata: {"id":"t1","key":"PAT-1","channelId":null,"version":2,"kinds":["commented"]}\n\n';

describe('the SSE parser', () => {
  it('reads the bridge’s framing: retry, heartbeat comments, named events with JSON data', () => {
    const {events, retries} = parse(`retry: 3000\n\n: heartbeat\n\n${changed}event: resync\ndata: {}\n\n`);
    expect(retries).toEqual([3000]);
    expect(events).toEqual([
      {event: 'task.changed', data: '{"id":"t1","key":"PAT-1","channelId":null,"version":2,"kinds":["commented"]}', lastEventId: ''},
      {event: 'resync', data: '{}', lastEventId: ''},
    ]);
  });

  it('gives the same events however the text is split, down to one character at a time', () => {
    const whole = parse(changed, changed).events;
    const text = changed + changed;
    for (const size of [1, 2, 3, 7, 19]) {
      const chunks: string[] = [];
      for (let index = 0; index < text.length; index += size) {
        chunks.push(text.slice(index, index + size));
      }
      expect(parse(...chunks).events).toEqual(whole);
    }
    expect(whole).toHaveLength(2);
  });

  it('joins multi-line data with newlines and drops one leading space only', () => {
    const {events} = parse('data: first\ndata:  second\ndata\ndata:third\n\n');
    expect(events).toEqual([{event: 'message', data: 'first\n second\n\nthird', lastEventId: ''}]);
  });

  it('accepts CRLF and lone CR line ends, also when a CRLF is split between chunks', () => {
    expect(parse('event: resync\r\ndata: {}\r\n\r\n').events).toEqual([{event: 'resync', data: '{}', lastEventId: ''}]);
    expect(parse('event: resync\rdata: {}\r\r').events).toEqual([{event: 'resync', data: '{}', lastEventId: ''}]);
    // The CR ends the line; the LF arriving next is the same line end, not a blank line.
    expect(parse('data: a\r', '\ndata: b\r', '\n\r', '\n').events).toEqual([{event: 'message', data: 'a\nb', lastEventId: ''}]);
  });

  it('ignores comments, unknown fields and blank lines without data, and keeps the last id', () => {
    const {events, retries} = parse(': hello\nfoo: bar\n\n\nid: 7\nevent: keys.changed\n: inside\ndata: {"channelId":null}\n\nretry: soon\n\n');
    expect(events).toEqual([{event: 'keys.changed', data: '{"channelId":null}', lastEventId: '7'}]);
    expect(retries).toEqual([]);
  });

  it('waits for the blank line before dispatching, and skips a leading byte order mark', () => {
    const events: SseEvent[] = [];
    const parser = createSseParser({onEvent: (event) => events.push(event)});
    parser.feed('\uFEFFevent: resync\ndata: {}\n');
    expect(events).toEqual([]);
    parser.feed('\n');
    expect(events).toEqual([{event: 'resync', data: '{}', lastEventId: ''}]);
  });
});
