import {errors} from '../errors';
import {MattermostRequestError} from './client';

// Whether a Mattermost account may still use its bridge session, and as what.
// A session token is good for 12 hours, but a person deactivated in
// Mattermost must lose access at once, and one turned into a guest must see
// only a guest's tasks at once: every authenticated request asks here. Answers are kept for
// a minute (Mattermost is not asked on every request); the WebSocket listener
// calls `forget` on `user_updated`, so a deactivation takes effect at the next
// request rather than the next minute.

/** The account as Mattermost knows it now. */
export interface AccountStanding {
  active: boolean;
  guest: boolean;
}

export interface ActiveUsers {
  standing(userId: string): Promise<AccountStanding>;
  isActive(userId: string): Promise<boolean>;
  /** Drops what is known of the user: the next isActive asks Mattermost. */
  forget(userId: string): void;
}

export interface ActiveUsersDeps {
  /** The user as Mattermost knows them now (mattermost/interactions.ts `person`). */
  person(userId: string): Promise<AccountStanding>;
  ttlMs?: number;
  now?: () => number;
}

export function createActiveUsers({person, ttlMs = 60_000, now = Date.now}: ActiveUsersDeps): ActiveUsers {
  const known = new Map<string, AccountStanding & {at: number}>();
  // One question to Mattermost per user at a time.
  const asking = new Map<string, Promise<AccountStanding>>();
  // Bumped by `forget`: an answer to a question asked before it is not kept (it may predate the change).
  const generations = new Map<string, number>();

  async function ask(userId: string): Promise<AccountStanding> {
    try {
      const {active, guest} = await person(userId);
      return {active, guest};
    } catch (error) {
      // A user Mattermost no longer has (permanently deleted) is not active.
      if (error instanceof MattermostRequestError && error.status === 404) return {active: false, guest: true};
      // Mattermost unreachable: the last answer stands; without one, nobody is let in on a guess.
      const last = known.get(userId);
      if (last) return {active: last.active, guest: last.guest};
      throw errors.notReady('Mattermost cannot be asked whether this account is still active; try again shortly.');
    }
  }

  async function standing(userId: string): Promise<AccountStanding> {
    const hit = known.get(userId);
    if (hit && now() - hit.at < ttlMs) return {active: hit.active, guest: hit.guest};
    const pending = asking.get(userId);
    if (pending) return pending;
    const generation = generations.get(userId) ?? 0;
    const question = ask(userId)
      .then((answer) => {
        if ((generations.get(userId) ?? 0) === generation) known.set(userId, {...answer, at: now()});
        return answer;
      })
      .finally(() => {
        if (asking.get(userId) === question) asking.delete(userId);
      });
    asking.set(userId, question);
    return question;
  }

  return {
    standing,
    isActive: async (userId) => (await standing(userId)).active,
    forget(userId) {
      known.delete(userId);
      asking.delete(userId);
      generations.set(userId, (generations.get(userId) ?? 0) + 1);
    },
  };
}
