// Why the webapp has no bridge session. The reason picks the message the UI
// shows (sessionNotice.tsx); `detail` is extra text for it (field names, or
// Mattermost's own message) and never holds the token.

export const sessionFailureReasons = [
  /** /commands/execute was refused (403) in the current channel and in the DM with the bot. */
  'not_permitted',
  /** No user @baton to open a DM with: the bridge was not set up on this server. */
  'bot_not_found',
  /** Mattermost refused /task connect otherwise (unknown command, the bridge failed, ...). */
  'mattermost_error',
  /** The CommandResponse props were not a usable session. */
  'malformed_response',
  /** Mattermost could not be reached. */
  'network',
  /** The bridge refused a session it had just issued. */
  'unauthorized',
] as const;

export type SessionFailureReason = (typeof sessionFailureReasons)[number];

export class SessionError extends Error {
  override readonly name = 'SessionError';

  constructor(readonly reason: SessionFailureReason, readonly detail: string | null = null, options?: {cause?: unknown}) {
    super(`no Baton session: ${reason}${detail ? ` (${detail})` : ''}`, options);
  }
}
