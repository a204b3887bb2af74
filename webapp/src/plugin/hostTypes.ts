// The parts of the Mattermost webapp plugin API that Baton uses, typed from
// webapp/channels/src/plugins/registry.ts (11.x). Only the object-argument
// form is declared: every key passed must be in the method's key list, or the
// host silently treats the whole object as the first positional argument.
import type {ComponentType, ReactNode} from 'react';

export type PlainAction = {type: string};
export type Thunk = (dispatch: HostDispatch, getState: () => unknown) => unknown;
export type HostAction = PlainAction | Thunk;
export type HostDispatch = (action: HostAction) => unknown;

/** The host's redux store (with thunk middleware). */
export type HostStore = {
  dispatch: HostDispatch;
  getState: () => unknown;
  subscribe: (listener: () => void) => () => void;
};

/** What registerRightHandSidebarComponent returns. */
export type RhsRegistration = {
  id: string;
  /** A plain action. */
  showRHSPlugin: PlainAction;
  /** Thunks: dispatch them as they are, do not call them. */
  hideRHSPlugin: Thunk;
  toggleRHSPlugin: Thunk;
};

/** Props the host gives every registered component. */
export type HostComponentProps = {
  theme?: Record<string, string>;
  webSocketClient?: unknown;
};

/** A post as the host hands it to a post type component (mattermost-redux Post; only what Baton reads). */
export type HostPost = {
  id: string;
  type?: string;
  message: string;
  /** JSON the server stored: read it as unknown. */
  props?: Record<string, unknown> | null;
};

/** Props of a component registered with registerPostTypeComponent. */
export type PostTypeComponentProps = HostComponentProps & {
  post: HostPost;
  compactDisplay?: boolean;
  isRHS?: boolean;
};

export type Translations = Record<string, string>;

export type PluginReducer<S> = (state: S | undefined, action: PlainAction) => S;

export type AppBarComponentArgs = {
  /** Used as an <img> src. */
  iconUrl: string;
  /** Ignored by 11.x when rhsComponent is given: the host wires the toggle itself. */
  action?: () => void;
  tooltipText: ReactNode;
  supportedProductIds?: string | string[] | null;
  rhsComponent: ComponentType<HostComponentProps>;
  rhsTitle: ReactNode;
};

export type ChannelHeaderButtonArgs = {
  icon: ReactNode;
  action: (channel: unknown, channelMember: unknown) => void;
  dropdownText: ReactNode;
  tooltipText: ReactNode;
};

/**
 * `hook(message, args)` before a slash command is sent: `{message, args}`
 * passes it on (changed or not), `{}` consumes it, `{error: {message}}` stops
 * it with that error. May return a promise.
 */
export type SlashCommandWillBePostedHook = (message: string, args: unknown) => {message?: string; args?: unknown; error?: {message: string}} | Promise<{message?: string; args?: unknown; error?: {message: string}}>;

/** The post's "..." menu: `action` and `filter` get the post id; `text` is a string or a React element. */
export type PostDropdownMenuActionArgs = {
  text: ReactNode;
  action: (postId: string) => void;
  filter?: (postId: string) => boolean;
};

export interface PluginRegistry {
  registerAppBarComponent(args: AppBarComponentArgs): {id: string; rhsComponent: RhsRegistration};
  registerChannelHeaderButtonAction(args: ChannelHeaderButtonArgs): string;
  registerLeftSidebarHeaderComponent(args: {component: ComponentType<HostComponentProps>}): string;
  registerPostDropdownMenuAction(args: PostDropdownMenuActionArgs): string;
  registerSlashCommandWillBePostedHook(args: {hook: SlashCommandWillBePostedHook}): string;
  /** `type` must start with `custom_`; the component replaces the post's message and attachments. */
  registerPostTypeComponent(args: {type: string; component: ComponentType<PostTypeComponentProps>}): string;
  /** Mounted by the host at state['plugins-<id>']. */
  registerReducer<S>(reducer: PluginReducer<S>): void;
  registerTranslations(getTranslationsForLocale: (locale: string) => Translations): void;
}

/** What window.registerPlugin expects. */
export interface HostPlugin {
  initialize(registry: PluginRegistry, store: HostStore): void;
  uninitialize?(): void;
}
