import {z} from 'zod';
import {channelId} from './fields';
import {mustBe} from './messages';

// A channel's Baton settings: members read them, channel admins change them.

const prefixRule = mustBe('1–10 characters: a capital letter A–Z, then capital letters or digits, e.g. PAT');
/** The prefix rule of migration 0002 (task_key_sequences.prefix). */
export const keyPrefix = z.string(prefixRule).regex(/^[A-Z][A-Z0-9]{0,9}$/, prefixRule);

export const channelSettingsSchema = z.object({
  channelId,
  keyPrefix: keyPrefix.nullable().meta({description: 'Prefix of the channel’s task keys (PAT in PAT-12); null until the first task, which derives it from the channel name.'}),
});

export const channelSettingsPatchSchema = z.strictObject({
  keyPrefix: keyPrefix.optional().meta({description: 'Renames every task key of the channel (PATENT-12 → PAT-12); old keys keep working. A prefix any channel or person has used before is refused with 409.'}),
});

export type ChannelSettingsBody = z.infer<typeof channelSettingsSchema>;
export type ChannelSettingsPatch = z.infer<typeof channelSettingsPatchSchema>;
