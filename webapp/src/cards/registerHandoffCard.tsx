// Registers the handoff card for the bridge's handoff DMs. The host mounts
// the component itself, so it is wrapped here in this initialize's services
// and given the client its buttons post through (the page's own Mattermost
// session, like every attachment button).
import React from 'react';

import {mattermostSiteUrl} from '../mattermost/hostState';
import {createPostActionsClient} from '../mattermost/postActions';
import type {PluginRegistry, PostTypeComponentProps} from '../plugin/hostTypes';
import type {BatonServices, PluginEnvironment} from '../plugin/services';
import {BatonServicesProvider} from '../plugin/servicesContext';

import {HandoffCard} from './handoffCard';
import {HANDOFF_POST_TYPE} from './handoffCardData';

export function registerHandoffCard(registry: PluginRegistry, services: BatonServices, environment: PluginEnvironment): string {
  const postActions = createPostActionsClient({
    fetch: environment.fetch,
    siteUrl: () => mattermostSiteUrl(services.store.getState(), environment.pageOrigin()),
    cookies: environment.cookies,
  });
  function BatonHandoffPost(props: PostTypeComponentProps) {
    return (
      <BatonServicesProvider value={services}>
        <HandoffCard
          {...props}
          postActions={postActions}
        />
      </BatonServicesProvider>
    );
  }
  return registry.registerPostTypeComponent({type: HANDOFF_POST_TYPE, component: BatonHandoffPost});
}
