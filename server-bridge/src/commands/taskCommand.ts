import type {Translate} from '../i18n/translate';
import {parseTaskCommand} from './grammar';

// Handles the text of a `/task` invocation and says what to answer. Knows
// nothing of HTTP or Mattermost: the route gives it the text and a translator
// for the caller's locale.

export interface CommandReply {
  /** Markdown shown only to the caller. */
  text: string;
}

export function handleTaskCommand(text: string, t: Translate): CommandReply {
  const parsed = parseTaskCommand(text);
  if (parsed.kind === 'help') {
    return {text: [`#### ${t('command.help.title')}`, t('command.help.intro'), `- ${t('command.help.line.help')}`, '', t('command.help.coming')].join('\n')};
  }
  const lines = [t('command.unknown', {subcommand: parsed.subcommand})];
  if (parsed.suggestion) lines.push(t('command.did_you_mean', {suggestion: parsed.suggestion}));
  lines.push(t('command.usage'));
  return {text: lines.join(' ')};
}
