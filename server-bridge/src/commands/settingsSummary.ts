import type {UserSettings} from '../domain/reminders/userSettings';
import type {Translate} from '../i18n/translate';

// A person's reminder settings as `/task settings` shows them, and as the
// settings dialog confirms them after a change.

export function formatSettingsSummary(settings: Pick<UserSettings, 'digestTime' | 'digestEnabled' | 'weeklySummary' | 'mutedDeadlineKinds' | 'requireAcceptance'>, t: Translate): string {
  const onOff = (value: boolean) => t(value ? 'command.settings.on' : 'command.settings.off');
  return [
    `#### ${t('command.settings.title')}`,
    `- ${t('command.settings.digest', {time: settings.digestTime, state: onOff(settings.digestEnabled)})}`,
    `- ${t('command.settings.weekly', {state: onOff(settings.weeklySummary)})}`,
    `- ${t('command.settings.muted', {kinds: settings.mutedDeadlineKinds.join(', ') || '—'})}`,
    `- ${t('command.settings.acceptance', {state: onOff(settings.requireAcceptance)})}`,
  ].join('\n');
}
