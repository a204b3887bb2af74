// Errors in Mattermost's shape (server/public/model/utils.go AppError):
// {id, message, detailed_error, request_id, status_code}.

export class MmError extends Error {
  constructor(
    readonly statusCode: number,
    readonly id: string,
    message: string,
    readonly detailedError = '',
  ) {
    super(message);
  }
}

export interface MmErrorBody {
  id: string;
  message: string;
  detailed_error: string;
  request_id: string;
  status_code: number;
  is_oauth?: boolean;
}

export function errorBody(error: MmError, requestId: string): MmErrorBody {
  return {id: error.id, message: error.message, detailed_error: error.detailedError, request_id: requestId, status_code: error.statusCode};
}

export const mmErrors = {
  sessionExpired: (detail = '') => new MmError(401, 'api.context.session_expired.app_error', 'Invalid or expired session, please login again.', detail),
  tokenCsrf: () => new MmError(401, 'api.context.session_expired.app_error', 'Invalid or expired session, please login again.', 'token csrf check failed'),
  /**
   * app/authorization.go MakePermissionError: always the same id and message;
   * the permission ids go in detailed_error ("userId=..., permission=a,b,").
   * `what` is kept for callers that pass a description; it lands in detailed_error.
   */
  permission: (what = '') => new MmError(403, 'api.context.permissions.app_error', 'You do not have the appropriate permissions.', what),
  permissionTo: (userId: string, ...permissions: string[]) =>
    new MmError(403, 'api.context.permissions.app_error', 'You do not have the appropriate permissions.', `userId=${userId}, permission=${permissions.map((p) => `${p},`).join('')}`),
  notFound: (what: string, id = 'app.notfound') => new MmError(404, id, `Unable to find the existing ${what}.`),
  /** `api.context.invalid_param.app_error` exists too: the app layer uses it for post.channel_id / post.type / post.root_id. */
  invalidParam: (name: string) => new MmError(400, 'api.context.invalid_param.app_error', `Invalid ${name} parameter.`),
  /** web/context.go SetInvalidParam — despite the name, used for body and query parameters alike. */
  invalidBodyParam: (name: string, detail = '') => new MmError(400, 'api.context.invalid_body_param.app_error', `Invalid or missing ${name} in request body.`, detail),
  /** web/context.go SetInvalidURLParam — path parameters (ids, names). */
  invalidUrlParam: (name: string) => new MmError(400, 'api.context.invalid_url_param.app_error', `Invalid or missing ${name} parameter in request URL.`),
  /** model.PayloadParseError, for array bodies (channels/direct, channels/group, ...). */
  payloadParse: () => new MmError(400, 'api.payload.parse.error', 'Error parsing the payload.'),
  notImplemented: (method: string, url: string) =>
    new MmError(501, 'sim.not_implemented', `The Mattermost simulator does not implement ${method} ${url}.`, 'Add the route to build/mattermost-sim with a contract test, following the Mattermost source.'),
};
