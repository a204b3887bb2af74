import {describeZodIssues} from '../../contract/errors';
import {type UserSettingsPatch, userSettingsPatchSchema} from '../../contract/userSettings';
import {errors} from '../../errors';
import type {Clock} from '../tasks/ports';
import type {Caller} from '../tasks/task';

// A person's own settings for what Baton sends them by the clock (digests,
// the weekly summary, deadline reminders). Everyone has settings: someone who
// never changed any has the defaults, and no row until their first change.

export interface UserSettings {
  /** `HH:mm` in the person's Mattermost time zone. */
  digestTime: string;
  digestEnabled: boolean;
  weeklySummary: boolean;
  /** Business days the digest's "due soon" section looks ahead; 0 leaves it out. */
  dueSoonDays: number;
  /** Deadline kinds that send no reminders to this person. */
  mutedDeadlineKinds: string[];
  requireAcceptance: boolean;
}

export interface StoredUserSettings extends UserSettings {
  userId: string;
  /** Null while the person has never changed anything. */
  updatedAt: Date | null;
}

/** The same defaults as migration 0007's column defaults. */
export const DEFAULT_USER_SETTINGS: Readonly<UserSettings> = Object.freeze({
  digestTime: '09:00',
  digestEnabled: true,
  weeklySummary: true,
  dueSoonDays: 3,
  mutedDeadlineKinds: [],
  requireAcceptance: false,
});

export type UserSettingsChanges = Partial<UserSettings>;

export interface UserSettingsStore {
  /** The stored settings of each user that has a row; users without one are left out. */
  findMany(userIds: readonly string[]): Promise<Map<string, StoredUserSettings>>;
  /** Creates the row (defaults for what is not given) or changes the given fields; the audit log records it in the same transaction. */
  save(actor: Caller, changes: UserSettingsChanges, at: Date): Promise<StoredUserSettings>;
}

export function withDefaults(userId: string, stored: StoredUserSettings | undefined): StoredUserSettings {
  return stored ?? {userId, ...DEFAULT_USER_SETTINGS, mutedDeadlineKinds: [], updatedAt: null};
}

export interface UserSettingsServiceDeps {
  store: UserSettingsStore;
  clock: Clock;
}

export type UserSettingsService = ReturnType<typeof createUserSettingsService>;

export function createUserSettingsService({store, clock}: UserSettingsServiceDeps) {
  async function read(userId: string): Promise<StoredUserSettings> {
    return withDefaults(userId, (await store.findMany([userId])).get(userId));
  }

  return {
    /** The caller's own settings (there is no way to read someone else's). */
    async get(caller: Caller): Promise<StoredUserSettings> {
      return read(caller.userId);
    },

    /**
     * Changes the caller's own settings. The contract's rules are checked
     * here too, so every way in (REST, a future command) refuses the same
     * values with the same message naming the field.
     */
    async update(caller: Caller, changes: UserSettingsPatch): Promise<StoredUserSettings> {
      const checked = userSettingsPatchSchema.safeParse(changes);
      if (!checked.success) throw errors.invalidRequest(describeZodIssues(checked.error));
      const given = Object.fromEntries(Object.entries(checked.data).filter(([, value]) => value !== undefined)) as UserSettingsChanges;
      // Nothing to change: no row is created just for asking.
      if (Object.keys(given).length === 0) return read(caller.userId);
      return store.save(caller, given, clock.now());
    },
  };
}
