import {createHash, randomBytes, timingSafeEqual} from 'node:crypto';
import {describeZodIssues} from '../../contract';
import {INTAKE_TOKEN_PATTERN, intakeSubmissionSchema} from '../../contract/intake';
import {errors} from '../../errors';
import type {ChannelSettingsReads} from '../channels/ports';
import type {ChannelAccess, Clock} from '../tasks/ports';
import type {Caller, Task, TaskDraft} from '../tasks/task';
import type {BotIdentity} from '../tokens/ports';
import {intakeDescription} from './intakeDescription';
import type {IntakeEndpoint, IntakeStore} from './ports';

// Web intake (DESIGN.md "Identity"): a channel admin makes a public form
// endpoint for the channel; each submission becomes a task of the channel,
// created by the Baton bot on the intake's behalf (the audit log's source is
// `intake`), held by the channel's triage holder — who is told as for any
// task made for them — with the submitter as its external contact.
//
// What a stranger can learn is kept to nothing: an unknown and a revoked
// token both get the same 404, the token is compared by its hash (a lookup
// on a 256-bit value, not a secret comparison), the shared secret in
// constant time, and a filled honeypot is answered like a success.

export interface IntakeServiceDeps {
  store: IntakeStore;
  access: Pick<ChannelAccess, 'canManageChannel' | 'isMember' | 'channelName'>;
  channels: Pick<ChannelSettingsReads, 'channelRoles'>;
  bot: BotIdentity;
  /** Creates the task as the intake's caller, with the usual rules and notices (wiring: a task service on which the bot belongs to that one channel). */
  createTask(caller: Caller, draft: TaskDraft): Promise<Task>;
  clock: Clock;
  randomBytes?: (size: number) => Buffer;
}

export interface NewIntake {
  name: string;
  sharedSecret?: boolean | undefined;
  honeypotField?: string | null | undefined;
}

export type IntakeService = ReturnType<typeof createIntakeService>;

const SUBMISSION_FIELDS = new Set(['name', 'email', 'subject', 'body']);

