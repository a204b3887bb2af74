import type {SimContext} from '../context';
import {MmError} from '../errors';
import type {CommandWebhook} from '../store/entities';

export type {CommandWebhook};

// The response_url of a slash command (server/channels/app/webhook.go
// CreateCommandWebhook / HandleCommandWebhook, model/command_webhook.go,
// store CommandWebhookStore): a hook bound to the invocation (user, channel,
// root post) that the integration may POST further responses to, at most 5
// times (TryUse) and within 30 minutes of the command (Get filters older).

export const COMMAND_WEBHOOK_LIFETIME_MS = 30 * 60 * 1000;
export const COMMAND_WEBHOOK_MAX_USES = 5;


export function createCommandWebhook(ctx: SimContext, input: Pick<CommandWebhook, 'commandId' | 'userId' | 'channelId' | 'rootId'>): CommandWebhook {
  const hook: CommandWebhook = {...input, id: ctx.ids(), createAt: ctx.now(), useCount: 0};
  ctx.store.commandWebhooks.set(hook.id, hook);
  return hook;
}

/** CommandWebhookStore.Get: unknown or older than the lifetime → not found. */
export function findCommandWebhook(ctx: SimContext, hookId: string): CommandWebhook {
  const hook = ctx.store.commandWebhooks.get(hookId);
  if (!hook || hook.createAt <= ctx.now() - COMMAND_WEBHOOK_LIFETIME_MS) {
    throw new MmError(404, 'app.command_webhook.get.missing', 'Unable to find the webhook.');
  }
  return hook;
}

/** CommandWebhookStore.TryUse(id, 5). */
export function useCommandWebhook(hook: CommandWebhook): void {
  if (hook.useCount >= COMMAND_WEBHOOK_MAX_USES) throw new MmError(400, 'app.command_webhook.try_use.invalid', 'Invalid webhook.');
  hook.useCount += 1;
}
