import type {BusinessCalendar} from '../domain/calendar/businessCalendar';
import type {Caller, Task} from '../domain/tasks/task';
import type {TaskService} from '../domain/tasks/taskService';
import type {UserSettingsService} from '../domain/reminders/userSettings';
import type {StatsService} from '../domain/stats/statsService';
import type {WorkflowService} from '../domain/workflows/workflowService';
import {formatStatsSummary} from './statsSummary';
import {formatSettingsSummary} from './settingsSummary';
import {AppError} from '../errors';
import type {MessageId, Translate} from '../i18n/translate';
import {type DateInputContext, deadlineAt, formatDateInput, parseDateInput} from './dateInput';
import {errorText} from '../i18n/errorText';
import {supportedLocale} from '../i18n/translate';
import {deadlineKindLabel, describeDeadline, orderDeadlines} from '../notices/deadlineWording';
import {type ParsedCommand, parseTaskCommand, SUBCOMMANDS, type Subcommand} from './grammar';
import {checkNewTask} from './newTask';
import {carryOutAdminTokens} from './adminCommand';
import type {ApiTokenService} from '../domain/tokens/apiTokenService';

// Carries out one `/task` line for one person and says what to answer. Knows
// nothing of HTTP or Mattermost: the route gives it the caller, the people the
// line mentions (Mattermost resolves @names for us) and a translator for the
// caller's locale. Nothing changes when the line is wrong.

export interface CommandReply {
  /** Markdown shown only to the caller; empty posts nothing. */
  text: string;
  /** Data for the client that ran the command (the webapp's `/task connect`). */
  props?: Record<string, unknown>;
}

export interface TaskCommandDeps {
  tasks: Pick<TaskService, 'get' | 'list' | 'create' | 'patch' | 'handOff' | 'accept' | 'decline' | 'transition' | 'addComment' | 'setWatching'>;
  workflows: Pick<WorkflowService, 'listTemplates' | 'startRun'>;
  username(userId: string): Promise<string | undefined>;
  stats: Pick<StatsService, 'personStats' | 'resolvePeriod'>;
  timeZoneOf(userId: string): Promise<string>;
  settings: Pick<UserSettingsService, 'get' | 'update'>;
  /** Business days for `+2bd` and for "due in 3 business days". */
  calendar: Pick<BusinessCalendar, 'addBusinessDays' | 'businessDaysBetween'>;
  now(): Date;
  /** `/task new` alone: the new-task dialog (notices/newTaskDialog.ts), opened with the command's trigger. */
  openNewTaskDialog(request: DialogRequest): Promise<void>;
  /** `/task workflow start` alone: the workflow-start dialog (notices/workflowStartDialog.ts); false when there is no template to choose. */
  openWorkflowStartDialog(request: DialogRequest): Promise<boolean>;
  /** `/task settings` alone: the settings dialog (notices/settingsDialog.ts). */
  openSettingsDialog(request: DialogRequest): Promise<void>;
  /** The webapp's bridge session (DESIGN.md "Identity" §2) and where the webapp reaches the bridge. */
  session: {issue(caller: Caller): Promise<{token: string; expiresAt: Date}>; bridgeUrl(): Promise<string | undefined>};
  /** `/task admin tokens …` (commands/adminCommand.ts); absent: the reply says API tokens are not available. */
  apiTokens?: Pick<ApiTokenService, 'create' | 'list' | 'revoke'>;
}

/** What a dialog opened by a command needs: the command's trigger, who typed it, and where. */
export interface DialogRequest {
  triggerId: string;
  userId: string;
  channelId: string;
}

export interface TaskCommandInput {
  text: string;
  caller: Caller;
  /** @username (lower case) → Mattermost user id, from the command request's user_mentions. */
  mentions: ReadonlyMap<string, string>;
  t: Translate;
  /** Where the command was typed: runs started and tasks created here live in this channel. */
  channelId: string;
  /** The caller's Mattermost locale (which date formats they write); English when absent. */
  locale?: string;
  /** The command request's trigger_id: lets the bridge open a dialog for the caller. */
  triggerId?: string;
  /** ~channel-name (lower case, without ~) → channel id, from the command request's channel_mentions. */
  channelMentions?: ReadonlyMap<string, string>;
}

