// Port of webapp/channels/src/plugins/registry.ts (Mattermost 11.x): the same
// method names, the same reArg key lists in the same order, the same records
// in state.plugins and the same return values. Registrations of UI slots the
// harness does not draw are still stored (plugins get their ids back) and
// reported once with a console warning, so nothing is silently dropped.
import type {Reducer, UnknownAction} from 'redux';

import {registerPluginTranslationsSource} from '../actions/i18n';
import {hideRHSPlugin, showRHSPlugin, toggleRHSPlugin} from '../actions/rhs';
import type {TranslationSource} from '../i18n/pluginTranslationSources';
import {harnessLog, warnOnce} from '../log';
import {ActionTypes} from '../store/actionTypes';
import type {RegisteredComponent} from '../store/state';
import type {PluginEventHandler} from '../websocket/pluginEventHandlers';

import {reArg} from './reArg';
import type {RegistryHost} from './registryHost';
import {resolveReactElement} from './resolveReactElement';

/** Slots the harness draws; registering into any other slot logs a warning. */
const renderedSlots = new Set([
    'Root', 'LeftSidebarHeader', 'ChannelHeaderButton', 'MobileChannelHeaderButton', 'AppBar',
    'RightHandSidebarComponent', 'PostDropdownMenu', 'SlashCommandWillBePosted', 'MessageWillBePosted',
]);

export interface RhsRegistration {
    id: string;
    showRHSPlugin: UnknownAction;
    hideRHSPlugin: ReturnType<typeof hideRHSPlugin>;
    toggleRHSPlugin: ReturnType<typeof toggleRHSPlugin>;
}

type PostDropdownAction = (postId: string) => void;
type PostDropdownFilter = (postId: string) => boolean;

export class PluginRegistry {
    readonly id: string;
    private readonly host: RegistryHost;
    private readonly warnings = new Set<string>();
    private warnedAboutRegisterPostDropdownMenuComponent = false;

    supports = {
        globalAppBar: true,
        globalRhs: true,
    };

    constructor(id: string, host: RegistryHost) {
        this.id = id;
        this.host = host;
    }

    private dispatchComponent(name: string, data: Record<string, unknown>, id = this.host.generateId()): string {
        if (!renderedSlots.has(name)) {
            warnOnce(this.warnings, `Plugin "${this.id}" registered a ${name} component; the harness stores it but does not render that slot.`);
        }
        const record: RegisteredComponent = {...data, id, pluginId: this.id};
        this.host.store.dispatch({type: ActionTypes.RECEIVED_PLUGIN_COMPONENT, name, data: record});
        return id;
    }

    private componentSlot(name: string) {
        return reArg(['component'], ({component}: {component: unknown}) => this.dispatchComponent(name, {component}));
    }

    private hookSlot(name: string) {
        return reArg(['hook'], ({hook}: {hook: unknown}) => this.dispatchComponent(name, {hook}));
    }

    private unsupported(method: string): void {
        warnOnce(this.warnings, `Plugin "${this.id}" called ${method}; the harness accepts it but has no such screen (admin console, routes, products).`);
    }

    registerRootComponent = this.componentSlot('Root');
    registerPopoverUserAttributesComponent = this.componentSlot('PopoverUserAttributes');
    registerPopoverUserActionsComponent = this.componentSlot('PopoverUserActions');
    registerLeftSidebarHeaderComponent = this.componentSlot('LeftSidebarHeader');
    registerBottomTeamSidebarComponent = this.componentSlot('BottomTeamSidebar');
    registerPostMessageAttachmentComponent = this.componentSlot('PostMessageAttachment');
    registerLinkTooltipComponent = this.componentSlot('LinkTooltip');
    registerChannelHeaderIcon = this.componentSlot('ChannelHeaderIcon');
    registerPostActionComponent = this.componentSlot('PostAction');
    registerPostEditorActionComponent = this.componentSlot('PostEditorAction');
    registerCodeBlockActionComponent = this.componentSlot('CodeBlockAction');
    registerNewMessagesSeparatorActionComponent = this.componentSlot('NewMessagesSeparatorAction');
    registerSidebarChannelLinkLabelComponent = this.componentSlot('SidebarChannelLinkLabel');
    registerChannelToastComponent = this.componentSlot('ChannelToast');
    registerGlobalComponent = this.componentSlot('Global');
    registerSystemConsoleGroupTable = this.componentSlot('SystemConsoleGroupTable');

