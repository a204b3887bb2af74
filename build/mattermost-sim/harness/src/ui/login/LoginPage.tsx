// Sign-in. GET /api/v4/users needs a session, so "Log in as" lists users only
// when the browser still has one (the top bar's switcher is the usual way to
// change user); otherwise the username is typed, or prefilled from ?user=.
// A successful login reloads the page as that user.
import React, {useEffect, useState} from 'react';

import {logIn} from '../../actions/session';
import {ClientError} from '../../client/clientError';
import {readCookie} from '../../client/cookies';
import type {UserProfile} from '../../types/entities';
import {useHost} from '../hostContext';

function queryParam(search: string, name: string): string {
    return new URLSearchParams(search).get(name) ?? '';
}

export function LoginPage() {
    const host = useHost();
    const search = host.history.location.search;
    const [username, setUsername] = useState(() => queryParam(search, 'user'));
    const [password, setPassword] = useState('');
    const [error, setError] = useState('');
    const [users, setUsers] = useState<UserProfile[]>([]);

    useEffect(() => {
        if (!readCookie('MMUSERID')) {
            return;
        }
        host.client.getProfiles().then((profiles) => setUsers(profiles.filter((user) => !user.is_bot && user.delete_at === 0)), () => setUsers([]));
    }, [host]);

    const submit = async (event: React.FormEvent) => {
        event.preventDefault();
        setError('');
        try {
            await logIn(host.client, username, password);
            const target = queryParam(search, 'redirect_to') || '/';
            window.location.assign(host.siteUrl() + (target.startsWith('/') ? target : '/'));
        } catch (caught) {
            setError(caught instanceof ClientError ? caught.message : String(caught));
        }
    };

    return (
        <div
            className='harness-login'
            data-testid='login-page'
        >
            <form
                className='harness-login__form'
                data-testid='login-form'
                onSubmit={submit}
            >
                <h1>{'Log in (Mattermost simulator)'}</h1>
                <label>
                    {'Username'}
                    <input
                        data-testid='login-username'
                        autoComplete='username'
                        value={username}
                        onChange={(event) => setUsername(event.target.value)}
                    />
                </label>
                <label>
                    {'Password'}
                    <input
                        data-testid='login-password'
                        type='password'
                        autoComplete='current-password'
                        value={password}
                        onChange={(event) => setPassword(event.target.value)}
                    />
                </label>
                {error && <div className='harness-error' data-testid='login-error'>{error}</div>}
                <button
                    type='submit'
                    className='harness-button harness-button--primary'
                    data-testid='login-submit'
                >
                    {'Log in'}
                </button>
                {users.length > 0 && (
                    <fieldset
                        className='harness-login__users'
                        data-testid='login-user-list'
                    >
                        <legend>{'Log in as'}</legend>
                        {users.map((user) => (
                            <button
                                key={user.id}
                                type='button'
                                className={user.username === username ? 'harness-chip harness-chip--active' : 'harness-chip'}
                                data-testid={`login-as-${user.username}`}
                                onClick={() => setUsername(user.username)}
                            >
                                {user.username}
                            </button>
                        ))}
                    </fieldset>
                )}
            </form>
        </div>
    );
}
