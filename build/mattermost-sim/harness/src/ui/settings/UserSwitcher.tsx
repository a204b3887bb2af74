// Switching user is a real logout and login: the session ends on the server
// and the login page opens with the chosen username filled in.
import React, {useEffect, useState} from 'react';

import {logOut} from '../../actions/session';
import {getCurrentUser} from '../../store/selectors';
import type {UserProfile} from '../../types/entities';
import {useHarnessSelector} from '../hooks';
import {useHost} from '../hostContext';

export function UserSwitcher() {
    const host = useHost();
    const me = useHarnessSelector(getCurrentUser);
    const [users, setUsers] = useState<UserProfile[]>([]);

    useEffect(() => {
        host.client.getProfiles().then((profiles) => setUsers(profiles.filter((user) => !user.is_bot && user.delete_at === 0)), () => setUsers([]));
    }, [host]);

    const switchTo = async (username: string) => {
        await logOut(host.client);
        window.location.assign(`${host.siteUrl()}/login${username ? `?user=${encodeURIComponent(username)}` : ''}`);
    };

    return (
        <span className='harness-user-switcher'>
            <span data-testid='current-user'>{me ? `@${me.username}` : ''}</span>
            <select
                data-testid='user-switcher'
                value=''
                onChange={(event) => void switchTo(event.target.value)}
            >
                <option value=''>{'Switch user…'}</option>
                {users.filter((user) => user.id !== me?.id).map((user) => (
                    <option
                        key={user.id}
                        value={user.username}
                    >
                        {user.username}
                    </option>
                ))}
            </select>
            <button
                type='button'
                className='harness-button'
                data-testid='logout-button'
                onClick={() => void switchTo('')}
            >
                {'Log out'}
            </button>
        </span>
    );
}