export function createIntakeService({store, access, channels, bot, createTask, clock, randomBytes: random = randomBytes}: IntakeServiceDeps) {
  /** Channel admins of the channel and system admins, from their own session; anyone else learns nothing about the channel's intakes. */
  async function requireChannelAdmin(caller: Caller, channelId: string): Promise<void> {
    if (caller.via) throw errors.forbidden('token_intake', 'Web intakes are managed by people: a channel admin, from their own session.');
    if (caller.guest || !(await access.canManageChannel(caller.userId, channelId))) {
      if (!caller.guest && (await access.isMember(caller.userId, channelId))) {
        throw errors.forbidden('intake_admin', 'Only a channel admin of this channel (or a system admin) can manage its web intakes.');
      }
      throw errors.notFound('Channel');
    }
  }

  function endpointNotFound() {
    return errors.notFound('Intake');
  }

  return {
    /** The new endpoint, its URL path and (when asked for) its shared secret: both shown once. */
    async create(caller: Caller, channelId: string, input: NewIntake): Promise<{endpoint: IntakeEndpoint; token: string; secret: string | null}> {
      await requireChannelAdmin(caller, channelId);
      const token = random(32).toString('base64url');
      const secret = input.sharedSecret ? random(32).toString('base64url') : null;
      const endpoint: IntakeEndpoint = {
        id: random(8).toString('hex'),
        channelId,
        name: input.name.trim(),
        tokenHash: hashOf(token),
        secretHash: secret ? hashOf(secret) : null,
        honeypotField: input.honeypotField ?? null,
        createdBy: caller.userId,
        createdAt: clock.now(),
        revokedAt: null,
        submissions: 0,
        spamCaught: 0,
        lastSubmissionAt: null,
      };
      await store.transaction(async (tx) => {
        await tx.intakes.insertEndpoint(endpoint);
        await tx.audit.record({at: endpoint.createdAt, actor: caller, action: 'intake.created', entity: {type: 'intake', id: endpoint.id}, before: null, after: auditView(endpoint)});
      });
      return {endpoint, token, secret};
    },

    async list(caller: Caller, channelId: string): Promise<IntakeEndpoint[]> {
      await requireChannelAdmin(caller, channelId);
      return store.listEndpoints(channelId);
    },

    /** It stops accepting at once; revoking again changes nothing. */
    async revoke(caller: Caller, channelId: string, intakeId: string): Promise<IntakeEndpoint> {
      await requireChannelAdmin(caller, channelId);
      const at = clock.now();
      return store.transaction(async (tx) => {
        const revoked = await tx.intakes.revokeEndpoint(channelId, intakeId, at);
        if (!revoked) throw endpointNotFound();
        if (revoked.revokedAt?.getTime() === at.getTime()) {
          await tx.audit.record({at, actor: caller, action: 'intake.revoked', entity: {type: 'intake', id: revoked.id}, before: auditView({...revoked, revokedAt: null}), after: auditView(revoked)});
        }
        return revoked;
      });
    },

    /**
     * A web form's submission. `created`: the task was made; `discarded`: the
     * honeypot was filled (answered the same way, nothing made).
     */
    async submit(token: string, request: {secret: string | undefined; form: unknown}): Promise<{outcome: 'created' | 'discarded'}> {
      const endpoint = INTAKE_TOKEN_PATTERN.test(token) ? await store.findByTokenHash(hashOf(token)) : undefined;
      if (!endpoint || endpoint.revokedAt) throw endpointNotFound();
      if (endpoint.secretHash && !secretMatches(endpoint.secretHash, request.secret)) {
        throw errors.forbidden('intake_secret', 'This form needs the right X-Baton-Intake-Secret header.');
      }
      const form = request.form;
      if (form === null || typeof form !== 'object' || Array.isArray(form)) {
        throw errors.invalidRequest([{field: 'body', message: 'must be a JSON object or a form (application/x-www-form-urlencoded) with name, email and subject'}]);
      }
      const fields = form as Record<string, unknown>;
      const now = clock.now();
      // Before validation: a bot's submission is never told what it got wrong.
      if (endpoint.honeypotField && isFilled(fields[endpoint.honeypotField])) {
        await store.countSubmission(endpoint.id, 'spam', now);
        return {outcome: 'discarded'};
      }
      const {[endpoint.honeypotField ?? '']: _honeypot, ...visible} = fields;
      const parsed = intakeSubmissionSchema.safeParse(visible);
      if (!parsed.success) throw errors.invalidRequest(describeZodIssues(parsed.error, 'body'));
      const submission = parsed.data;
      const extras = Object.entries(submission).filter((entry): entry is [string, string] => !SUBMISSION_FIELDS.has(entry[0]) && typeof entry[1] === 'string');
      const botUserId = await bot.botUserId();
      if (!botUserId) throw errors.notReady('Baton is not connected to Mattermost yet');
      const caller: Caller = {userId: botUserId, guest: false, via: {kind: 'intake', channelId: endpoint.channelId}};
      const {triageHolderId} = await channels.channelRoles(endpoint.channelId);
      // A triage holder who has since left the channel cannot hold its tasks: the task waits unheld instead of being lost.
      const holderId = triageHolderId && (await access.isMember(triageHolderId, endpoint.channelId)) ? triageHolderId : null;
      await createTask(caller, {
        title: submission.subject,
        description: intakeDescription(submission.body, extras),
        channelId: endpoint.channelId,
        holderId,
        externalContact: {name: submission.name, email: submission.email},
      });
      await store.countSubmission(endpoint.id, 'created', now);
      return {outcome: 'created'};
    },
  };
}

function hashOf(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

function secretMatches(expectedHash: string, given: string | undefined): boolean {
  // Hashes of equal length, so the comparison takes the same time whatever was sent.
  return timingSafeEqual(Buffer.from(expectedHash, 'hex'), Buffer.from(hashOf(given ?? ''), 'hex')) && given !== undefined;
}

function isFilled(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(isFilled);
  return value !== undefined && value !== null && String(value).trim() !== '';
}

/** What the audit log keeps of an endpoint: never the hashes. */
function auditView(endpoint: IntakeEndpoint) {
  return {
    id: endpoint.id,
    channelId: endpoint.channelId,
    name: endpoint.name,
    sharedSecret: endpoint.secretHash !== null,
    honeypotField: endpoint.honeypotField,
    revokedAt: endpoint.revokedAt,
  };
}