const LIST_LIMIT = 20;
/** `/task board` counts at most this many open tasks (BOARD_PAGES pages). */
const BOARD_PAGE = 100;
const BOARD_PAGES = 5;
/** Built-in statuses first, in workflow order; a channel's own statuses after them. */
const STATUS_ORDER = ['open', 'in_progress', 'waiting'] as const;

export function usageOf(subcommand: Subcommand, t: Translate): string {
  return t(`command.usage.${subcommand}` as MessageId);
}

export function helpText(t: Translate): string {
  return [`#### ${t('command.help.title')}`, t('command.help.intro'), ...SUBCOMMANDS.map((subcommand) => `- ${usageOf(subcommand, t)}`)].join('\n');
}

export async function handleTaskCommand(input: TaskCommandInput, deps: TaskCommandDeps): Promise<CommandReply> {
  const {t} = input;
  const parsed = parseTaskCommand(input.text);
  if (parsed.kind === 'help') return {text: helpText(t)};
  if (parsed.kind === 'unknown') {
    const lines = [t('command.unknown', {subcommand: parsed.subcommand})];
    if (parsed.suggestion) lines.push(t('command.did_you_mean', {suggestion: parsed.suggestion}));
    lines.push(t('command.usage'));
    return {text: lines.join(' ')};
  }
  if (parsed.kind === 'usage') return {text: usageLine(parsed.subcommand, t)};
  if (parsed.kind === 'admin_usage') return {text: t('command.admin.usage')};
  try {
    const reply = await carryOut(parsed, input, deps);
    return typeof reply === 'string' ? {text: reply} : reply;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const message = errorText(error, t, 'key' in parsed ? {key: parsed.key} : {});
    // "Nothing was changed" reassures after a refused change; a read has nothing to reassure about.
    return {text: changesSomething(parsed) ? t('command.failed', {message}) : message};
  }
}

/** Commands that only read (lists, show, stats, the settings summary) versus those that change something. */
function changesSomething(command: ParsedCommand): boolean {
  switch (command.kind) {
    case 'mine':
    case 'waiting':
    case 'channel':
    case 'board':
    case 'search':
    case 'show':
    case 'workflow_list':
    case 'stats':
      return false;
    case 'settings':
      return command.change !== null;
    default:
      return true;
  }
}

function usageLine(subcommand: Subcommand, t: Translate, problem?: string): string {
  return [...(problem ? [problem] : []), t('command.usage_of'), usageOf(subcommand, t)].join(' ');
}

