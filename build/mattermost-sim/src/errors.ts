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
  sessionExpired: () => new MmError(401, 'api.context.session_expired.app_error', 'Invalid or expired session, please login again.'),
  tokenCsrf: () => new MmError(401, 'api.context.session_expired.app_error', 'Invalid or expired session, please login again.', 'token csrf check failed'),
  permission: (what = 'this action') => new MmError(403, 'api.context.permissions.app_error', `You do not have the appropriate permissions for ${what}.`),
  notFound: (what: string, id = 'app.notfound') => new MmError(404, id, `Unable to find the existing ${what}.`),
  invalidParam: (name: string) => new MmError(400, 'api.context.invalid_param.app_error', `Invalid ${name} parameter.`),
  invalidBodyParam: (name: string) => new MmError(400, 'api.context.invalid_body_param.app_error', `Invalid or missing ${name} in request body.`),
  invalidUrlParam: (name: string) => new MmError(400, 'api.context.invalid_url_param.app_error', `Invalid or missing ${name} parameter in request URL.`),
  notImplemented: (method: string, url: string) =>
    new MmError(501, 'sim.not_implemented', `The Mattermost simulator does not implement ${method} ${url}.`, 'Add the route to build/mattermost-sim with a contract test, following the Mattermost source.'),
};
