import * as z from 'zod';
import {deadlineKind, hasDuplicates, userId, utcInstant} from './fields';
import {mustBe, strictRequest} from './messages';

// A person's own Baton settings: when their daily digest arrives, whether
// they get the weekly summary, how far ahead "due soon" looks and which
// deadline kinds never send them reminders. Each person reads and changes
// only their own (GET/PATCH /api/v1/me/settings).

/** `HH:mm`, 24-hour, as the `user_settings.digest_time` check constraint. */
export const LOCAL_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const digestTimeRule = mustBe('a local time HH:mm from 00:00 to 23:59, e.g. 09:00');
export const digestTime = z.string(digestTimeRule).regex(LOCAL_TIME, digestTimeRule);

export const DUE_SOON_DAYS_MAX = 30;
const dueSoonRule = mustBe(`a whole number of business days from 0 to ${DUE_SOON_DAYS_MAX}`);
export const dueSoonDays = z.int(dueSoonRule).min(0, dueSoonRule).max(DUE_SOON_DAYS_MAX, dueSoonRule);

export const MUTED_KINDS_MAX = 20;
const mutedRule = mustBe(`a list of at most ${MUTED_KINDS_MAX} deadline kinds, e.g. ["internal"]`);
export const mutedDeadlineKinds = z
  .array(deadlineKind, mutedRule)
  .max(MUTED_KINDS_MAX, mutedRule)
  .refine((kinds) => !hasDuplicates(kinds), {error: 'must name each deadline kind at most once'});

const onOff = mustBe('true or false');

const descriptions = {
  digestTime: 'When the daily digest (and the weekly summary, and deadline reminders) arrive, in your Mattermost time zone, on business days.',
  digestEnabled: 'Whether you get the daily digest: what is overdue, due today, due soon, and what you are waiting on.',
  weeklySummary: 'Whether you get a weekly summary on the first business day of each week.',
  dueSoonDays: 'How many business days ahead the digest’s “due soon” section looks; 0 leaves it out.',
  mutedDeadlineKinds: 'Deadline kinds that send you no reminders (the digest still lists them).',
  requireAcceptance: 'Whether tasks handed to you must be accepted explicitly before the sender stops waiting on you.',
};

export const userSettingsSchema = z.object({
  userId,
  digestTime: digestTime.meta({description: descriptions.digestTime}),
  digestEnabled: z.boolean().meta({description: descriptions.digestEnabled}),
  weeklySummary: z.boolean().meta({description: descriptions.weeklySummary}),
  dueSoonDays: dueSoonDays.meta({description: descriptions.dueSoonDays}),
  mutedDeadlineKinds: mutedDeadlineKinds.meta({description: descriptions.mutedDeadlineKinds}),
  requireAcceptance: z.boolean().meta({description: descriptions.requireAcceptance}),
  updatedAt: utcInstant.nullable().meta({description: 'When you last changed them; null while every setting is its default.'}),
});

/** Fields left out stay as they are. */
export const userSettingsPatchSchema = strictRequest({
  digestTime: digestTime.optional().meta({description: descriptions.digestTime}),
  digestEnabled: z.boolean(onOff).optional().meta({description: descriptions.digestEnabled}),
  weeklySummary: z.boolean(onOff).optional().meta({description: descriptions.weeklySummary}),
  dueSoonDays: dueSoonDays.optional().meta({description: descriptions.dueSoonDays}),
  mutedDeadlineKinds: mutedDeadlineKinds.optional().meta({description: descriptions.mutedDeadlineKinds}),
  requireAcceptance: z.boolean(onOff).optional().meta({description: descriptions.requireAcceptance}),
});

export type UserSettingsBody = z.infer<typeof userSettingsSchema>;
export type UserSettingsPatch = z.infer<typeof userSettingsPatchSchema>;