    // Not reArg'd upstream either: always one object.
    registerSearchComponents = ({buttonComponent, suggestionsComponent, hintsComponent, action}: Record<string, unknown>) => {
        const id = this.host.generateId();
        this.dispatchComponent('SearchButtons', {component: buttonComponent, action}, id);
        this.dispatchComponent('SearchSuggestions', {component: suggestionsComponent}, id);
        this.dispatchComponent('SearchHints', {component: hintsComponent}, id);
        return id;
    };

    registerActionAfterChannelCreation = reArg(['component', 'action'], ({component, action}: {component: unknown; action: unknown}) =>
        this.dispatchComponent('CreateBoardFromTemplate', {component, action}));

    registerChannelHeaderButtonAction = reArg(['icon', 'action', 'dropdownText', 'tooltipText'], ({icon, action, dropdownText, tooltipText}: {
        icon: unknown; action: unknown; dropdownText: unknown; tooltipText: unknown;
    }) => {
        const id = this.host.generateId();
        const data = {icon: resolveReactElement(icon), action, dropdownText: resolveReactElement(dropdownText), tooltipText: resolveReactElement(tooltipText)};
        this.dispatchComponent('ChannelHeaderButton', data, id);
        this.dispatchComponent('MobileChannelHeaderButton', data, id);
        return id;
    });

    registerChannelIntroButtonAction = reArg(['icon', 'action', 'text'], ({icon, action, text}: {icon: unknown; action: unknown; text: unknown}) =>
        this.dispatchComponent('ChannelIntroButton', {icon: resolveReactElement(icon), action, text}));

    registerCallButtonAction = reArg(['button', 'dropdownButton', 'action', 'icon', 'dropdownText'], (args: {
        button: unknown; dropdownButton: unknown; action: unknown; icon: unknown; dropdownText: unknown;
    }) => {
        const id = this.host.generateId();
        const data = {
            button: resolveReactElement(args.button),
            dropdownButton: resolveReactElement(args.dropdownButton),
            icon: resolveReactElement(args.icon),
            dropdownText: resolveReactElement(args.dropdownText),
            action: args.action,
        };
        this.dispatchComponent('CallButton', data, id);
        this.dispatchComponent('MobileChannelHeaderButton', data, id);
        return id;
    });

    registerPostTypeComponent = reArg(['type', 'component'], ({type, component}: {type: unknown; component: unknown}) => {
        if (typeof type !== 'string' || !type.startsWith('custom_')) {
            // Upstream stores it anyway; the server refuses such post types from users, so say so.
            harnessLog.warn(`Plugin "${this.id}" registered post type "${String(type)}": custom post types must start with "custom_".`);
        }
        const id = this.host.generateId();
        this.host.store.dispatch({type: ActionTypes.RECEIVED_PLUGIN_POST_COMPONENT, data: {id, pluginId: this.id, type, component}});
        return id;
    });

    registerPostCardTypeComponent = reArg(['type', 'component'], ({type, component}: {type: unknown; component: unknown}) => {
        const id = this.host.generateId();
        warnOnce(this.warnings, `Plugin "${this.id}" registered a post card type; the harness does not render post cards.`);
        this.host.store.dispatch({type: ActionTypes.RECEIVED_PLUGIN_POST_CARD_COMPONENT, data: {id, pluginId: this.id, type, component}});
        return id;
    });

    registerPostWillRenderEmbedComponent = reArg(['match', 'component', 'toggleable'], ({match, component, toggleable}: {
        match: unknown; component: unknown; toggleable: unknown;
    }) => this.dispatchComponent('PostWillRenderEmbedComponent', {component, match, toggleable}));

    registerMainMenuAction = reArg(['text', 'action', 'mobileIcon'], ({text, action, mobileIcon}: {text: unknown; action: unknown; mobileIcon: unknown}) =>
        this.dispatchComponent('MainMenu', {text: resolveReactElement(text), action, mobileIcon: resolveReactElement(mobileIcon)}));

    registerChannelHeaderMenuAction = reArg(['text', 'action', 'shouldRender'], ({text, action, shouldRender}: {
        text: unknown; action: unknown; shouldRender: unknown;
    }) => this.dispatchComponent('ChannelHeader', {text: resolveReactElement(text), action, shouldRender: shouldRender ?? (() => true)}));

    registerFileDropdownMenuAction = reArg(['match', 'text', 'action'], ({match, text, action}: {match: unknown; text: unknown; action: unknown}) =>
        this.dispatchComponent('FilesDropdown', {match, text: resolveReactElement(text), action}));

    registerUserGuideDropdownMenuAction = reArg(['text', 'action'], ({text, action}: {text: unknown; action: unknown}) =>
        this.dispatchComponent('UserGuideDropdown', {text: resolveReactElement(text), action}));

