import {MmError} from '../errors';
import {isValidId} from '../ids';

// URL parameters as Mattermost's gorilla/mux routes constrain them
// (server/channels/api4/api.go): ids are `[A-Za-z0-9]+` in the route itself,
// so anything else never reaches a handler and gets the router's 404; a
// matching but malformed id then fails the handler's Require*Id check.

const ROUTER_404 = () => new MmError(404, 'api.context.404.app_error', 'Sorry, we could not find the page.');

/** A path segment the route pattern `[A-Za-z0-9]+` must match. */
export function routeSegment(value: string): string {
  if (!/^[A-Za-z0-9]+$/.test(value)) throw ROUTER_404();
  return value;
}

/** c.RequireXxxId(): a route segment that must also be a valid 26-character id. */
export function requireIdParam(value: string, name: string): string {
  routeSegment(value);
  if (!isValidId(value)) throw new MmError(400, 'api.context.invalid_url_param.app_error', `Invalid or missing ${name} parameter in request URL.`);
  return value;
}

/** {"status":"OK"}: api4 ReturnStatusOK. */
export const STATUS_OK = {status: 'OK'} as const;
