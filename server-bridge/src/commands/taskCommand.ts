import type {Caller, Task} from '../domain/tasks/task';
import type {TaskService} from '../domain/tasks/taskService';
import type {UserSettingsService} from '../domain/reminders/userSettings';
import type {StatsService} from '../domain/stats/statsService';
import type {WorkflowService} from '../domain/workflows/workflowService';
import {formatStatsSummary} from './statsSummary';
import {AppError} from '../errors';
import type {MessageId, Translate} from '../i18n/translate';
import {type ParsedCommand, parseTaskCommand, SUBCOMMANDS, type Subcommand} from './grammar';

// Carries out one `/task` line for one person and says what to answer. Knows
// nothing of HTTP or Mattermost: the route gives it the caller, the people the
// line mentions (Mattermost resolves @names for us) and a translator for the
// caller's locale. Nothing changes when the line is wrong.

export interface CommandReply {
  /** Markdown shown only to the caller. */
  text: string;
}

export interface TaskCommandDeps {
  tasks: Pick<TaskService, 'get' | 'list' | 'handOff' | 'accept' | 'decline' | 'transition' | 'addComment' | 'setWatching'>;
  workflows: Pick<WorkflowService, 'listTemplates' | 'startRun'>;
  username(userId: string): Promise<string | undefined>;
  stats: Pick<StatsService, 'personStats' | 'resolvePeriod'>;
  timeZoneOf(userId: string): Promise<string>;
  settings: Pick<UserSettingsService, 'get' | 'update'>;
}

export interface TaskCommandInput {
  text: string;
  caller: Caller;
  /** @username (lower case) → Mattermost user id, from the command request's user_mentions. */
  mentions: ReadonlyMap<string, string>;
  t: Translate;
  /** Where the command was typed: runs started here live in this channel. */
  channelId: string;
}

const LIST_LIMIT = 20;

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
  if (parsed.kind === 'usage') return {text: `${t('command.usage_of')} ${usageOf(parsed.subcommand, t)}`};
  try {
    return {text: await carryOut(parsed, input, deps)};
  } catch (error) {
    if (error instanceof AppError) return {text: t('command.failed', {message: error.message})};
    throw error;
  }
}

async function carryOut(command: Exclude<ParsedCommand, {kind: 'help' | 'unknown' | 'usage'}>, {caller, mentions, t, channelId}: TaskCommandInput, {tasks, workflows, username, stats, timeZoneOf, settings}: TaskCommandDeps): Promise<string> {
  const person = (username: string): string => {
    const id = mentions.get(username);
    if (!id) throw new AppError(400, 'baton.bad_request.mention', t('command.unknown_user', {username}));
    return id;
  };
  const line = (task: Task) => `- **${task.key}** ${task.title} · ${task.statusName}${task.deadlines.length ? ` · ${task.deadlines.map((deadline) => `${deadline.kind} ${deadline.dueAt.toISOString().slice(0, 10)}`).join(', ')}` : ''}`;
  const list = async (title: string, filters: Parameters<TaskCommandDeps['tasks']['list']>[1]['filters']) => {
    const page = await tasks.list(caller, {filters, sort: {by: 'updatedAt', dueKind: null, descending: true}, limit: LIST_LIMIT});
    if (page.tasks.length === 0) return `${title}\n${t('command.list.empty')}`;
    return [title, ...page.tasks.map(line), ...(page.nextCursor ? [t('command.list.more', {count: LIST_LIMIT})] : [])].join('\n');
  };

  switch (command.kind) {
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
      const run = await workflows.startRun(caller, command.template, {channelId, roles, deadlines: [], ...(command.caseId ? {title: `${command.template}: ${command.caseId}`} : {})});
      return t('command.workflow.started', {title: run.title});
    }
    case 'settings': {
      const change = command.change;
      let current = await settings.get(caller);
      if (change) {
        if ('mute' in change) current = await settings.update(caller, {mutedDeadlineKinds: [...new Set([...current.mutedDeadlineKinds, change.mute])]});
        else if ('unmute' in change) current = await settings.update(caller, {mutedDeadlineKinds: current.mutedDeadlineKinds.filter((kind) => kind !== change.unmute)});
        else current = await settings.update(caller, change);
      }
      const onOff = (value: boolean) => t(value ? 'command.settings.on' : 'command.settings.off');
      return [
        `#### ${t('command.settings.title')}`,
        `- ${t('command.settings.digest', {time: current.digestTime, state: onOff(current.digestEnabled)})}`,
        `- ${t('command.settings.weekly', {state: onOff(current.weeklySummary)})}`,
        `- ${t('command.settings.muted', {kinds: current.mutedDeadlineKinds.join(', ') || '—'})}`,
        t('command.settings.how'),
      ].join('\n');
    }
    case 'stats': {
      const userId = command.of ? person(command.of) : caller.userId;
      const period = stats.resolvePeriod({name: command.period}, await timeZoneOf(caller.userId));
      return formatStatsSummary(await stats.personStats(caller, {userId, ...period}), t);
    }
    case 'show': {
      const task = await tasks.get(caller, command.key);
      const holder = task.holderId ? t('command.show.holder', {holder: (await username(task.holderId)) ?? task.holderId}) : t('command.show.no_holder');
      return [`#### ${task.key} ${task.title}`, line(task).slice(2), holder, ...(task.caseRef ? [`${task.caseRef.id}: ${task.caseRef.url}`] : []), ...(task.description ? ['', task.description] : [])].join('\n');
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
