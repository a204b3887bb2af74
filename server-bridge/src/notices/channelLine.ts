import {translatorFor} from '../i18n/translate';
import {escapeInline, markdownLink} from './mattermostMarkdown';

// The short line a channel gets when one of its tasks changes hands or a
// workflow run completes (channel notices, run channels). A channel has no
// language of its own, so the line is written in Mattermost's default
// language for people (LocalizationSettings.DefaultClientLocale, what the
// organisation set up Mattermost in), English when that is not one of ours.
//
// People are named without mentioning them: `@name` with a word joiner, shown
// as written but not a mention. The new holder already has the handoff DM;
// a broadcast line must not ping the people in it a second time.

export type ChannelLineEvent =
  | {type: 'handoff'; task: {key: string; title: string; url: string}; from: string; to: string}
  | {type: 'run_completed'; run: {title: string; url: string}; finisher: string};

/** `@username` that Mattermost shows but does not treat as a mention. */
const named = (username: string) => escapeInline(`@${username}`);

export function writeChannelLine(locale: string, event: ChannelLineEvent): string {
  const t = translatorFor(locale);
  if (event.type === 'run_completed') {
    return `${t('notice.channel.run_completed', {run: markdownLink(event.run.title, event.run.url), finisher: named(event.finisher)})} #baton`;
  }
  const task = markdownLink(`${event.task.key} ${event.task.title}`, event.task.url);
  const line = event.from === event.to ? t('notice.channel.taken', {task, to: named(event.to)}) : t('notice.channel.handoff', {task, from: named(event.from), to: named(event.to)});
  return `${line} #baton`;
}