    registerPostDropdownMenuAction = reArg(['text', 'action', 'filter'], ({text, action, filter}: {text: unknown; action: unknown; filter: unknown}) =>
        this.dispatchComponent('PostDropdownMenu', {text: resolveReactElement(text), action, filter}));

    registerPostDropdownSubMenuAction = reArg(['text', 'action', 'filter'], ({text, action, filter}: {text: unknown; action: unknown; filter: unknown}) => {
        const rootId = this.host.generateId();
        const registerMenuItem = (itemId: string, parentMenuId: string | undefined, innerText: unknown, innerAction: unknown, innerFilter: unknown) => {
            this.dispatchComponent('PostDropdownMenu', {parentMenuId, text: resolveReactElement(innerText), subMenu: [], action: innerAction, filter: innerFilter}, itemId);
            return (subText: unknown, subAction?: PostDropdownAction, subFilter?: PostDropdownFilter) => {
                if (parentMenuId) {
                    throw new Error('Submenus are currently limited to a single level.');
                }
                return registerMenuItem(this.host.generateId(), itemId, subText, subAction, subFilter);
            };
        };
        return {id: rootId, rootRegisterMenuItem: registerMenuItem(rootId, undefined, text, action, filter)};
    });

    registerPostDropdownMenuComponent = reArg(['component'], ({component}: {component: unknown}) => {
        if (!this.warnedAboutRegisterPostDropdownMenuComponent) {
            // Same text as registry.ts since 11.0.
            console.warn(
                `${this.id}: This plugin is using registerPostDropdownMenuComponent which is deprecated in Mattermost ` +
                'v11.0. That API will be removed in a future release, and plugins that use it may not work correctly. ' +
                'Please update the plugin to use registerPostDropdownMenuAction instead. See ' +
                'https://forum.mattermost.com/t/deprecating-a-post-dropdown-menu-component-plugin-api-v11/25001 for more information.',
            );
            this.warnedAboutRegisterPostDropdownMenuComponent = true;
        }
        return this.dispatchComponent('PostDropdownMenuItem', {component});
    });

    registerFileUploadMethod = reArg(['icon', 'action', 'text'], ({icon, action, text}: {icon: unknown; action: unknown; text: unknown}) =>
        this.dispatchComponent('FileUploadMethod', {text, action, icon}));

    registerFilesWillUploadHook = this.hookSlot('FilesWillUploadHook');

    unregisterComponent = reArg(['componentId'], ({componentId}: {componentId: unknown}) => {
        this.host.store.dispatch({type: ActionTypes.REMOVED_PLUGIN_COMPONENT, id: componentId});
    });

    unregisterPostTypeComponent = reArg(['componentId'], ({componentId}: {componentId: unknown}) => {
        this.host.store.dispatch({type: ActionTypes.REMOVED_PLUGIN_POST_COMPONENT, id: componentId});
    });

    registerReducer = reArg(['reducer'], ({reducer}: {reducer: unknown}) => {
        if (typeof reducer !== 'function') {
            harnessLog.error(`Plugin "${this.id}" passed registerReducer a ${typeof reducer}, not a reducer function.`);
            return;
        }
        this.host.reducerRegistry.register('plugins-' + this.id, reducer as Reducer<unknown, UnknownAction, unknown>);
    });

    registerWebSocketEventHandler = reArg(['event', 'handler'], ({event, handler}: {event: unknown; handler: unknown}) => {
        this.host.webSocketHandlers.register(this.id, String(event), handler as PluginEventHandler);
    });

    unregisterWebSocketEventHandler = reArg(['event'], ({event}: {event: unknown}) => {
        this.host.webSocketHandlers.unregister(this.id, String(event));
    });

    registerReconnectHandler = reArg(['handler'], ({handler}: {handler: unknown}) => {
        this.host.webSocketHandlers.registerReconnect(this.id, handler as () => void);
    });

    unregisterReconnectHandler() {
        this.host.webSocketHandlers.unregisterReconnect(this.id);
    }

    registerMessageWillBePostedHook = this.hookSlot('MessageWillBePosted');
    registerSlashCommandWillBePostedHook = this.hookSlot('SlashCommandWillBePosted');
    registerMessageWillFormatHook = this.hookSlot('MessageWillFormat');
    registerMessageWillBeUpdatedHook = this.hookSlot('MessageWillBeUpdated');
    registerDesktopNotificationHook = this.hookSlot('DesktopNotificationHooks');

