import {STATS_PERIODS} from '../contract/stats';

type StatsPeriodName = (typeof STATS_PERIODS)[number];

export type SettingsChange = {digestTime: string} | {digestEnabled: boolean} | {weeklySummary: boolean} | {mute: string} | {unmute: string};

const LOCAL_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const DEADLINE_KIND = /^[a-z][a-z0-9_]{0,31}$/;

// The `/task` language: one line of text → a typed command, or the usage of
// the subcommand that was meant. A typo is answered with the usage line and
// the closest real subcommand, never with a guess that does not exist.

export const SUBCOMMANDS = ['help', 'new', 'mine', 'waiting', 'channel', 'board', 'search', 'show', 'pass', 'accept', 'decline', 'done', 'due', 'comment', 'watch', 'unwatch', 'workflow', 'stats', 'settings'] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

/** Not in help and never suggested: the webapp runs it to get a bridge session (DESIGN.md "Identity" §2). */
export const HIDDEN_SUBCOMMAND = 'connect';

/** System admins' subcommand (API tokens for business systems): not in everyone's help, never suggested; `/task admin` alone shows its usage. */
export const ADMIN_SUBCOMMAND = 'admin';
const ADMIN_SCOPES = /^scopes:(\S+)$/i;
const ADMIN_CHANNELS = /^channels:(\S+)$/i;

/** The deadline kinds `/task new` takes as `<kind>:<date>`; `due:` is the internal deadline. */
export const NEW_TASK_DEADLINE_KINDS = ['internal', 'legal', 'customer'] as const;
export type NewTaskDeadlineKind = (typeof NEW_TASK_DEADLINE_KINDS)[number];
const NEW_TASK_OPTION = /^(due|internal|legal|customer|case):(.*)$/i;
const LABEL = /^#(\S+)$/;
/** `/task due <KEY> <kind> none` (or `clear`) removes that deadline. */
const NO_DATE = new Set(['none', 'clear']);

export type ParsedCommand =
  | {kind: 'help'}
  | {kind: 'mine'}
  | {kind: 'waiting'}
  /** Dates as typed (commands/dateInput.ts reads them in the caller's locale and zone); the case goes into the title, as for workflow runs. */
  | {kind: 'new'; title: string; holder: string | null; dates: Partial<Record<NewTaskDeadlineKind, string>>; labels: string[]; caseId: string | null}
  /** `/task new` alone: the new-task dialog. */
  | {kind: 'new_dialog'}
  | {kind: 'channel' | 'board' | 'connect'}
  /** `date: null` removes the deadline of that kind. */
  | {kind: 'due'; key: string; deadlineKind: string; date: string | null}
  | {kind: 'search'; query: string}
  | {kind: 'show' | 'accept' | 'watch' | 'unwatch'; key: string}
  | {kind: 'pass'; key: string; to: string; comment: string}
  | {kind: 'decline'; key: string; reason: string}
  | {kind: 'done'; key: string; next: string | null; comment: string}
  | {kind: 'comment'; key: string; text: string}
  | {kind: 'workflow_list'}
  /** Roles as `<role>:@user`; the case as `case:<id>`; the other words name the template. */
  /** `channel:new` asks for a private run channel with the run's people. */
  | {kind: 'workflow_start'; template: string; caseId: string | null; roles: Record<string, string>; runChannel: boolean}
  /** `/task workflow start` alone: the workflow-start dialog. */
  | {kind: 'workflow_start_dialog'}
  /** A person's figures (the caller's when no one is named) over a period (last_30_days when none is named). */
  | {kind: 'stats'; of: string | null; period: StatsPeriodName}
  /** Show the caller's reminder settings, or change one. */
  | {kind: 'settings'; change: SettingsChange | null}
  /** `/task admin tokens create <name> scopes:<a,b> [channels:~x,~y]`: scopes and channels as typed (checked when carried out); null channels: every channel. */
  | {kind: 'admin_tokens_create'; name: string; scopes: string[]; channels: string[] | null}
  | {kind: 'admin_tokens_list'}
  | {kind: 'admin_tokens_revoke'; id: string}
  /** `/task admin …` that does not fit: the admin usage. */
  | {kind: 'admin_usage'}
  /** A real subcommand with arguments that do not fit: answer with its usage. */
  | {kind: 'usage'; subcommand: Subcommand}
  | {kind: 'unknown'; subcommand: string; suggestion?: Subcommand};

/** `<role>:@user` in `/task workflow start` and in the workflow-start dialog's roles field. */
const ROLE_ASSIGNMENT = /^([a-z][a-z0-9_]{0,31}):@([a-z0-9._-]{1,64})$/i;

/** One `<role>:@user` word as [role, username] (both lower case), or undefined when the word is not one. */
export function parseRoleAssignment(word: string): [role: string, username: string] | undefined {
  const match = ROLE_ASSIGNMENT.exec(word);
  return match?.[1] && match[2] ? [match[1].toLowerCase(), match[2].toLowerCase()] : undefined;
}