async function carryOut(command: Exclude<ParsedCommand, {kind: 'help' | 'unknown' | 'usage' | 'admin_usage'}>, input: TaskCommandInput, deps: TaskCommandDeps): Promise<string | CommandReply> {
  const {caller, mentions, t, channelId} = input;
  const {tasks, workflows, username, stats, timeZoneOf, settings} = deps;
  const person = (username: string): string => {
    const id = mentions.get(username);
    if (!id) throw new AppError(400, 'baton.bad_request.mention', t('command.unknown_user', {username}));
    return id;
  };
  // Deadlines as the notices word them: the kind's name, the date in the
  // caller's language and zone, and how far away it is (legal first).
  const deadlineWording = async () => {
    const context = {t, locale: supportedLocale(input.locale), receiverTimeZone: await timeZoneOf(caller.userId), now: deps.now(), businessDaysBetween: deps.calendar.businessDaysBetween};
    return (task: Task) => orderDeadlines(task.deadlines).map((deadline) => {
      const wording = describeDeadline(deadline, context);
      return `${wording.label} ${wording.date} (${wording.relative})`;
    });
  };
  const lineWith = (deadlines: (task: Task) => string[]) => (task: Task) => {
    const due = deadlines(task);
    return `- **${task.key}** ${task.title} · ${task.statusName}${due.length ? ` · ${due.join(', ')}` : ''}`;
  };
  const list = async (title: string, filters: Parameters<TaskCommandDeps['tasks']['list']>[1]['filters']) => {
    const page = await tasks.list(caller, {filters, sort: {by: 'updatedAt', dueKind: null, descending: true}, limit: LIST_LIMIT});
    if (page.tasks.length === 0) return `${title}\n${t('command.list.empty')}`;
    const line = lineWith(await deadlineWording());
    return [title, ...page.tasks.map(line), ...(page.nextCursor ? [t('command.list.more', {count: LIST_LIMIT})] : [])].join('\n');
  };

  const dateContext = async (): Promise<DateInputContext> => ({locale: input.locale ?? 'en', timeZone: await timeZoneOf(caller.userId), now: deps.now(), calendar: deps.calendar});

  switch (command.kind) {
    case 'admin_tokens_create':
    case 'admin_tokens_list':
    case 'admin_tokens_revoke':
      return carryOutAdminTokens(command, input, deps.apiTokens);
    case 'connect': {
      const bridgeUrl = await deps.session.bridgeUrl();
      if (!bridgeUrl) throw new AppError(503, 'baton.not_ready.bridge_url', 'Run `baton-bridge setup` again: the connection does not record the bridge URL the webapp must reach.');
      const session = await deps.session.issue(caller);
      // Empty text: Mattermost posts nothing, and hands the props to the webapp that ran the command.
      return {text: '', props: {baton_url: bridgeUrl, baton_token: session.token, baton_expires_at: session.expiresAt.toISOString()}};
    }
    case 'new_dialog':
      if (!input.triggerId) return t('command.new.no_dialog');
      await deps.openNewTaskDialog({triggerId: input.triggerId, userId: caller.userId, channelId});
      return '';
    case 'new': {
      const holderId = command.holder ? person(command.holder) : null;
      const checked = checkNewTask({title: command.title, holderId, dates: command.dates, labels: command.labels, caseId: command.caseId}, channelId, await dateContext(), t);
      if (!checked.ok) return usageLine('new', t, checked.message);
      const task = await tasks.create(caller, checked.draft);
      return t('command.new.done', {key: task.key, title: task.title});
    }
    case 'due': {
      const context = await dateContext();
      const date = command.date === null ? null : parseDateInput(command.date, context);
      if (date === undefined) return usageLine('due', t, t('command.bad_date', {value: command.date ?? ''}));
      const task = await tasks.patch(caller, command.key, undefined, {deadlines: {[command.deadlineKind]: date && deadlineAt(date, context.timeZone)}});
      const deadline = deadlineKindLabel(command.deadlineKind, t);
      return date ? t('command.due.set', {key: task.key, deadline, date: formatDateInput(date)}) : t('command.due.cleared', {key: task.key, deadline});
    }
    case 'channel':
      return list(`#### ${t('command.channel.title')}`, {channelId, statusCategory: 'open'});
    case 'search':
      return list(`#### ${t('command.search.title', {query: command.query})}`, {q: command.query});
    case 'board':
      return board(input, deps);
    case 'mine':
      return list(`#### ${t('command.mine.title')}`, {holderId: caller.userId, statusCategory: 'open'});
    case 'waiting':
      return list(`#### ${t('command.waiting.title')}`, {handedById: caller.userId, accepted: false, statusCategory: 'open'});
    case 'workflow_list': {
      const templates = await workflows.listTemplates(caller);
      if (templates.length === 0) return t('command.workflow.none');
      return [`#### ${t('command.workflow.title')}`, ...templates.map((template) => `- **${template.name}** (v${template.version}) · ${template.definition.steps.map((step) => step.name).join(' → ')}`)].join('\n');
    }
    case 'workflow_start': {
      const roles = Object.fromEntries(Object.entries(command.roles).map(([role, name]) => [role, person(name)]));
      // A case named here has no link (the API's caseRef has one): it goes into the run's title.
      const run = await workflows.startRun(caller, command.template, {channelId, roles, deadlines: [], runChannel: command.runChannel, ...(command.caseId ? {title: `${command.template}: ${command.caseId}`} : {})});
      return t('command.workflow.started', {title: run.title});
    }
    case 'workflow_start_dialog':
      if (!input.triggerId) return t('command.workflow.no_dialog');
      return (await deps.openWorkflowStartDialog({triggerId: input.triggerId, userId: caller.userId, channelId})) ? '' : t('command.workflow.none');
    case 'settings': {
      const change = command.change;
      // Alone, from a Mattermost client: the settings form; API callers and tests get the summary.
      if (!change && input.triggerId) {
        await deps.openSettingsDialog({triggerId: input.triggerId, userId: caller.userId, channelId});
        return '';
      }
      let current = await settings.get(caller);
      if (change) {
        if ('mute' in change) current = await settings.update(caller, {mutedDeadlineKinds: [...new Set([...current.mutedDeadlineKinds, change.mute])]});
        else if ('unmute' in change) current = await settings.update(caller, {mutedDeadlineKinds: current.mutedDeadlineKinds.filter((kind) => kind !== change.unmute)});
        else current = await settings.update(caller, change);
      }
      return [formatSettingsSummary(current, t), t('command.settings.how')].join('\n');
    }
    case 'stats': {
      const userId = command.of ? person(command.of) : caller.userId;
      const period = stats.resolvePeriod({name: command.period}, await timeZoneOf(caller.userId));
      return formatStatsSummary(await stats.personStats(caller, {userId, ...period}), t);
    }
    case 'show': {
      const task = await tasks.get(caller, command.key);
      const holder = task.holderId ? t('command.show.holder', {holder: (await username(task.holderId)) ?? task.holderId}) : t('command.show.no_holder');
      return [`#### ${task.key} ${task.title}`, lineWith(await deadlineWording())(task).slice(2), holder, ...(task.caseRef ? [`${task.caseRef.id}: ${task.caseRef.url}`] : []), ...(task.description ? ['', task.description] : [])].join('\n');
    }
    case 'pass': {
      const task = await tasks.handOff(caller, command.key, {toUserId: person(command.to), ...(command.comment ? {comment: command.comment} : {})});
      return t('command.pass.done', {key: task.key, username: command.to});
    }
    case 'accept':
      return t('action.accepted', {key: (await tasks.accept(caller, command.key)).key});
    case 'decline':
      return t('action.declined', {key: (await tasks.decline(caller, command.key, {reason: command.reason})).key});
    case 'done': {
      const next = command.next ? person(command.next) : undefined;
      const task = await tasks.transition(caller, command.key, {statusId: 'done', ...(command.comment ? {comment: command.comment} : {}), ...(next ? {nextHolderId: next} : {})});
      return t('action.done', {key: task.key});
    }
    case 'comment':
      await tasks.addComment(caller, command.key, command.text);
      return t('command.comment.done', {key: command.key});
    case 'watch':
    case 'unwatch':
      await tasks.setWatching(caller, command.key, command.kind === 'watch');
      return t(command.kind === 'watch' ? 'command.watch.done' : 'command.unwatch.done', {key: command.key});
  }
}