    registerFilePreviewComponent = reArg(['override', 'component'], ({override, component}: {override: unknown; component: unknown}) =>
        this.dispatchComponent('FilePreview', {override, component}));

    registerTranslations = reArg(['getTranslationsForLocale'], ({getTranslationsForLocale}: {getTranslationsForLocale: unknown}) => {
        if (typeof getTranslationsForLocale !== 'function') {
            harnessLog.error(`Plugin "${this.id}" passed registerTranslations a ${typeof getTranslationsForLocale}, not a function of the locale.`);
            return;
        }
        this.host.store.dispatch(registerPluginTranslationsSource(this.host.translationSources, this.id, getTranslationsForLocale as TranslationSource));
    });

    registerAdminConsolePlugin = reArg(['func'], () => this.unsupported('registerAdminConsolePlugin'));
    unregisterAdminConsolePlugin() {
        this.unsupported('unregisterAdminConsolePlugin');
    }
    registerAdminConsoleCustomSetting = reArg(['key', 'component', 'options'], () => this.unsupported('registerAdminConsoleCustomSetting'));
    registerAdminConsoleCustomSection = reArg(['key', 'component'], () => this.unsupported('registerAdminConsoleCustomSection'));

    registerRightHandSidebarComponent = reArg(['component', 'title'], ({component, title}: {component: unknown; title: unknown}): RhsRegistration => {
        const id = this.host.generateId();
        this.dispatchComponent('RightHandSidebarComponent', {component, title: resolveReactElement(title)}, id);
        return {id, showRHSPlugin: showRHSPlugin(id), hideRHSPlugin: hideRHSPlugin(id), toggleRHSPlugin: toggleRHSPlugin(id)};
    });

    registerNeedsTeamRoute = reArg(['route', 'component'], ({route, component}: {route: unknown; component: unknown}) =>
        this.dispatchComponent('NeedsTeamComponent', {component, route: `${this.id}/${String(route).trim().replace(/^\//, '')}`}));

    registerCustomRoute = reArg(['route', 'component'], ({route, component}: {route: unknown; component: unknown}) =>
        this.dispatchComponent('CustomRouteComponent', {component, route: `${this.id}/${String(route).trim().replace(/^\//, '')}`}));

    registerProduct = reArg([
        'baseURL', 'switcherIcon', 'switcherText', 'switcherLinkURL', 'mainComponent', 'headerCentreComponent',
        'headerRightComponent', 'showTeamSidebar', 'showAppBar', 'wrapped', 'publicComponent',
    ], (args: Record<string, unknown>) => this.dispatchComponent('Product', args));

    registerSidebarBrowseOrAddChannelMenuAction = reArg(['text', 'action', 'icon'], ({text, action, icon}: {text: unknown; action: unknown; icon: unknown}) =>
        this.dispatchComponent('SidebarBrowseOrAddChannelMenu', {text: resolveReactElement(text), action, icon: resolveReactElement(icon)}));

    registerAppBarComponent = reArg(['iconUrl', 'action', 'tooltipText', 'supportedProductIds', 'rhsComponent', 'rhsTitle'], ({
        iconUrl, action, tooltipText, supportedProductIds = null, rhsComponent, rhsTitle,
    }: {iconUrl: unknown; action: unknown; tooltipText: unknown; supportedProductIds: unknown; rhsComponent: unknown; rhsTitle: unknown}) => {
        const id = this.host.generateId();
        const registeredRhsComponent: RhsRegistration | undefined = rhsComponent ?
            this.registerRightHandSidebarComponent({title: rhsTitle, component: rhsComponent}) : undefined;
        this.dispatchComponent('AppBar', {
            iconUrl,
            tooltipText: resolveReactElement(tooltipText),
            supportedProductIds,
            // With an RHS, Mattermost ignores `action` and wires the toggle itself.
            ...(registeredRhsComponent ? {
                action: () => this.host.store.dispatch(registeredRhsComponent.toggleRHSPlugin),
                rhsComponentId: registeredRhsComponent.id,
            } : {action}),
        }, id);
        return registeredRhsComponent ? {id, rhsComponent: registeredRhsComponent} : id;
    });

    registerSiteStatisticsHandler = reArg(['handler'], () => this.unsupported('registerSiteStatisticsHandler'));

    registerUserSettings = reArg(['setting'], ({setting}: {setting: unknown}) => {
        warnOnce(this.warnings, `Plugin "${this.id}" registered user settings; the harness has no settings modal.`);
        this.host.store.dispatch({type: ActionTypes.RECEIVED_PLUGIN_USER_SETTINGS, data: {pluginId: this.id, setting}});
    });
}
