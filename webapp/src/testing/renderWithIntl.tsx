// Renders a component the way the host does: inside react-intl's provider
// with Baton's catalog for the locale, into jsdom with a React 18 root; with
// `services`, inside them as withBatonServices would.
import React from 'react';
import {createRoot} from 'react-dom/client';
import type {Root} from 'react-dom/client';
import {act} from 'react-dom/test-utils';
import {IntlProvider} from 'react-intl';

import {getTranslations} from '../i18n/translations';
import type {BatonServices} from '../plugin/services';
import {BatonServicesProvider} from '../plugin/servicesContext';

// Tells React 18 that updates are wrapped in act().
(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

export type Rendered = {container: HTMLElement; unmount: () => void};

export function renderWithIntl(element: React.ReactElement, locale = 'en', services?: BatonServices): Rendered {
  const container = document.createElement('div');
  document.body.appendChild(container);
  let root: Root | undefined;
  act(() => {
    root = createRoot(container);
    root.render(
      <IntlProvider
        locale={locale}
        messages={getTranslations(locale)}
        onError={(error) => {
          throw error;
        }}
      >
        {services ? <BatonServicesProvider value={services}>{element}</BatonServicesProvider> : element}
      </IntlProvider>,
    );
  });
  return {
    container,
    unmount: () => {
      act(() => root?.unmount());
      container.remove();
    },
  };
}

/** Lets pending promises (fake fetch answers) and the renders they cause finish, inside act. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
