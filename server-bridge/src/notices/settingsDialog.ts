import type {DialogRequest} from '../commands/taskCommand';
import {formatSettingsSummary} from '../commands/settingsSummary';
import {BUILT_IN_DEADLINE_KINDS} from '../contract/fields';
import {digestTime, mutedDeadlineKinds} from '../contract/userSettings';
import type {UserSettingsService} from '../domain/reminders/userSettings';
import {AppError} from '../errors';
import {errorText} from '../i18n/errorText';
import {translatorFor} from '../i18n/translate';
import type {BotInteractions, DialogDefinition} from '../mattermost/interactions';
import {commandDialogKind, type DialogKitDeps, openBatonDialog, spendSubmission, submittedBool} from './dialogKit';
import {type DialogAnswer, type DialogSubmission, submittedText} from './handoffActions';

// The reminder settings dialog `/task settings` opens when typed alone: the
// mobile app's form for what `/task settings digest 08:30` and its siblings
// change one at a time. It opens with the current values; a wrong field keeps
// it open with the message under that field, and a good submission saves
// every field at once and answers with the settings as they are now.

export const SETTINGS_DIALOG = 'settings';
const dialogKind = commandDialogKind(SETTINGS_DIALOG);

export interface SettingsDialogDeps extends DialogKitDeps {
  settings: Pick<UserSettingsService, 'get' | 'update'>;
  interactions: Pick<BotInteractions, 'openDialog' | 'sendEphemeral' | 'person'>;
}

/** The muted-kinds field: comma- or space-separated, any case, each kind once. */
function mutedKindsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean).map((kind) => kind.toLowerCase()))];
}

export function createSettingsDialog(deps: SettingsDialogDeps) {
  return {
    async open({triggerId, userId, channelId}: DialogRequest): Promise<void> {
      const t = translatorFor(await deps.locale(userId));
      const current = await deps.settings.get({userId, guest: false});
      const bool = (name: string, label: 'digest_enabled' | 'weekly' | 'acceptance', value: boolean) =>
        // Optional: Mattermost refuses an unticked required bool.
        ({display_name: t(`dialog.settings.${label}`), name, type: 'bool', optional: true, default: String(value), placeholder: t(`dialog.settings.${label}_placeholder`)});
      const elements: DialogDefinition['elements'] = [
        {display_name: t('dialog.settings.digest_time'), name: 'digest_time', type: 'text', default: current.digestTime, max_length: 5, placeholder: '09:00', help_text: t('dialog.settings.digest_time_help')},
        bool('digest_enabled', 'digest_enabled', current.digestEnabled),
        bool('weekly_summary', 'weekly', current.weeklySummary),
        {
          display_name: t('dialog.settings.muted'),
          name: 'muted',
          // A textarea: up to 20 kinds of 32 characters do not fit a text element's 150-byte default.
          type: 'textarea',
          optional: true,
          default: current.mutedDeadlineKinds.join(', '),
          max_length: 1000,
          help_text: t('dialog.settings.muted_help', {kinds: BUILT_IN_DEADLINE_KINDS.join(', ')}),
        },
        bool('require_acceptance', 'acceptance', current.requireAcceptance),
      ];
      await openBatonDialog(deps, {triggerId, kind: SETTINGS_DIALOG, payload: {u: userId, c: channelId}, title: t('dialog.settings.title'), elements, submitLabel: t('dialog.settings.submit')});
    },

    owns: dialogKind.owns,

    async submit(submission: DialogSubmission): Promise<DialogAnswer> {
      const verified = await dialogKind.receive(deps, submission);
      if (!verified.ok) return verified.answer;
      const {t, payload: {userId, channelId}} = verified;
      const time = digestTime.safeParse(submittedText(submission, 'digest_time'));
      const muted = mutedDeadlineKinds.safeParse(mutedKindsOf(submittedText(submission, 'muted')));
      const found: Record<string, string> = {};
      if (!time.success) found.digest_time = t('dialog.settings.bad_time');
      if (!muted.success) found.muted = t('dialog.settings.bad_muted');
      if (!time.success || !muted.success) return {errors: found};
      try {
        const caller = await spendSubmission(deps, userId, verified);
        if (!caller) return {error: t('action.used')};
        const saved = await deps.settings.update(caller, {
          digestTime: time.data,
          digestEnabled: submittedBool(submission, 'digest_enabled'),
          weeklySummary: submittedBool(submission, 'weekly_summary'),
          mutedDeadlineKinds: muted.data,
          requireAcceptance: submittedBool(submission, 'require_acceptance'),
        });
        await deps.interactions.sendEphemeral(userId, channelId, formatSettingsSummary(saved, t));
        return {};
      } catch (error) {
        if (error instanceof AppError) return {error: errorText(error, t)};
        throw error;
      }
    },
  };
}

export type SettingsDialog = ReturnType<typeof createSettingsDialog>;
