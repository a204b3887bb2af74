// The CSS variables Mattermost puts on :root for the user's theme
// (components/compass_theme_provider/compass_theme_provider.tsx): the hex
// values and, for use as rgba(var(--x-rgb), a), their "r, g, b" twins.
import type {Theme} from './themes';

const hexVariables: ReadonlyArray<[string, keyof Theme]> = [
    ['--sidebar-bg', 'sidebarBg'],
    ['--sidebar-text', 'sidebarText'],
    ['--sidebar-unread-text', 'sidebarUnreadText'],
    ['--sidebar-text-hover-bg', 'sidebarTextHoverBg'],
    ['--sidebar-text-active-border', 'sidebarTextActiveBorder'],
    ['--sidebar-text-active-color', 'sidebarTextActiveColor'],
    ['--sidebar-header-bg', 'sidebarHeaderBg'],
    ['--sidebar-teambar-bg', 'sidebarTeamBarBg'],
    ['--sidebar-header-text-color', 'sidebarHeaderTextColor'],
    ['--online-indicator', 'onlineIndicator'],
    ['--away-indicator', 'awayIndicator'],
    ['--dnd-indicator', 'dndIndicator'],
    ['--mention-bg', 'mentionBg'],
    ['--mention-color', 'mentionColor'],
    ['--center-channel-bg', 'centerChannelBg'],
    ['--center-channel-color', 'centerChannelColor'],
    ['--new-message-separator', 'newMessageSeparator'],
    ['--link-color', 'linkColor'],
    ['--button-bg', 'buttonBg'],
    ['--button-color', 'buttonColor'],
    ['--error-text', 'errorTextColor'],
    ['--mention-highlight-bg', 'mentionHighlightBg'],
    ['--mention-highlight-link', 'mentionHighlightLink'],
];

const rgbVariables: ReadonlyArray<[string, keyof Theme]> = [
    ['--away-indicator-rgb', 'awayIndicator'],
    ['--button-bg-rgb', 'buttonBg'],
    ['--button-color-rgb', 'buttonColor'],
    ['--center-channel-bg-rgb', 'centerChannelBg'],
    ['--center-channel-color-rgb', 'centerChannelColor'],
    ['--dnd-indicator-rgb', 'dndIndicator'],
    ['--error-text-color-rgb', 'errorTextColor'],
    ['--link-color-rgb', 'linkColor'],
    ['--mention-bg-rgb', 'mentionBg'],
    ['--mention-color-rgb', 'mentionColor'],
    ['--mention-highlight-bg-rgb', 'mentionHighlightBg'],
    ['--mention-highlight-link-rgb', 'mentionHighlightLink'],
    ['--new-message-separator-rgb', 'newMessageSeparator'],
    ['--online-indicator-rgb', 'onlineIndicator'],
    ['--sidebar-bg-rgb', 'sidebarBg'],
    ['--sidebar-header-bg-rgb', 'sidebarHeaderBg'],
    ['--sidebar-teambar-bg-rgb', 'sidebarTeamBarBg'],
    ['--sidebar-header-text-color-rgb', 'sidebarHeaderTextColor'],
    ['--sidebar-text-rgb', 'sidebarText'],
    ['--sidebar-text-active-border-rgb', 'sidebarTextActiveBorder'],
    ['--sidebar-text-active-color-rgb', 'sidebarTextActiveColor'],
    ['--sidebar-text-hover-bg-rgb', 'sidebarTextHoverBg'],
    ['--sidebar-unread-text-rgb', 'sidebarUnreadText'],
];

/** '#1c58d9' → '28, 88, 217' (convertToRgb + stripRGBDeclarator). */
export function hexToRgbTriplet(hex: string): string {
    let digits = hex.replace(/[^0-9a-f]/gi, '');
    if (digits.length === 3) {
        digits = digits.split('').map((digit) => digit + digit).join('');
    }
    const value = Number.parseInt(digits.slice(0, 6), 16);
    return `${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}`;
}

export function themeVariables(theme: Theme): Record<string, string> {
    const variables: Record<string, string> = {};
    for (const [name, key] of hexVariables) {
        variables[name] = theme[key];
    }
    for (const [name, key] of rgbVariables) {
        variables[name] = hexToRgbTriplet(theme[key]);
    }
    return variables;
}

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
    for (const [name, value] of Object.entries(themeVariables(theme))) {
        root.style.setProperty(name, value);
    }
}
