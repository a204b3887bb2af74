// The name a channel shows under in the host (entities.channels.channels, in
// mattermost-redux's shape): its display name, else its name, else its id.
export function channelDisplayName(state: unknown, channelId: string | null): string {
  if (!channelId) {
    return '';
  }
  const channels = (state as {entities?: {channels?: {channels?: Record<string, {display_name?: unknown; name?: unknown}>}}} | null)?.entities?.channels?.channels;
  const channel = channels?.[channelId];
  for (const name of [channel?.display_name, channel?.name]) {
    if (typeof name === 'string' && name !== '') {
      return name;
    }
  }
  return channelId;
}
