import type {UserSettingsBody} from '../../contract';
import type {StoredUserSettings} from '../../domain/reminders/userSettings';

/** A person's settings as GET/PATCH /api/v1/me/settings return them. */
export function presentUserSettings(settings: StoredUserSettings): UserSettingsBody {
  return {
    userId: settings.userId,
    digestTime: settings.digestTime,
    digestEnabled: settings.digestEnabled,
    weeklySummary: settings.weeklySummary,
    dueSoonDays: settings.dueSoonDays,
    mutedDeadlineKinds: [...settings.mutedDeadlineKinds],
    requireAcceptance: settings.requireAcceptance,
    updatedAt: settings.updatedAt?.toISOString() ?? null,
  };
}
