// A stand-in for the host's plugin registry that records every call, returns
// the shapes the real one returns, and checks the rule the real one does not
// enforce loudly: an object argument may only use the method's own keys.
// Shared by the webapp unit tests and build/webapp-build.test.ts (which runs
// the built bundle), so it uses no DOM or React at runtime.
import type {HostAction, HostStore, PluginRegistry, RhsRegistration, Thunk} from '../plugin/hostTypes';

/** Key lists of the registry's reArg wrappers (registry.ts, Mattermost 11.6). */
export const registryKeyLists: Readonly<Record<string, readonly string[]>> = {
  registerAppBarComponent: ['iconUrl', 'action', 'tooltipText', 'supportedProductIds', 'rhsComponent', 'rhsTitle'],
  registerChannelHeaderButtonAction: ['icon', 'action', 'dropdownText', 'tooltipText'],
  registerLeftSidebarHeaderComponent: ['component'],
  registerPostDropdownMenuAction: ['text', 'action', 'filter'],
  registerPostTypeComponent: ['type', 'component'],
  registerSlashCommandWillBePostedHook: ['hook'],
  registerRightHandSidebarComponent: ['component', 'title'],
  registerReducer: ['reducer'],
  registerTranslations: ['getTranslationsForLocale'],
};

export type RecordedCall = {method: string; args: unknown[]; result: unknown};

export type RecordingRegistry = {
  registry: PluginRegistry;
  calls: RecordedCall[];
  /** Calls of `method`, first argument only (the object form). */
  objectArgs(method: string): Record<string, unknown>[];
  /** The RHS registration returned by registerAppBarComponent, if any. */
  appBarRhs(): RhsRegistration | undefined;
  /** Every problem found so far: unknown methods, keys outside a key list. */
  problems(): string[];
};

// Works across realms (the bundle test runs code in node:vm), so no
// prototype or instanceof checks. React elements are objects but are never
// an options object.
function isOptionsObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('$$typeof' in value);
}

export function createRecordingRegistry(): RecordingRegistry {
  const calls: RecordedCall[] = [];
  const problems: string[] = [];
  let nextId = 0;
  const newId = (kind: string) => `${kind}-${++nextId}`;

  const rhsRegistration = (): RhsRegistration => {
    const id = newId('rhs');
    // Distinct functions, so a test can tell which thunk was dispatched.
    const thunk = (name: string): Thunk => (dispatch) => dispatch({type: `${name}:${id}`});
    return {id, showRHSPlugin: {type: `show:${id}`}, hideRHSPlugin: thunk('hide'), toggleRHSPlugin: thunk('toggle')};
  };

  const returns: Record<string, (first: unknown) => unknown> = {
    registerAppBarComponent: (first) => {
      const id = newId('appbar');
      return isOptionsObject(first) && first.rhsComponent ? {id, rhsComponent: rhsRegistration()} : id;
    },
    registerChannelHeaderButtonAction: () => newId('header'),
    registerLeftSidebarHeaderComponent: () => newId('sidebar'),
    registerPostDropdownMenuAction: () => newId('postmenu'),
    registerPostTypeComponent: () => newId('posttype'),
    registerSlashCommandWillBePostedHook: () => newId('hook'),
    registerRightHandSidebarComponent: () => rhsRegistration(),
    registerReducer: () => undefined,
    registerTranslations: () => undefined,
  };

  const record = (method: string) => (...args: unknown[]) => {
    const keys = registryKeyLists[method];
    const first = args[0];
    if (keys && args.length === 1 && isOptionsObject(first)) {
      const unknownKeys = Object.keys(first).filter((key) => !keys.includes(key));
      if (unknownKeys.length > 0) {
        problems.push(`${method} got keys outside its key list: ${unknownKeys.join(', ')}`);
      }
    }
    const result = returns[method]?.(first);
    calls.push({method, args, result});
    return result;
  };

  // Any method we have not modelled is a failure, not a silent no-op.
  const registry = new Proxy({}, {
    get(_target, property) {
      if (typeof property === 'symbol') {
        return undefined;
      }
      const method = property;
      if (!(method in registryKeyLists)) {
        problems.push(`unexpected registry method ${method}`);
        return () => undefined;
      }
      return record(method);
    },
  }) as PluginRegistry;

  return {
    registry,
    calls,
    objectArgs: (method) => calls
      .filter((call) => call.method === method)
      .map((call) => call.args[0])
      .filter(isOptionsObject),
    problems: () => [...problems],
    appBarRhs: () => {
      const result = calls.find((call) => call.method === 'registerAppBarComponent')?.result;
      return isOptionsObject(result) ? result.rhsComponent as RhsRegistration : undefined;
    },
  };
}

/** A host store stand-in that keeps what was dispatched. */
export function createRecordingStore(): HostStore & {dispatched: HostAction[]} {
  const dispatched: HostAction[] = [];
  return {
    dispatched,
    dispatch: (action) => {
      dispatched.push(action);
      return action;
    },
    getState: () => ({}),
    subscribe: () => () => undefined,
  };
}
