import React from 'react';

import {getCurrentTeam} from '../../store/selectors';
import {useHarnessSelector} from '../hooks';
import {LocaleSwitch} from '../settings/LocaleSwitch';
import {ThemeSwitch} from '../settings/ThemeSwitch';
import {UserSwitcher} from '../settings/UserSwitcher';

export function TopBar() {
    const team = useHarnessSelector(getCurrentTeam);
    return (
        <header
            className='harness-topbar'
            data-testid='top-bar'
        >
            <span
                className='harness-topbar__team'
                data-testid='team-name'
            >
                {team?.display_name ?? ''}
            </span>
            <span className='harness-topbar__controls'>
                <ThemeSwitch/>
                <LocaleSwitch/>
                <UserSwitcher/>
            </span>
        </header>
    );
}
