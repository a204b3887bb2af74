// Pure parts of the user picker: how a person is named in the list, and what
// a typed text means (`@alice` names alice exactly; anything else searches).
import type {MattermostUser} from '../mattermost/client4';

/** `First Last`, else the nickname, else nothing: shown after the @username. */
export function fullNameOf(user: MattermostUser): string {
  const full = [user.firstName, user.lastName].filter((part) => part.trim() !== '').join(' ');
  return full !== '' ? full : user.nickname;
}

/** The search term Mattermost gets: the text without spaces around it or leading @s. */
export function searchTermOf(text: string): string {
  return text.trim().replace(/^@+/, '');
}

/** The user whose username the text names exactly (`@alice` or `alice`, any case), if one was found. */
export function exactMatch(text: string, users: readonly MattermostUser[]): MattermostUser | undefined {
  const wanted = searchTermOf(text).toLowerCase();
  return wanted === '' ? undefined : users.find((user) => user.username.toLowerCase() === wanted);
}

/** Whether the "me" option fits what was typed: nothing yet, or a prefix of my username (or of "me"). */
export function meMatches(text: string, myUsername: string | null, meWord: string): boolean {
  const term = searchTermOf(text).toLowerCase();
  return term === '' || meWord.toLowerCase().startsWith(term) || (myUsername ?? '').toLowerCase().startsWith(term);
}
