import type {z} from 'zod';
import {describeZodIssues} from '../contract';
import {errors} from '../errors';

/** Which part of the request a schema checks; it names the whole part in messages ("body: must be a JSON object"). */
export type RequestPart = 'body' | 'query' | 'params' | 'headers';

/**
 * Parses one part of a request with a contract schema, or throws the 400 that
 * lists every problem for people (`title: must be 1–200 characters`). Routes
 * call this first: parse → authorize → one service call → present.
 */
export function parseRequest<Schema extends z.ZodType>(schema: Schema, input: unknown, part: RequestPart): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw errors.invalidRequest(describeZodIssues(result.error, part));
  return result.data;
}
