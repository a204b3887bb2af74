import {errors} from '../errors';
import {MattermostRequestError} from './client';

// Whether a Mattermost account may still use its bridge session. A session
// token is good for 12 hours, but a person deactivated in Mattermost must lose
// access at once: every authenticated request asks here. Answers are kept for
// a minute (Mattermost is not asked on every request); the WebSocket listener
// calls `forget` on `user_updated`, so a deactivation takes effect at the next
// request rather than the next minute.

export interface ActiveUsers {
  isActive(userId: string): Promise<boolean>;
  /** Drops what is known of the user: the next isActive asks Mattermost. */
  forget(userId: string): void;
}

export interface ActiveUsersDeps {
  /** The user as Mattermost knows them now (mattermost/interactions.ts `person`). */
  person(userId: string): Promise<{active: boolean}>;
  ttlMs?: number;
  now?: () => number;
}

export function createActiveUsers({person, ttlMs = 60_000, now = Date.now}: ActiveUsersDeps): ActiveUsers {
  const known = new Map<string, {active: boolean; at: number}>();
  // One question to Mattermost per user at a time.
  const asking = new Map<string, Promise<boolean>>();
  // Bumped by `forget`: an answer to a question asked before it is not kept (it may predate the change).
  const generations = new Map<string, number>();

  async function ask(userId: string): Promise<boolean> {
    try {
      return (await person(userId)).active;
    } catch (error) {
      // A user Mattermost no longer has (permanently deleted) is not active.
      if (error instanceof MattermostRequestError && error.status === 404) return false;
      // Mattermost unreachable: the last answer stands; without one, nobody is let in on a guess.
      const last = known.get(userId);
      if (last) return last.active;
      throw errors.notReady('Mattermost cannot be asked whether this account is still active; try again shortly.');
    }
  }

  return {
    async isActive(userId) {
      const hit = known.get(userId);
      if (hit && now() - hit.at < ttlMs) return hit.active;
      const pending = asking.get(userId);
      if (pending) return pending;
      const generation = generations.get(userId) ?? 0;
      const question = ask(userId)
        .then((active) => {
          if ((generations.get(userId) ?? 0) === generation) known.set(userId, {active, at: now()});
          return active;
        })
        .finally(() => {
          if (asking.get(userId) === question) asking.delete(userId);
        });
      asking.set(userId, question);
      return question;
    },
    forget(userId) {
      known.delete(userId);
      asking.delete(userId);
      generations.set(userId, (generations.get(userId) ?? 0) + 1);
    },
  };
}
