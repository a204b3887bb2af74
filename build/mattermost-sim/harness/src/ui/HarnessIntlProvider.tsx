// The IntlProvider around the whole page, as components/intl_provider: the
// current user's locale and its catalog (webapp strings plus every plugin's
// registerTranslations strings). Keyed by locale like upstream, so a locale
// change remounts the tree, plugin components included.
import React from 'react';
import {IntlProvider} from 'react-intl';
import type {IntlConfig} from 'react-intl';

import {normalizeLocale} from '../i18n/locales';
import {harnessLog} from '../log';
import {getCurrentLocale, getTranslations} from '../store/selectors';

import {useHarnessSelector} from './hooks';

const onIntlError: IntlConfig['onError'] = (error) => {
    // Missing ids fall back to defaultMessage, as in Mattermost; anything else is a real problem.
    if (error.code !== 'MISSING_TRANSLATION') {
        harnessLog.error('react-intl', error);
    }
};

export function HarnessIntlProvider({children}: {children: React.ReactNode}) {
    const locale = useHarnessSelector((state) => normalizeLocale(getCurrentLocale(state)));
    const messages = useHarnessSelector((state) => getTranslations(state, locale));
    return (
        <IntlProvider
            key={locale}
            locale={locale}
            defaultLocale='en'
            messages={messages ?? {}}
            onError={onIntlError}
        >
            {children}
        </IntlProvider>
    );
}
