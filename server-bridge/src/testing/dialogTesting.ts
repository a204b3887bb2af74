import type {DialogDefinition} from '../mattermost/interactions';
import type {DialogKitDeps} from '../notices/dialogKit';
import type {DialogSubmission} from '../notices/handoffActions';

// What tests of the dialogs `/task` opens (notices/*Dialog.ts) share: a bot
// that records the dialogs it opens and the ephemeral messages it sends, a
// nonce store that takes each nonce once, and Mattermost's size limits.

export interface OpenedDialog {
  triggerId: string;
  url: string;
  dialog: DialogDefinition;
}

/** The dialog-kit part of a dialog's deps, recording what the bot was asked to do; `gone` is deactivated. */
export function fakeDialogBot(locales: Record<string, string>, keyByte: number) {
  const opened: OpenedDialog[] = [];
  const ephemeral: Array<{channelId: string; message: string}> = [];
  const used = new Set<string>();
  const deps = {
    interactions: {
      openDialog: async (triggerId: string, url: string, dialog: DialogDefinition) => void opened.push({triggerId, url, dialog}),
      sendEphemeral: async (_userId: string, channelId: string, message: string) => void ephemeral.push({channelId, message}),
      person: async (userId: string) => ({userId, guest: false, active: userId !== 'gone'}),
    },
    nonces: {useOnce: async (nonce: string) => !used.has(nonce) && Boolean(used.add(nonce))},
    key: new Uint8Array(32).fill(keyByte),
    now: () => new Date('2026-11-20T00:00:00Z'),
    locale: async (userId: string) => locales[userId] ?? 'en',
    bridgeUrl: async () => 'https://baton.example',
  } satisfies DialogKitDeps & {interactions: {sendEphemeral: unknown}};
  return {deps, opened, ephemeral};
}

/** Opens a dialog for the person and gives a way to submit it as them (or as someone else). */
export async function openAndSubmit(
  dialog: {open(request: {triggerId: string; userId: string; channelId: string}): Promise<unknown>; submit(submission: DialogSubmission): Promise<unknown>},
  opened: OpenedDialog[],
  userId: string,
  channelId: string,
) {
  await dialog.open({triggerId: 'trigger-1', userId, channelId});
  const state = opened.at(-1)?.dialog.state ?? '';
  const submit = (submission: Record<string, unknown>, as = userId) => dialog.submit({userId: as, channelId, state, submission, cancelled: false});
  return {state, submit};
}

/** What Mattermost (model.Dialog.IsValid, counting bytes) would refuse in a dialog: title and labels over 24, help and placeholders over 150. */
export function dialogLimitProblems(dialog: DialogDefinition): string[] {
  const over = (text: unknown, max: number) => Buffer.byteLength(String(text ?? ''), 'utf8') > max;
  return [
    ...(over(dialog.title, 24) ? [`title ${dialog.title}`] : []),
    ...dialog.elements.flatMap((element) => [
      ...(over(element.display_name, 24) ? [`${String(element.name)}: display_name ${String(element.display_name)}`] : []),
      ...(over(element.help_text, 150) ? [`${String(element.name)}: help_text`] : []),
      ...(over(element.placeholder, 150) ? [`${String(element.name)}: placeholder`] : []),
    ]),
  ];
}
