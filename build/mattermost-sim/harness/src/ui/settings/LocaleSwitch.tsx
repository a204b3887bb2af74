import React from 'react';

import {setLocale} from '../../actions/preferences';
import {harnessLocales, normalizeLocale} from '../../i18n/locales';
import {getCurrentLocale} from '../../store/selectors';
import {useHarnessDispatch, useHarnessSelector} from '../hooks';
import {useHost} from '../hostContext';

const localeNames: Record<string, string> = {'en': 'English', 'ja': '日本語', 'zh-TW': '中文 (繁體)', 'ru': 'Русский'};

export function LocaleSwitch() {
    const host = useHost();
    const dispatch = useHarnessDispatch();
    const current = useHarnessSelector((state) => normalizeLocale(getCurrentLocale(state)));
    return (
        <label className='harness-switch'>
            {'Language'}
            <select
                data-testid='locale-switch'
                value={current}
                onChange={(event) => void dispatch(setLocale(host, event.target.value))}
            >
                {harnessLocales.map((locale) => (
                    <option
                        key={locale}
                        value={locale}
                    >
                        {localeNames[locale]}
                    </option>
                ))}
            </select>
        </label>
    );
}
