import {errors} from '../../errors';
import {keyScope} from '../tasks/keyPrefix';
import type {ChannelAccess, Clock, TaskStore} from '../tasks/ports';
import type {Caller} from '../tasks/task';
import type {ChannelNoticeSettings, ChannelRoleSettings} from './ports';

// A channel's Baton settings. Members read them; channel admins (and system
// admins) change them, as in Mattermost's own channel settings: the task key
// prefix, the channel's handoff notices (a line in the channel for every
// handoff of its tasks, optionally kept from its guests), whether its guests
// may create tasks, and the triage holder who gets what its web intakes
// bring in.

export interface ChannelSettings {
  channelId: string;
  /** The channel's key prefix; null until its first task or a choice (then derived from the channel name). */
  keyPrefix: string | null;
  notices: ChannelNoticeSettings;
  guests: ChannelRoleSettings['guests'];
  triageHolderId: string | null;
}

export interface ChannelSettingsChanges {
  keyPrefix?: string;
  /** Only the given switches change. */
  notices?: Partial<ChannelNoticeSettings>;
  guests?: Partial<ChannelRoleSettings['guests']>;
  /** Null: nobody. */
  triageHolderId?: string | null;
}

export interface ChannelSettingsServiceDeps {
  store: TaskStore;
  access: ChannelAccess;
  clock: Clock;
}

export type ChannelSettingsService = ReturnType<typeof createChannelSettingsService>;

export function createChannelSettingsService({store, access, clock}: ChannelSettingsServiceDeps) {
  /** Members may read; channel and system admins may also change (Mattermost lets system admins manage any channel). */
  async function authorize(caller: Caller, channelId: string, change: boolean): Promise<void> {
    const member = await access.isMember(caller.userId, channelId);
    const manager = !caller.guest && (change || !member) && (await access.canManageChannel(caller.userId, channelId));
    // Neither: the channel's existence is not revealed.
    if (!member && !manager) throw errors.notFound('Channel');
    if (change && !manager) {
      throw errors.forbidden('channel_settings', 'Only a channel admin of this channel (or a system admin) can change its Baton settings.');
    }
  }

  async function read(channelId: string, reads: Pick<TaskStore, 'keyPrefix' | 'channels'> = store): Promise<ChannelSettings> {
    const roles = await reads.channels.channelRoles(channelId);
    return {
      channelId,
      keyPrefix: (await reads.keyPrefix(keyScope(channelId, ''))) ?? null,
      notices: await reads.channels.channelNotices(channelId),
      guests: roles.guests,
      triageHolderId: roles.triageHolderId,
    };
  }

  /** Web intake tasks go to the triage holder, so it must be someone who may hold any task of the channel. */
  async function requireTriageHolder(channelId: string, userId: string): Promise<void> {
    if (!(await access.isMember(userId, channelId)) || (await access.isGuest(userId))) {
      throw errors.invalid('triage_holder', 'The triage holder must be a member of the channel who is not a guest.', {field: 'triageHolderId'});
    }
  }

  return {
    async get(caller: Caller, channelId: string): Promise<ChannelSettings> {
      await authorize(caller, channelId, false);
      return read(channelId);
    },

    async update(caller: Caller, channelId: string, changes: ChannelSettingsChanges): Promise<ChannelSettings> {
      await authorize(caller, channelId, true);
      if (changes.triageHolderId) await requireTriageHolder(channelId, changes.triageHolderId);
      const by = {actorId: caller.userId, at: clock.now()};
      // One transaction: a refused prefix leaves the notices unchanged too.
      await store.transaction(async (tx) => {
        const before = await read(channelId, tx);
        if (changes.keyPrefix !== undefined) {
          const outcome = await tx.changeKeyPrefix(keyScope(channelId, ''), changes.keyPrefix, by);
          if (outcome === 'taken') {
            throw errors.conflict('key_prefix', `The key prefix ${changes.keyPrefix} is (or was) used by another channel or person; choose another.`, {field: 'keyPrefix'});
          }
        }
        if (changes.notices !== undefined) {
          const current = await tx.channels.channelNotices(channelId);
          await tx.channels.setChannelNotices(channelId, {...current, ...changes.notices}, by);
        }
        if (changes.guests !== undefined || changes.triageHolderId !== undefined) {
          const current = await tx.channels.channelRoles(channelId);
          await tx.channels.setChannelRoles(
            channelId,
            {guests: {...current.guests, ...changes.guests}, triageHolderId: changes.triageHolderId === undefined ? current.triageHolderId : changes.triageHolderId},
            by,
          );
        }
        await tx.audit.record({at: by.at, actor: caller, action: 'channel_settings.updated', entity: {type: 'channel_settings', id: channelId}, before, after: await read(channelId, tx)});
      });
      return read(channelId);
    },
  };
}
