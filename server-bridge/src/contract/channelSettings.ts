import * as z from 'zod';
import {channelId, userId} from './fields';
import {mustBe, strictRequest} from './messages';

// A channel's Baton settings: members read them, channel admins change them.

const prefixRule = mustBe('1–10 characters: a capital letter A–Z, then capital letters or digits, e.g. PAT');
/** The prefix rule of migration 0002 (task_key_sequences.prefix). */
export const keyPrefix = z.string(prefixRule).regex(/^[A-Z][A-Z0-9]{0,9}$/, prefixRule);

const onOff = z.boolean(mustBe('true or false'));
const handoffsMeaning = 'Post a short line in the channel whenever one of its tasks changes hands (workflow baton passes and run completions included). Default false.';
const excludeGuestsMeaning =
  'Keep those lines from the channel’s guests: while the channel has guest members, each other member gets the line as an ephemeral post (seen once, in the open channel) instead of a channel post. Default false.';

const mayCreateTasksMeaning = 'The channel’s guests may create tasks in it (they always see its tasks, comment, and move tasks they created or hold). Default false.';
const triageHolderMeaning = 'Who holds the tasks the channel’s web intakes create (and is told of each): a member of the channel who is not a guest; null: nobody.';

export const channelSettingsSchema = z.object({
  channelId,
  keyPrefix: keyPrefix.nullable().meta({description: 'Prefix of the channel’s task keys (PAT in PAT-12); null until the first task, which derives it from the channel name.'}),
  notices: z.object({handoffs: onOff.meta({description: handoffsMeaning}), excludeGuests: onOff.meta({description: excludeGuestsMeaning})}),
  guests: z.object({mayCreateTasks: onOff.meta({description: mayCreateTasksMeaning})}),
  triageHolderId: userId.nullable().meta({description: triageHolderMeaning}),
});

export const channelSettingsPatchSchema = z.strictObject({
  keyPrefix: keyPrefix.optional().meta({description: 'Renames every task key of the channel (PATENT-12 → PAT-12); old keys keep working. A prefix any channel or person has used before is refused with 409.'}),
  notices: strictRequest({handoffs: onOff.optional().meta({description: handoffsMeaning}), excludeGuests: onOff.optional().meta({description: excludeGuestsMeaning})})
    .optional()
    .meta({description: 'The channel’s handoff notices; only the switches given change.'}),
  guests: strictRequest({mayCreateTasks: onOff.optional().meta({description: mayCreateTasksMeaning})})
    .optional()
    .meta({description: 'What the channel’s guests may do; only the switches given change.'}),
  triageHolderId: userId.nullable().optional().meta({description: triageHolderMeaning}),
});

export type ChannelSettingsBody = z.infer<typeof channelSettingsSchema>;
export type ChannelSettingsPatch = z.infer<typeof channelSettingsPatchSchema>;
