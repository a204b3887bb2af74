import type {SimConfig} from './config';
import type {IdGenerator} from './ids';
import type {Post} from './store/entities';
import type {SimStore} from './store/store';
import type {Hub} from './websocket/hub';

/** What the simulator records for tests to inspect (served under /__sim/). */
export interface InspectionLog {
  ephemerals: Array<{user_id: string; post: Post}>;
  /** Every outgoing call to an integration URL (commands, actions, dialogs). */
  integrationRequests: Array<{kind: 'command' | 'action' | 'dialog'; url: string; status: number | null; error?: string; at: number}>;
}

/** Everything route modules and services need, passed in (no globals). */
export interface SimContext {
  store: SimStore;
  hub: Hub;
  config: SimConfig;
  ids: IdGenerator;
  now: () => number;
  inspection: InspectionLog;
  /** e.g. 11.1.0; sent as X-Version-Id like the real server. */
  serverVersion: string;
  /**
   * This server's own key (Mattermost's AsymmetricSigningKey / PostActionCookieSecret):
   * signs trigger ids and seals post-action cookies. New per simulator instance.
   */
  serverSecret: Buffer;
}
