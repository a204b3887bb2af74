// Signing in and out. Every login is a real server session (cookies); the
// harness reloads the page after login and logout, as Mattermost's own
// logout does, so each user starts with a fresh plugin host.
import type {Client4} from '../client/client4';
import {ClientError} from '../client/clientError';
import {readCookie} from '../client/cookies';
import {GeneralTypes, UserTypes} from '../store/actionTypes';
import type {HarnessThunk} from '../store/state';

export function loadClientConfig(client: Client4): HarnessThunk<Promise<void>> {
    return async (dispatch) => {
        dispatch({type: GeneralTypes.CLIENT_CONFIG_RECEIVED, data: await client.getClientConfig()});
    };
}

/** actions/views/root.ts loadConfigAndMe: only asks for /users/me when the MMUSERID cookie says there is a session. */
export function loadMe(client: Client4): HarnessThunk<Promise<boolean>> {
    return async (dispatch) => {
        if (!readCookie('MMUSERID')) {
            return false;
        }
        try {
            dispatch({type: UserTypes.RECEIVED_ME, data: await client.getMe()});
            return true;
        } catch (error) {
            if (error instanceof ClientError && error.statusCode === 401) {
                return false;
            }
            throw error;
        }
    };
}

export async function logIn(client: Client4, loginId: string, password: string): Promise<void> {
    await client.login(loginId, password);
}

/**
 * The server only expires MMAUTHTOKEN (web/context.go RemoveSessionCookie); the
 * webapp clears the readable MMUSERID and MMCSRF itself (clearUserCookie).
 */
export function clearUserCookie(): void {
    for (const name of ['MMUSERID', 'MMCSRF']) {
        document.cookie = `${name}=;expires=Thu, 01 Jan 1970 00:00:01 GMT;path=/`;
    }
}

export async function logOut(client: Client4): Promise<void> {
    try {
        await client.logout();
    } catch (error) {
        // A session that already expired is as logged out as it gets.
        if (!(error instanceof ClientError && error.statusCode === 401)) {
            throw error;
        }
    }
    clearUserCookie();
}
