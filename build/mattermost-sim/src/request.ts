import type {FastifyRequest} from 'fastify';
import type {z} from 'zod';
import type {Caller} from './auth';
import {mmErrors} from './errors';
import {isValidId} from './ids';

// Request parsing shared by the route modules, with the error each failure
// gets in Mattermost (server/channels/web/context.go, web/params.go).

/**
 * Parses a JSON body at the edge. Mattermost answers a body it cannot use
 * with 400 api.context.invalid_body_param.app_error naming the field
 * (SetInvalidParam); the first failing field is named, or `fallbackName`
 * when the body as a whole is wrong (not an object, not JSON).
 */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown, fallbackName: string): z.infer<Schema> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : fallbackName;
  throw mmErrors.invalidBodyParam(field, issue?.message ?? '');
}

type Params = Record<string, string | undefined>;

export function pathParams(request: FastifyRequest): Params {
  return request.params as Params;
}

export function queryParams(request: FastifyRequest): Params {
  return request.query as Params;
}

/** A 26-character id from the path (RequireChannelId, RequirePostId, ...). */
export function idParam(request: FastifyRequest, name: string): string {
  const value = pathParams(request)[name] ?? '';
  if (!isValidId(value)) throw mmErrors.invalidUrlParam(name);
  return value;
}

/** RequireUserId: `me` means the caller. */
export function userIdParam(request: FastifyRequest, caller: Caller, name = 'user_id'): string {
  const value = pathParams(request)[name] ?? '';
  const id = value === 'me' ? caller.user.id : value;
  if (!isValidId(id)) throw mmErrors.invalidUrlParam(name);
  return id;
}

/** web/params.go: page defaults to 0, per_page to 60 and is capped at 200; bad values fall back to the defaults. */
export function pagination(request: FastifyRequest): {page: number; perPage: number} {
  const query = queryParams(request);
  const page = Number.parseInt(query.page ?? '', 10);
  const perPage = Number.parseInt(query.per_page ?? '', 10);
  return {
    page: Number.isNaN(page) || page < 0 ? 0 : page,
    perPage: Number.isNaN(perPage) || perPage < 0 ? 60 : Math.min(perPage, 200),
  };
}

export function pageOf<T>(items: T[], {page, perPage}: {page: number; perPage: number}): T[] {
  return items.slice(page * perPage, page * perPage + perPage);
}

/** strconv.ParseBool as Mattermost uses it for query flags: anything unparsable is false. */
export function boolQuery(request: FastifyRequest, name: string): boolean {
  return ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(queryParams(request)[name] ?? '');
}
