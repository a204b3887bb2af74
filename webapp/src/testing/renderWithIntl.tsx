// Renders a component the way the host does: inside react-intl's provider
// with Baton's catalog for the locale, into jsdom with a React 18 root
// (Testing Library's render); with `services`, inside them as
// withBatonServices would. The result carries Testing Library's queries
// bound to the container (getByRole, findByText, …).
import {act, render} from '@testing-library/react';
import React from 'react';
import {IntlProvider} from 'react-intl';

import {getTranslations} from '../i18n/translations';
import type {BatonServices} from '../plugin/services';
import {BatonServicesProvider} from '../plugin/servicesContext';

export function renderWithIntl(element: React.ReactElement, locale = 'en', services?: BatonServices) {
  const wrapper = ({children}: {children: React.ReactNode}) => (
    <IntlProvider
      locale={locale}
      messages={getTranslations(locale)}
      onError={(error) => {
        throw error;
      }}
    >
      {services ? <BatonServicesProvider value={services}>{children}</BatonServicesProvider> : children}
    </IntlProvider>
  );
  return render(element, {wrapper});
}

export type Rendered = ReturnType<typeof renderWithIntl>;

/** Lets pending promises (fake fetch answers) and the renders they cause finish, inside act. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
