// Hands the services of one initialize to the components the host renders.
// The host mounts each registered component itself, so each is wrapped in
// the provider before it is registered.
import React, {createContext, useContext} from 'react';
import type {ComponentType} from 'react';

import type {HostComponentProps} from './hostTypes';
import type {BatonServices} from './services';

const BatonServicesContext = createContext<BatonServices | null>(null);

export const BatonServicesProvider = BatonServicesContext.Provider;

export function useBatonServices(): BatonServices {
  const services = useContext(BatonServicesContext);
  if (!services) {
    throw new Error('Baton component rendered outside withBatonServices (register it through the Plugin)');
  }
  return services;
}

/** The component as the host should get it: rendered inside this initialize's services. */
export function withBatonServices(Component: ComponentType<HostComponentProps>, services: BatonServices): ComponentType<HostComponentProps> {
  function WithBatonServices(props: HostComponentProps) {
    return (
      <BatonServicesProvider value={services}>
        <Component {...props}/>
      </BatonServicesProvider>
    );
  }
  WithBatonServices.displayName = `WithBatonServices(${Component.displayName ?? Component.name})`;
  return WithBatonServices;
}
