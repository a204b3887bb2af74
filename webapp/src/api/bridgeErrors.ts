// What a call to the bridge can fail with. Each kind is its own class so a
// caller can tell "the bridge said no" (BridgeError, with the bridge's stable
// id) from "the bridge could not be reached" (BridgeNetworkError) and from
// "the bridge answered something the contract does not allow"
// (BridgeResponseError, a bug or a version mismatch). Session failures
// (session/sessionError.ts) are the fourth kind.
import type {FieldIssue} from './contract';

export type BridgeErrorInit = {
  status: number;
  /** The bridge's stable id (`baton.not_found.task`); null when the body was not a Baton error (a proxy's 502 page). */
  id: string | null;
  message: string;
  /** The input the bridge named as wrong (`details.field`, else the first validation issue). */
  field: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
};

/** A non-2xx answer. Match on `id`, not on `message`. */
export class BridgeError extends Error {
  override readonly name = 'BridgeError';
  readonly status: number;
  readonly id: string | null;
  readonly field: string | null;
  readonly details: Record<string, unknown>;
  readonly requestId: string | null;

  constructor({status, id, message, field, details, requestId}: BridgeErrorInit) {
    super(message);
    this.status = status;
    this.id = id;
    this.field = field;
    this.details = details;
    this.requestId = requestId;
  }
}

/** fetch itself failed: offline, DNS, TLS, or a CORS refusal (the browser does not say which). */
export class BridgeNetworkError extends Error {
  override readonly name = 'BridgeNetworkError';

  constructor(readonly method: string, readonly path: string, options?: {cause?: unknown}) {
    super(`${method} ${path}: the Baton service could not be reached`, options);
  }
}

/** A 2xx answer whose body breaks the contract; `issues` name each field. */
export class BridgeResponseError extends Error {
  override readonly name = 'BridgeResponseError';

  constructor(readonly method: string, readonly path: string, readonly issues: FieldIssue[]) {
    super(`${method} ${path}: unexpected response: ${issues.map(({field, message}) => `${field}: ${message}`).join('; ')}`);
  }

  /** The fields that did not match, e.g. `items.0.key`. */
  get fields(): string[] {
    return this.issues.map((issue) => issue.field);
  }
}
