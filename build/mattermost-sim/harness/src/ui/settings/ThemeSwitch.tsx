import React from 'react';

import {setTheme} from '../../actions/preferences';
import {getTheme} from '../../store/selectors';
import type {ThemeKey} from '../../theme/themes';
import {useHarnessDispatch, useHarnessSelector} from '../hooks';

export function ThemeSwitch() {
    const dispatch = useHarnessDispatch();
    const current = useHarnessSelector((state) => getTheme(state).type.toLowerCase());
    return (
        <label className='harness-switch'>
            {'Theme'}
            <select
                data-testid='theme-switch'
                value={current}
                onChange={(event) => dispatch(setTheme(event.target.value as ThemeKey))}
            >
                <option value='denim'>{'Denim'}</option>
                <option value='onyx'>{'Onyx'}</option>
            </select>
        </label>
    );
}
