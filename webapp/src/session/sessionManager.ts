// Gets and keeps the webapp's bridge session (DESIGN.md "Identity" §2): runs
// the hidden `/task connect` through Mattermost's /commands/execute in the
// current channel, or, when Mattermost refuses that channel (read-only, no
// permission to post: 403), in the user's DM with the bot. The session lives
// in this closure only: not in redux, not in storage, not in a URL. It is
// renewed a few minutes before it expires and when the bridge answers 401.
import type {BridgeSession, SessionSource} from '../api/bridgeClient';
import type {MattermostClient} from '../mattermost/client4';
import {MattermostError, MattermostNetworkError} from '../mattermost/client4';
import {getCurrentChannelId, getCurrentTeamId, getCurrentUserId} from '../mattermost/hostState';
import type {HostStore} from '../plugin/hostTypes';

import {sessionFromConnectProps} from './connectResponse';
import {SessionError} from './sessionError';
import {sessionClosed, sessionConnected, sessionConnecting, sessionFailed} from './sessionSlice';

export const CONNECT_COMMAND = '/task connect';
/** The bridge's bot (server-bridge/src/setup/botAccount.ts BOT_USERNAME). */
export const BOT_USERNAME = 'baton';
export const RENEW_BEFORE_EXPIRY_MS = 5 * 60 * 1000;
// A session shorter than the renewal margin would otherwise be renewed in a tight loop.
const MIN_RENEW_DELAY_MS = 30 * 1000;
// setTimeout fires at once for delays beyond 2^31-1 ms.
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

export type Timers = {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export type SessionManagerDeps = {
  mattermost: MattermostClient;
  store: HostStore;
  now: () => Date;
  timers: Timers;
  renewBeforeMs?: number;
};

export interface SessionManager extends SessionSource {
  /** Connects if nothing has been tried yet; failures land in the redux state. */
  start(): void;
  /** The UI's retry: connects again whatever the state. */
  retry(): void;
  /** Forgets the session and stops renewing (plugin uninitialize). */
  dispose(): void;
}

export function createSessionManager({mattermost, store, now, timers, renewBeforeMs = RENEW_BEFORE_EXPIRY_MS}: SessionManagerDeps): SessionManager {
  let session: BridgeSession | null = null;
  let pending: Promise<BridgeSession> | null = null;
  let failure: SessionError | null = null;
  let renewTimer: unknown = null;
  // An answer that arrives after dispose must not revive the session or its timer.
  let disposed = false;

  const stopTimer = () => {
    if (renewTimer !== null) {
      timers.clearTimeout(renewTimer);
      renewTimer = null;
    }
  };

  const freshEnough = (candidate: BridgeSession) => now().getTime() < candidate.expiresAt.getTime() - renewBeforeMs;

  const runConnect = async (): Promise<BridgeSession> => {
    const state = store.getState();
    const teamId = getCurrentTeamId(state) ?? '';
    const channelId = getCurrentChannelId(state);
    if (channelId) {
      try {
        const props = await mattermost.executeCommand(CONNECT_COMMAND, {channel_id: channelId, team_id: teamId});
        return sessionFromConnectProps(props, now());
      } catch (error) {
        if (!(error instanceof MattermostError && error.status === 403)) {
          throw error;
        }
      }
    }
    const props = await mattermost.executeCommand(CONNECT_COMMAND, {channel_id: await botDirectChannelId(state), team_id: teamId});
    return sessionFromConnectProps(props, now());
  };

  const botDirectChannelId = async (state: unknown): Promise<string> => {
    const userId = getCurrentUserId(state);
    if (!userId) {
      throw new SessionError('not_permitted', 'no current user');
    }
    let botId: string;
    try {
      botId = await mattermost.getUserIdByUsername(BOT_USERNAME);
    } catch (error) {
      if (error instanceof MattermostError && error.status === 404) {
        throw new SessionError('bot_not_found', `@${BOT_USERNAME}`, {cause: error});
      }
      throw error;
    }
    return mattermost.getDirectChannelId(userId, botId);
  };

  const fail = (error: unknown): SessionError => {
    const sessionError = toSessionError(error);
    if (disposed) {
      return sessionError;
    }
    session = null;
    failure = sessionError;
    stopTimer();
    store.dispatch(sessionFailed(sessionError.reason, sessionError.detail));
    return sessionError;
  };

  const scheduleRenewal = (current: BridgeSession) => {
    stopTimer();
    const due = current.expiresAt.getTime() - renewBeforeMs - now().getTime();
    renewTimer = timers.setTimeout(() => {
      renewTimer = null;
      connect().catch(() => undefined);
    }, Math.min(Math.max(due, MIN_RENEW_DELAY_MS), MAX_TIMER_DELAY_MS));
  };

  /** One connection attempt at a time; callers arriving meanwhile share it. */
  const connect = (): Promise<BridgeSession> => {
    if (pending) {
      return pending;
    }
    failure = null;
    // A renewal keeps the old session working (and the UI quiet) until the new one arrives.
    if (!session) {
      store.dispatch(sessionConnecting());
    }
    const attempt = runConnect().then(
      (connected) => {
        if (disposed) {
          return connected;
        }
        session = connected;
        scheduleRenewal(connected);
        store.dispatch(sessionConnected(connected.expiresAt));
        return connected;
      },
      (error: unknown) => {
        throw fail(error);
      },
    );
    pending = attempt;
    const clearPending = () => {
      if (pending === attempt) {
        pending = null;
      }
    };
    attempt.then(clearPending, clearPending);
    return attempt;
  };

  return {
    async current() {
      if (session && freshEnough(session)) {
        return session;
      }
      if (failure && !pending) {
        throw failure;
      }
      return connect();
    },
    async renew(stale) {
      if (session && session.token !== stale.token && freshEnough(session)) {
        return session;
      }
      if (session?.token === stale.token) {
        session = null;
      }
      return connect();
    },
    rejected(refused) {
      if (!session || session.token === refused.token) {
        fail(new SessionError('unauthorized'));
      }
    },
    start() {
      if (!session && !pending && !failure) {
        connect().catch(() => undefined);
      }
    },
    retry() {
      connect().catch(() => undefined);
    },
    dispose() {
      disposed = true;
      stopTimer();
      session = null;
      pending = null;
      failure = null;
      store.dispatch(sessionClosed());
    },
  };
}

function toSessionError(error: unknown): SessionError {
  if (error instanceof SessionError) {
    return error;
  }
  if (error instanceof MattermostNetworkError) {
    return new SessionError('network', null, {cause: error});
  }
  if (error instanceof MattermostError) {
    return error.status === 403
      ? new SessionError('not_permitted', error.message, {cause: error})
      : new SessionError('mattermost_error', error.message, {cause: error});
  }
  return new SessionError('mattermost_error', error instanceof Error ? error.message : String(error), {cause: error});
}