/** The channel's open tasks counted by status, with how many of each are overdue. */
async function board({caller, t, channelId}: TaskCommandInput, {tasks, now}: TaskCommandDeps): Promise<string> {
  const statuses = new Map<string, {name: string; count: number; overdue: number}>();
  const at = now().getTime();
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: Awaited<ReturnType<TaskCommandDeps['tasks']['list']>> = await tasks.list(caller, {filters: {channelId, statusCategory: 'open'}, sort: {by: 'key', dueKind: null, descending: false}, limit: BOARD_PAGE, ...(cursor ? {cursor} : {})});
    for (const task of page.tasks) {
      const status = statuses.get(task.statusId) ?? {name: task.statusName, count: 0, overdue: 0};
      status.count += 1;
      if (task.deadlines.some((deadline) => deadline.dueAt.getTime() < at)) status.overdue += 1;
      statuses.set(task.statusId, status);
    }
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < BOARD_PAGES);
  if (statuses.size === 0) return `#### ${t('command.board.title')}\n${t('command.board.empty')}`;
  const rank = (id: string) => {
    const index = (STATUS_ORDER as readonly string[]).indexOf(id);
    return index < 0 ? STATUS_ORDER.length : index;
  };
  const ordered = [...statuses.entries()].sort(([a, x], [b, y]) => rank(a) - rank(b) || x.name.localeCompare(y.name));
  const lines = ordered.map(([id, {name, count, overdue}]) => {
    const status = rank(id) < STATUS_ORDER.length ? t(`command.status.${id}` as MessageId) : name;
    return `- ${t('command.board.status', {status, count})}${overdue > 0 ? ` ${t('command.board.overdue', {count: overdue})}` : ''}`;
  });
  return [`#### ${t('command.board.title')}`, ...lines, ...(cursor ? [t('command.board.more', {count: BOARD_PAGE * BOARD_PAGES})] : []), t('command.board.panel')].join('\n');
}
