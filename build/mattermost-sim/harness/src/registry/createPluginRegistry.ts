import {guardUnknownMembers} from '../globals/guardUnknownMembers';

import {PluginRegistry} from './pluginRegistry';
import type {RegistryHost} from './registryHost';

// Registry methods that exist in later 11.x releases but not in 11.1, the
// oldest version Baton supports: a plugin must feature-detect them.
const laterThan111: Record<string, string> = {
    registerRHSPluginPopoutListener: 'added with RHS pop-outs (mattermost/mattermost#34692, Dec 2025)',
};

/** The registry handed to `initialize`, reporting any member Mattermost 11.1 does not have. */
export function createPluginRegistry(pluginId: string, host: RegistryHost): PluginRegistry {
    return guardUnknownMembers(new PluginRegistry(pluginId, host), (member) => {
        const later = laterThan111[member];
        if (later) {
            return `Plugin "${pluginId}" read registry.${member}, which Mattermost 11.1 does not have (${later}); ` +
                'guard the call with `if (registry.' + member + ')`.';
        }
        return `Plugin "${pluginId}" read registry.${member}, which is not a method of Mattermost's PluginRegistry ` +
            `(webapp/channels/src/plugins/registry.ts); in Mattermost this is undefined and calling it throws.`;
    });
}
