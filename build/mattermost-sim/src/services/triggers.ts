import {createHmac} from 'node:crypto';
import type {SimContext} from '../context';
import {MmError} from '../errors';

// Trigger ids (server/public/model/integration_action.go GenerateTriggerId,
// DecodeAndVerifyTriggerId). Mattermost hands the integration
// base64("<clientTriggerId>:<userId>:<millis>:<base64 signature>") and the
// client only the bare clientTriggerId. Opening a dialog checks the format,
// then the age against OutgoingIntegrationRequestsTimeout, then the
// signature. Mattermost keeps no list: a trigger id may open dialogs until it
// expires. The simulator signs with an HMAC and also registers each trigger
// in store.triggers (for inspection); an id it never issued fails the
// signature check, as a forged one would.


function sign(ctx: SimContext, triggerData: string): string {
  return createHmac('sha256', ctx.serverSecret).update(triggerData).digest('base64');
}

export interface IssuedTrigger {
  /** What the client (webapp) sees, e.g. in the command response. */
  clientTriggerId: string;
  /** What the integration receives and later passes to /actions/dialogs/open. */
  triggerId: string;
}

export function issueTriggerId(ctx: SimContext, userId: string): IssuedTrigger {
  const now = ctx.now();
  for (const [id, trigger] of ctx.store.triggers) if (trigger.expiresAt < now) ctx.store.triggers.delete(id);
  const clientTriggerId = ctx.ids();
  const triggerData = `${clientTriggerId}:${userId}:${now}:`;
  const triggerId = Buffer.from(triggerData + sign(ctx, triggerData)).toString('base64');
  ctx.store.triggers.set(triggerId, {userId, expiresAt: now + ctx.config.ServiceSettings.OutgoingIntegrationRequestsTimeout * 1000});
  return {clientTriggerId, triggerId};
}

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Go's time.Duration String for whole seconds: 30s, 1m30s, 1h0m0s. */
function goDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return `${hours}h${minutes}m${rest}s`;
  if (minutes > 0) return `${minutes}m${rest}s`;
  return `${rest}s`;
}

const triggerError = (id: string, message: string) => new MmError(400, `interactive_message.decode_trigger_id.${id}`, message);

export function verifyTriggerId(ctx: SimContext, triggerId: string): {clientTriggerId: string; userId: string} {
  if (!STRICT_BASE64.test(triggerId)) throw triggerError('base64_decode_failed', 'Failed to decode base64 for trigger ID for interactive dialog.');
  const parts = Buffer.from(triggerId, 'base64').toString('utf8').split(':');
  if (parts.length !== 4) throw triggerError('missing_data', 'Trigger ID missing required data for interactive dialog.');
  const [clientTriggerId = '', userId = '', timestampText = '', signature = ''] = parts;
  // strconv.ParseInt errors are ignored in Go: a bad timestamp counts as 0 (long expired).
  const issuedAt = /^-?\d+$/.test(timestampText) ? Number(timestampText) : 0;
  const timeoutSeconds = ctx.config.ServiceSettings.OutgoingIntegrationRequestsTimeout;
  if (ctx.now() - issuedAt > timeoutSeconds * 1000) {
    throw triggerError('expired', `Trigger ID for interactive dialog is expired. Trigger IDs live for a maximum of ${goDuration(timeoutSeconds)}.`);
  }
  if (!STRICT_BASE64.test(signature)) throw triggerError('base64_decode_failed_signature', 'Failed to decode base64 signature of trigger ID for interactive dialog.');
  const triggerData = `${clientTriggerId}:${userId}:${timestampText}:`;
  if (signature !== sign(ctx, triggerData) || !ctx.store.triggers.has(triggerId)) {
    throw triggerError('verify_signature_failed', 'Signature verification failed of trigger ID for interactive dialog.');
  }
  return {clientTriggerId, userId};
}
