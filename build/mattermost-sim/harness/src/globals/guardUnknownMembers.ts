// Wraps an object the host hands to plugins (the registry, window.Components,
// window.WebappUtils, the webSocketClient prop) so that reading a member the
// harness does not provide is reported by name instead of silently yielding
// undefined. The value is still undefined, so the plugin fails the same way
// it would in Mattermost if the member does not exist there either.
import {harnessLog} from '../log';

// Members that libraries and test tools probe on any object; never a plugin mistake.
const probedNames = new Set([
    'then', 'toJSON', 'constructor', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName',
    'inspect', 'prototype', 'length', 'name', 'displayName', 'defaultProps', 'propTypes', 'contextType',
]);

export type DescribeMissing = (member: string) => string;

export function guardUnknownMembers<T extends object>(target: T, describeMissing: DescribeMissing): T {
    const reported = new Set<string>();
    return new Proxy(target, {
        get(object, property, receiver) {
            if (typeof property === 'symbol' || Reflect.has(object, property)) {
                return Reflect.get(object, property, receiver);
            }
            if (!probedNames.has(property) && !property.startsWith('@@') && !property.startsWith('__') && !reported.has(property)) {
                reported.add(property);
                harnessLog.error(describeMissing(property));
            }
            return undefined;
        },
    });
}
