// The settings form's values, read from the person's settings, and the patch
// they make: only what differs from the settings as last saved, checked with
// the contract's userSettingsPatchSchema (each issue at its field). Deadline
// kinds muted some other way (`/task settings mute <custom kind>`) are kept:
// the form offers boxes for the built-in kinds only.
import {describeZodIssues, userSettingsPatchSchema} from '../api/contract';
import type {UserSettingsBody, UserSettingsPatch} from '../api/contract';
import type {FieldMessage} from '../rhs/formParts';

export const mutableKinds = ['legal', 'customer', 'internal'] as const;
export type MutableKind = (typeof mutableKinds)[number];

export type SettingsValues = {
  digestTime: string;
  digestEnabled: boolean;
  weeklySummary: boolean;
  /** As typed in the number input. */
  dueSoonDays: string;
  muted: Record<MutableKind, boolean>;
  requireAcceptance: boolean;
};

/** Field (the patch's names; `form` for the whole form) → message. */
export type SettingsErrors = Record<string, FieldMessage>;

export function valuesOf(settings: UserSettingsBody): SettingsValues {
  const muted = new Set(settings.mutedDeadlineKinds);
  return {
    digestTime: settings.digestTime,
    digestEnabled: settings.digestEnabled,
    weeklySummary: settings.weeklySummary,
    dueSoonDays: String(settings.dueSoonDays),
    muted: {legal: muted.has('legal'), customer: muted.has('customer'), internal: muted.has('internal')},
    requireAcceptance: settings.requireAcceptance,
  };
}

// Written out as {id: '...'} so the catalog test sees every id in use.
const fieldMessages: Record<string, {id: string}> = {
  digestTime: {id: 'baton.settings.error.digest_time'},
  dueSoonDays: {id: 'baton.settings.error.due_soon'},
};

const sameKinds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((kind) => b.includes(kind));

export type SettingsCheck = {ok: true; patch: UserSettingsPatch} | {ok: false; errors: SettingsErrors};

export function settingsPatch(values: SettingsValues, saved: UserSettingsBody): SettingsCheck {
  const days = /^\d+$/.test(values.dueSoonDays.trim()) ? Number(values.dueSoonDays.trim()) : Number.NaN;
  const others = saved.mutedDeadlineKinds.filter((kind) => !(mutableKinds as readonly string[]).includes(kind));
  const muted = [...others, ...mutableKinds.filter((kind) => values.muted[kind])];
  const patch: Record<string, unknown> = {};
  const changed = <Key extends keyof UserSettingsPatch>(key: Key, value: unknown, same: boolean) => {
    if (!same) {
      patch[key] = value;
    }
  };
  changed('digestTime', values.digestTime, values.digestTime === saved.digestTime);
  changed('digestEnabled', values.digestEnabled, values.digestEnabled === saved.digestEnabled);
  changed('weeklySummary', values.weeklySummary, values.weeklySummary === saved.weeklySummary);
  changed('dueSoonDays', days, days === saved.dueSoonDays);
  changed('mutedDeadlineKinds', muted, sameKinds(muted, saved.mutedDeadlineKinds));
  changed('requireAcceptance', values.requireAcceptance, values.requireAcceptance === saved.requireAcceptance);
  const parsed = userSettingsPatchSchema.safeParse(patch);
  if (parsed.success) {
    return {ok: true, patch: parsed.data};
  }
  const errors: SettingsErrors = {};
  for (const issue of describeZodIssues(parsed.error)) {
    const field = issue.field.split('.')[0] ?? 'form';
    errors[field] ??= fieldMessages[field] ?? {text: issue.message};
  }
  return {ok: false, errors};
}
