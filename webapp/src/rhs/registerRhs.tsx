// Entry points that open Baton's right-hand sidebar.
import React from 'react';
import {FormattedMessage} from 'react-intl';

import {BatonIcon, appBarIconColor, iconDataUrl} from '../icon/batonIcon';
import type {HostStore, PluginRegistry, RhsRegistration} from '../plugin/hostTypes';
import type {BatonServices} from '../plugin/services';
import {withBatonServices} from '../plugin/servicesContext';

import {RhsPanel} from './rhsPanel';

export type RhsEntryPointsOptions = {
  registry: PluginRegistry;
  store: HostStore;
  /** assets/baton.svg markup. */
  iconSvg: string;
  doc: Document;
  services: BatonServices;
};

/**
 * Registers the App Bar icon with the RHS, plus a channel-header button.
 * The host hides a plugin's channel-header button while the App Bar is on and
 * that plugin has an App Bar item, so users never see two icons; with the
 * App Bar off, the header button is the way in.
 */
export function registerRhsEntryPoints({registry, store, iconSvg, doc, services}: RhsEntryPointsOptions): RhsRegistration {
  // Filled in once the host has answered; the buttons can only be clicked later.
  const registered: {rhs?: RhsRegistration} = {};
  // toggleRHSPlugin is a thunk: dispatch it, do not call it.
  const toggleRhs = () => {
    if (registered.rhs) {
      store.dispatch(registered.rhs.toggleRHSPlugin);
    }
  };

  const appBar = registry.registerAppBarComponent({
    iconUrl: iconDataUrl(iconSvg, appBarIconColor(doc)),
    action: toggleRhs,
    tooltipText: <FormattedMessage id='baton.appbar.tooltip'/>,
    rhsComponent: withBatonServices(RhsPanel, services),
    rhsTitle: <FormattedMessage id='baton.rhs.title'/>,
  });
  registered.rhs = appBar.rhsComponent;

  registry.registerChannelHeaderButtonAction({
    icon: <BatonIcon svgMarkup={iconSvg}/>,
    action: toggleRhs,
    dropdownText: <FormattedMessage id='baton.channel_header.button'/>,
    tooltipText: <FormattedMessage id='baton.appbar.tooltip'/>,
  });

  return appBar.rhsComponent;
}
