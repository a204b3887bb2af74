import {randomBytes, randomUUID} from 'node:crypto';
import type {WebhookCreateInput} from '../../contract/webhooks';
import {errors} from '../../errors';
import type {ChannelAccess, Clock} from '../tasks/ports';
import type {Caller} from '../tasks/task';
import type {WebhookDelivery, WebhookStore, WebhookSubscription} from './ports';

// Managing webhook subscriptions. Who may: a global subscription (every
// channel) — Mattermost system admins; a channel's — that channel's admins
// and system admins. Guests and API tokens never (a token could otherwise
// send a channel's changes wherever it likes). Someone who may not manage a
// subscription does not learn it exists: get and delete answer 404, and a
// list holds only the channels the caller manages.

export interface WebhookServiceDeps {
  store: WebhookStore;
  access: Pick<ChannelAccess, 'isSystemAdmin' | 'canManageChannel' | 'memberChannelIds'>;
  clock: Clock;
  newId?: () => string;
  randomBytes?: (size: number) => Buffer;
}

/** Deliveries shown with one subscription. */
const RECENT_DELIVERIES = 50;

export type WebhookService = ReturnType<typeof createWebhookService>;

export function createWebhookService({store, access, clock, newId = randomUUID, randomBytes: random = randomBytes}: WebhookServiceDeps) {
  /** People only: guests and tokens are refused before anything is looked up. */
  function requirePerson(caller: Caller): void {
    if (caller.via) throw errors.forbidden('webhook_token', 'Webhooks are managed by people (channel admins and system admins) from their own session, not by API tokens.');
    if (caller.guest) throw errors.forbidden('webhook_guest', 'Guests cannot manage webhooks.');
  }

  async function mayManage(caller: Caller, channelId: string | null): Promise<boolean> {
    if (await access.isSystemAdmin(caller.userId)) return true;
    return channelId !== null && access.canManageChannel(caller.userId, channelId);
  }

  async function manageable(caller: Caller, id: string): Promise<WebhookSubscription> {
    requirePerson(caller);
    const subscription = await store.findSubscription(id);
    if (!subscription || !(await mayManage(caller, subscription.channelId))) throw errors.notFound(`Webhook ${id}`);
    return subscription;
  }

  return {
    /** The subscription and, once only, its signing secret. */
    async create(caller: Caller, input: WebhookCreateInput): Promise<{subscription: WebhookSubscription; secret: string}> {
      requirePerson(caller);
      const channelId = input.channelId ?? null;
      if (!(await mayManage(caller, channelId))) {
        throw channelId === null
          ? errors.forbidden('webhook_global', 'Only Mattermost system admins can subscribe to every channel; give channelId to subscribe to a channel you administer.')
          : errors.forbidden('webhook_channel', 'Only the channel’s admins and system admins can add webhooks to it.');
      }
      const subscription: WebhookSubscription = {
        id: newId(),
        channelId,
        url: input.url,
        eventTypes: [...new Set(input.eventTypes)],
        createdBy: caller.userId,
        createdAt: clock.now(),
        disabledAt: null,
        lastStatus: null,
        lastAttemptAt: null,
        lastError: null,
      };
      const secret = `whsec_${random(32).toString('base64url')}`;
      await store.insertSubscription(subscription, secret, {actor: caller, at: subscription.createdAt});
      return {subscription, secret};
    },

    async list(caller: Caller): Promise<WebhookSubscription[]> {
      requirePerson(caller);
      if (await access.isSystemAdmin(caller.userId)) return store.listSubscriptions('all');
      // Channel admins: only channels they are a member of can be theirs to manage.
      const managed: string[] = [];
      for (const channelId of await access.memberChannelIds(caller.userId)) {
        if (await access.canManageChannel(caller.userId, channelId)) managed.push(channelId);
      }
      return managed.length === 0 ? [] : store.listSubscriptions({channelIds: managed});
    },

    async get(caller: Caller, id: string): Promise<{subscription: WebhookSubscription; deliveries: WebhookDelivery[]}> {
      const subscription = await manageable(caller, id);
      return {subscription, deliveries: await store.recentDeliveries(id, RECENT_DELIVERIES)};
    },

    /** Deliveries still queued give up; the delivery log stays. */
    async delete(caller: Caller, id: string): Promise<void> {
      await manageable(caller, id);
      if (!(await store.disableSubscription(id, {actor: caller, at: clock.now()}))) throw errors.notFound(`Webhook ${id}`);
    },
  };
}
