import type {UnknownAction} from 'redux';

/**
 * Reads a field of an action whose `type` the reducer already matched. Actions
 * of a given type always carry the same shape in Mattermost (whoever
 * dispatches them, including plugins), so this is the one place the harness
 * trusts that shape instead of checking it field by field.
 */
export function field<T>(action: UnknownAction, key: string): T {
    return action[key] as T;
}
