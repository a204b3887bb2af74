import Holidays from 'date-holidays';
import type {HolidaysTypes} from 'date-holidays';
import {errors} from '../../errors';
import {type CalendarDate, addDays} from './calendarDate';

// Public holidays of one country, from the `date-holidays` rule data (which
// knows Japan's substitute holidays 振替休日 and citizens' holidays 国民の休日,
// lunar holidays such as Taiwan's Lunar New Year, multi-day holidays such as
// Russia's New Year break, and US federal holidays with their observed days).
//
// Only type `public` counts as a day off. The other types do not close a
// business: `bank` (Japan's Jan 2–3 and Dec 31: banks close, firms decide for
// themselves), `optional` (US Christmas Eve: employees may take it),
// `school`, and `observance` (Valentine's Day, Halloween). An organisation
// that also closes on such days lists them as closed days.
//
// date-holidays 3.37.0 (engines: node >= 12) is plain JavaScript with a
// CommonJS entry (`require` → lib/index.cjs), so it loads in this CommonJS
// service on Node 20 and later without ESM interop.
//
// Computing one year of holidays takes ~20 ms, so each year is computed once
// per language and kept; a loop over days then costs a map lookup per day.

export interface PublicHolidays {
  /** ISO 3166-1 alpha-2, upper case, e.g. `JP`. */
  readonly country: string;
  isPublicHoliday(date: CalendarDate): boolean;
  /** The holiday's name, in `locale`'s language when the data has it, else in the country's own. */
  holidayName(date: CalendarDate, locale?: string): string | undefined;
}

const DAY_MS = 86_400_000;
const EXAMPLE_COUNTRIES = 'JP, US, TW, RU';

/** date-holidays spells some languages its own way (Japanese is `jp`, not `ja`). */
const LANGUAGE_ALIASES: Record<string, string> = {ja: 'jp'};

export function createPublicHolidays(countryCode: unknown): PublicHolidays {
  const country = requireKnownCountry(countryCode);
  const ownLanguage = new Holidays(country).getLanguages()[0] ?? 'en';
  // One date-holidays instance per language: its getHolidays(year, lang)
  // changes the instance's language as a side effect, so languages are fixed
  // at construction instead, with the country's own as the fallback.
  const sources = new Map<string, Holidays>();
  const rawByYear = new Map<string, HolidaysTypes.Holiday[]>();
  const namesByYear = new Map<string, Map<CalendarDate, string[]>>();

  function source(language: string): Holidays {
    let holidays = sources.get(language);
    if (!holidays) {
      holidays = new Holidays(country, {languages: [language, ownLanguage], types: ['public']});
      sources.set(language, holidays);
    }
    return holidays;
  }

  function publicHolidaysOf(year: number, language: string): HolidaysTypes.Holiday[] {
    const key = `${language}:${year}`;
    let list = rawByYear.get(key);
    if (!list) {
      list = source(language).getHolidays(year).filter((holiday) => holiday.type === 'public');
      rawByYear.set(key, list);
    }
    return list;
  }

  /** Names by date for one year; a holiday that began the year before (a New Year break) is included. */
  function namesOf(year: number, language: string): Map<CalendarDate, string[]> {
    const key = `${language}:${year}`;
    let names = namesByYear.get(key);
    if (names) return names;
    names = new Map();
    for (const holiday of [...publicHolidaysOf(year - 1, language), ...publicHolidaysOf(year, language)]) {
      for (const date of datesCovered(holiday)) {
        if (!date.startsWith(`${year}-`)) continue;
        names.set(date, [...(names.get(date) ?? []), holiday.name]);
      }
    }
    namesByYear.set(key, names);
    return names;
  }

  return {
    country,
    isPublicHoliday: (date) => namesOf(yearOf(date), ownLanguage).has(date),
    holidayName(date, locale) {
      const names = namesOf(yearOf(date), languageFor(locale, ownLanguage));
      const unique = [...new Set(names.get(date) ?? [])];
      return unique.length > 0 ? unique.join(' / ') : undefined;
    },
  };
}

function requireKnownCountry(value: unknown): string {
  const known = Object.keys(new Holidays().getCountries());
  const country = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (known.includes(country)) return country;
  throw errors.invalid(
    'calendar_country',
    `country must be an ISO 3166-1 alpha-2 code of a country with known public holidays, e.g. ${EXAMPLE_COUNTRIES}; got ${JSON.stringify(value)}.`,
    {field: 'country', allowed: known.join(', ')},
  );
}

/**
 * The local dates a holiday covers. `date` is the local start
 * (`YYYY-MM-DD hh:mm:ss`); most holidays last one day, some several (Russia's
 * New Year break is one entry of five days). Rounding to whole days absorbs a
 * daylight-saving hour inside the span.
 */
function datesCovered(holiday: HolidaysTypes.Holiday): CalendarDate[] {
  const first = holiday.date.slice(0, 10);
  const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
  return Array.from({length: days}, (_, offset) => addDays(first, offset));
}

function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/** `ja-JP` → `jp`, `en-US` → `en`; no locale → the country's own language. */
function languageFor(locale: string | undefined, ownLanguage: string): string {
  if (!locale) return ownLanguage;
  const primary = locale.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return LANGUAGE_ALIASES[primary] ?? (primary || ownLanguage);
}
