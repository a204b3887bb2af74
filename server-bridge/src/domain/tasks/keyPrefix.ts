// Task keys are `<PREFIX>-<n>`. The default prefix comes from the channel
// name (or the username for personal tasks): its ASCII letters and digits,
// upper-cased, at most 6, starting with a letter; numbered variants follow
// so that two channels called "patents" still get different prefixes.

const MAX_LENGTH = 6;

export function prefixCandidates(name: string | undefined, fallback: string): string[] {
  const letters = (name ?? '').normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toUpperCase().replace(/^[0-9]+/, '');
  const base = (letters || fallback).slice(0, MAX_LENGTH);
  const candidates = [base];
  for (let n = 2; n <= 99; n += 1) candidates.push(`${base.slice(0, MAX_LENGTH - String(n).length)}${n}`);
  return candidates;
}

/** Whose key sequence a task draws from: its channel's, or its creator's for a personal task. */
export function keyScope(channelId: string | null, userId: string): string {
  return channelId ? `channel:${channelId}` : `user:${userId}`;
}
