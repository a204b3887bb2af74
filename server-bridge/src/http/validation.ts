import type {z} from 'zod';
import {describeZodIssues, fieldPath} from '../contract';
import {errors} from '../errors';

/** Which part of the request a schema checks; it names the whole part in messages ("body: must be a JSON object"). */
export type RequestPart = 'body' | 'query' | 'params' | 'headers';

/**
 * Parses one part of a request with a contract schema, or throws the 400 that
 * lists every problem for people (`title: must be 1–200 characters`). Routes
 * call this first: parse → authorize → one service call → present.
 */
export function parseRequest<Schema extends z.ZodType>(schema: Schema, input: unknown, part: RequestPart): z.output<Schema> {
  const withNul = fieldsWithNul(input, part);
  if (withNul.length > 0) throw errors.invalidRequest(withNul.map((field) => ({field, message: NUL_MESSAGE})));
  const result = schema.safeParse(input);
  if (!result.success) throw errors.invalidRequest(describeZodIssues(result.error, part));
  return result.data;
}

const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';
/** Enough to find a NUL in any request that fits the body limit; deeper parts are left to the schema, which refuses them. */
const MAX_VISITED = 100_000;

/**
 * Text with a NUL character anywhere in the input (ids in the path included),
 * by field path. PostgreSQL cannot store NUL in text, so without this check
 * such a request would fail in the database as a 500 (found by the fuzz test,
 * issue 9). Walks without recursion: bodies may be nested thousands deep.
 */
function fieldsWithNul(input: unknown, part: RequestPart): string[] {
  const found: string[] = [];
  // Each entry links to its parent instead of copying its path: copying made
  // a body nested 20,000 deep cost seconds of CPU (quadratic; fuzz test).
  interface Visit {
    value: unknown;
    key: string | undefined;
    parent: Visit | undefined;
  }
  const field = (visit: Visit) => {
    const path: string[] = [];
    for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) path.unshift(at.key);
    return path.length === 0 ? part : fieldPath(path);
  };
  const pending: Visit[] = [{value: input, key: undefined, parent: undefined}];
  for (let visited = 0; pending.length > 0 && visited < MAX_VISITED; visited += 1) {
    const visit = pending.pop() as Visit;
    const {value} = visit;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) found.push(field(visit));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key.includes('\u0000')) found.push(field(visit));
        pending.push({value: inner, key, parent: visit});
      }
    }
  }
  return found;
}
