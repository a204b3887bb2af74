// The bridge session as the UI sees it: whether there is one and, if not,
// why. The token itself is not here: redux state is visible to every plugin
// and to the redux devtools, so it stays inside the session manager.
import type {PlainAction} from '../plugin/hostTypes';

import type {SessionFailureReason} from './sessionError';

export type SessionStatus = 'idle' | 'connecting' | 'connected' | 'error';

export type SessionState = {
  status: SessionStatus;
  /** Set in the error state. */
  reason: SessionFailureReason | null;
  detail: string | null;
  /** ISO date-time the current session expires; set while connected. */
  expiresAt: string | null;
};

export const initialSessionState: SessionState = {status: 'idle', reason: null, detail: null, expiresAt: null};

const connectingType = 'baton/session/connecting';
const connectedType = 'baton/session/connected';
const failedType = 'baton/session/failed';
const closedType = 'baton/session/closed';

type ConnectingAction = {type: typeof connectingType};
type ConnectedAction = {type: typeof connectedType; expiresAt: string};
type FailedAction = {type: typeof failedType; reason: SessionFailureReason; detail: string | null};
type ClosedAction = {type: typeof closedType};

export type SessionAction = ConnectingAction | ConnectedAction | FailedAction | ClosedAction;

export const sessionConnecting = (): ConnectingAction => ({type: connectingType});
export const sessionConnected = (expiresAt: Date): ConnectedAction => ({type: connectedType, expiresAt: expiresAt.toISOString()});
export const sessionFailed = (reason: SessionFailureReason, detail: string | null): FailedAction => ({type: failedType, reason, detail});
export const sessionClosed = (): ClosedAction => ({type: closedType});

const sessionActionTypes: ReadonlySet<string> = new Set([connectingType, connectedType, failedType, closedType]);

function isSessionAction(action: PlainAction): action is SessionAction {
  return sessionActionTypes.has(action.type);
}

export function sessionReducer(state: SessionState = initialSessionState, action: PlainAction): SessionState {
  if (!isSessionAction(action)) {
    return state;
  }
  switch (action.type) {
  case connectingType:
    return {...initialSessionState, status: 'connecting'};
  case connectedType:
    return {status: 'connected', reason: null, detail: null, expiresAt: action.expiresAt};
  case failedType:
    return {status: 'error', reason: action.reason, detail: action.detail, expiresAt: null};
  case closedType:
    return initialSessionState;
  }
}