/** A whole roles field (`attorney:@sato reviewer:@li`, commas allowed between): role → username, or the first word that is not an assignment. */
export function parseRoleAssignments(text: string): {ok: true; roles: Record<string, string>} | {ok: false; word: string} {
  const roles: Record<string, string> = {};
  for (const word of text.split(/[\s,]+/).filter(Boolean)) {
    const assignment = parseRoleAssignment(word);
    if (!assignment) return {ok: false, word};
    roles[assignment[0]] = assignment[1];
  }
  return {ok: true, roles};
}

const KEY = /^[A-Za-z][A-Za-z0-9]{0,9}-[1-9][0-9]{0,8}$/;
const MENTION = /^@([a-z0-9._-]{1,64})$/i;

export function parseTaskCommand(text: string): ParsedCommand {
  const words = new Words(text);
  const first = words.next() ?? '';
  const word = first.toLowerCase();
  if (word === '' || word === 'help') return {kind: 'help'};
  if (word === HIDDEN_SUBCOMMAND) return {kind: 'connect'};
  if (word === ADMIN_SUBCOMMAND) return parseAdmin(words);
  if (!(SUBCOMMANDS as readonly string[]).includes(word)) {
    const suggestion = closest(word, SUBCOMMANDS);
    return suggestion ? {kind: 'unknown', subcommand: first, suggestion} : {kind: 'unknown', subcommand: first};
  }
  const subcommand = word as Subcommand;
  const usage = {kind: 'usage', subcommand} as const;
  switch (subcommand) {
    case 'help':
      return {kind: 'help'};
    case 'settings': {
      const what = words.next()?.toLowerCase();
      const value = words.next()?.toLowerCase();
      if (words.rest() !== '') return usage;
      if (what === undefined) return {kind: 'settings', change: null};
      if (value === undefined) return usage;
      const onOff = value === 'on' ? true : value === 'off' ? false : undefined;
      if (what === 'digest' && LOCAL_TIME.test(value)) return {kind: 'settings', change: {digestTime: value}};
      if (what === 'digest' && onOff !== undefined) return {kind: 'settings', change: {digestEnabled: onOff}};
      if (what === 'weekly' && onOff !== undefined) return {kind: 'settings', change: {weeklySummary: onOff}};
      if ((what === 'mute' || what === 'unmute') && DEADLINE_KIND.test(value)) return {kind: 'settings', change: what === 'mute' ? {mute: value} : {unmute: value}};
      return usage;
    }
    case 'stats': {
      let of: string | null = null;
      let period: StatsPeriodName = 'last_30_days';
      for (let word = words.next(); word !== undefined; word = words.next()) {
        const mention = MENTION.exec(word)?.[1];
        if (mention && of === null) of = mention.toLowerCase();
        else if ((STATS_PERIODS as readonly string[]).includes(word.toLowerCase())) period = word.toLowerCase() as StatsPeriodName;
        else return usage;
      }
      return {kind: 'stats', of, period};
    }
    case 'mine':
    case 'waiting':
    case 'channel':
    case 'board':
      return words.rest() === '' ? {kind: subcommand} : usage;
    case 'search': {
      const query = words.rest();
      return query ? {kind: 'search', query} : usage;
    }
    case 'due': {
      const key = words.next();
      const deadlineKind = words.next()?.toLowerCase();
      const date = words.next();
      if (!key || !KEY.test(key) || !deadlineKind || !DEADLINE_KIND.test(deadlineKind) || !date || words.rest() !== '') return usage;
      return {kind: 'due', key: key.toUpperCase(), deadlineKind, date: NO_DATE.has(date.toLowerCase()) ? null : date};
    }
    case 'new':
      return words.rest() === '' ? {kind: 'new_dialog'} : parseNewTask(words) ?? usage;
    case 'workflow': {
      const action = words.next()?.toLowerCase();
      if (action === 'list') return words.rest() === '' ? {kind: 'workflow_list'} : usage;
      if (action !== 'start') return usage;
      if (words.rest() === '') return {kind: 'workflow_start_dialog'};
      const name: string[] = [];
      const roles: Record<string, string> = {};
      let caseId: string | null = null;
      let runChannel = false;
      for (let word = words.next(); word !== undefined; word = words.next()) {
        const role = parseRoleAssignment(word);
        if (/^case:\S+$/i.test(word)) caseId = word.slice(5);
        else if (word.toLowerCase() === 'channel:new') runChannel = true;
        else if (role) roles[role[0]] = role[1];
        else name.push(word);
      }
      return name.length > 0 ? {kind: 'workflow_start', template: name.join(' '), caseId, roles, runChannel} : usage;
    }
    case 'show':
    case 'accept':
    case 'watch':
    case 'unwatch': {
      const key = words.next();
      return key && KEY.test(key) && words.rest() === '' ? {kind: subcommand, key: key.toUpperCase()} : usage;
    }
    case 'pass': {
      const key = words.next();
      const to = MENTION.exec(words.next() ?? '')?.[1];
      return key && KEY.test(key) && to ? {kind: 'pass', key: key.toUpperCase(), to: to.toLowerCase(), comment: words.rest()} : usage;
    }
    case 'decline': {
      const key = words.next();
      const reason = words.rest();
      return key && KEY.test(key) && reason ? {kind: 'decline', key: key.toUpperCase(), reason} : usage;
    }
    case 'done': {
      const key = words.next();
      if (!key || !KEY.test(key)) return usage;
      const next = MENTION.exec(words.peek() ?? '')?.[1];
      if (next) words.next();
      return {kind: 'done', key: key.toUpperCase(), next: next?.toLowerCase() ?? null, comment: words.rest()};
    }
    case 'comment': {
      const key = words.next();
      const body = words.rest();
      return key && KEY.test(key) && body ? {kind: 'comment', key: key.toUpperCase(), text: body} : usage;
    }
  }
}

