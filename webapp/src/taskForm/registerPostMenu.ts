// "Create task from message" in the post's "..." menu. The host calls the
// action and the filter with the post id; the post is read from the host's
// store. The action opens the Baton panel on the new task form, prefilled.
import {createElement} from 'react';
import {FormattedMessage} from 'react-intl';

import {currentTeamName, mattermostSiteUrl, postIn} from '../mattermost/hostState';
import type {HostStore, PluginRegistry} from '../plugin/hostTypes';
import type {RhsOpener} from '../rhs/rhsOpener';

import {canMakeTaskFrom, permalink, prefillFromPost} from './taskFromPost';

export type PostMenuDeps = {
  registry: PluginRegistry;
  store: HostStore;
  rhs: RhsOpener;
  /** window.location.origin (the host's Client4 builds permalinks from the SiteURL it can reach). */
  pageOrigin: () => string;
};

export function registerCreateTaskFromPost({registry, store, rhs, pageOrigin}: PostMenuDeps): string {
  return registry.registerPostDropdownMenuAction({
    // The host renders `text` itself, inside its own IntlProvider with Baton's translations.
    text: createElement(FormattedMessage, {id: 'baton.post_menu.create_task'}),
    action: (postId) => {
      const state = store.getState();
      const post = postIn(state, postId);
      if (!post) {
        return;
      }
      const team = currentTeamName(state);
      const link = team ? permalink(mattermostSiteUrl(state, pageOrigin()), team, postId) : null;
      rhs.openForm({kind: 'createTask', prefill: prefillFromPost({id: postId, ...post}, link)});
    },
    filter: (postId) => canMakeTaskFrom(postIn(store.getState(), postId)),
  });
}