/** `/task admin` after the subcommand: `tokens create|list|revoke`. */
function parseAdmin(words: Words): ParsedCommand {
  const usage = {kind: 'admin_usage'} as const;
  if (words.next()?.toLowerCase() !== 'tokens') return usage;
  const action = words.next()?.toLowerCase();
  if (action === 'list') return words.rest() === '' ? {kind: 'admin_tokens_list'} : usage;
  if (action === 'revoke') {
    const id = words.next();
    return id && words.rest() === '' ? {kind: 'admin_tokens_revoke', id} : usage;
  }
  if (action !== 'create') return usage;
  const name: string[] = [];
  let scopes: string[] | undefined;
  let channels: string[] | null = null;
  for (let word = words.next(); word !== undefined; word = words.next()) {
    const scopeList = ADMIN_SCOPES.exec(word)?.[1];
    const channelList = ADMIN_CHANNELS.exec(word)?.[1];
    if (scopeList !== undefined) {
      if (scopes) return usage;
      scopes = scopeList.split(',').filter(Boolean).map((scope) => scope.toLowerCase());
    } else if (channelList !== undefined) {
      if (channels) return usage;
      channels = channelList.split(',').filter(Boolean);
    } else {
      name.push(word);
    }
  }
  return name.length > 0 && scopes && scopes.length > 0 ? {kind: 'admin_tokens_create', name: name.join(' '), scopes, channels} : usage;
}

/** `/task new` after the subcommand: options anywhere, each at most once; the other words are the title. */
function parseNewTask(words: Words): Extract<ParsedCommand, {kind: 'new'}> | undefined {
  const title: string[] = [];
  const dates: Partial<Record<NewTaskDeadlineKind, string>> = {};
  const labels: string[] = [];
  let holder: string | null = null;
  let caseId: string | null = null;
  for (let word = words.next(); word !== undefined; word = words.next()) {
    const option = NEW_TASK_OPTION.exec(word);
    const mention = MENTION.exec(word)?.[1];
    const label = LABEL.exec(word)?.[1];
    if (option) {
      const [, name = '', value = ''] = option;
      const kind = name.toLowerCase() === 'due' ? 'internal' : (name.toLowerCase() as NewTaskDeadlineKind | 'case');
      if (value === '' || (kind === 'case' ? caseId !== null : dates[kind] !== undefined)) return undefined;
      if (kind === 'case') caseId = value;
      else dates[kind] = value;
    } else if (mention) {
      if (holder !== null) return undefined;
      holder = mention.toLowerCase();
    } else if (label) {
      labels.push(label);
    } else {
      title.push(word);
    }
  }
  return title.length > 0 ? {kind: 'new', title: title.join(' '), holder, dates, labels, caseId} : undefined;
}

/** Reads words off the front of a line; the rest keeps its own spacing and line breaks (comments are markdown). */
class Words {
  private remaining: string;

  constructor(text: string) {
    this.remaining = text.trim();
  }

  peek(): string | undefined {
    return /^\S+/.exec(this.remaining)?.[0];
  }

  next(): string | undefined {
    const word = this.peek();
    if (word !== undefined) this.remaining = this.remaining.slice(word.length).trimStart();
    return word;
  }

  rest(): string {
    return this.remaining.trim();
  }
}

/** The candidate within edit distance 2 (transpositions count as one), if any. */
function closest<T extends string>(word: string, candidates: readonly T[]): T | undefined {
  let best: {candidate: T; distance: number} | undefined;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: a long line's first word costs nothing to rule out.
    if (Math.abs(word.length - candidate.length) > 2) continue;
    const distance = editDistance(word, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = {candidate, distance};
  }
  return best?.candidate;
}

function editDistance(a: string, b: string): number {
  const rows = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = value;
    }
  }
  return at(a.length, b.length);
}
