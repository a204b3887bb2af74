// Theme colours of mattermost-redux constants/preferences.ts THEMES
// (webapp/channels/src/packages/mattermost-redux/src/constants/preferences.ts, 11.x).
export interface Theme {
    type: string;
    sidebarBg: string;
    sidebarText: string;
    sidebarUnreadText: string;
    sidebarTextHoverBg: string;
    sidebarTextActiveBorder: string;
    sidebarTextActiveColor: string;
    sidebarHeaderBg: string;
    sidebarHeaderTextColor: string;
    sidebarTeamBarBg: string;
    onlineIndicator: string;
    awayIndicator: string;
    dndIndicator: string;
    mentionBg: string;
    mentionBj: string;
    mentionColor: string;
    centerChannelBg: string;
    centerChannelColor: string;
    newMessageSeparator: string;
    linkColor: string;
    buttonBg: string;
    buttonColor: string;
    errorTextColor: string;
    mentionHighlightBg: string;
    mentionHighlightLink: string;
    codeTheme: string;
}

export type ThemeKey = 'denim' | 'onyx';

export const themes: Readonly<Record<ThemeKey, Theme>> = {
    denim: {
        type: 'Denim',
        sidebarBg: '#1e325c',
        sidebarText: '#ffffff',
        sidebarUnreadText: '#ffffff',
        sidebarTextHoverBg: '#28427b',
        sidebarTextActiveBorder: '#5d89ea',
        sidebarTextActiveColor: '#ffffff',
        sidebarHeaderBg: '#192a4d',
        sidebarHeaderTextColor: '#ffffff',
        sidebarTeamBarBg: '#162545',
        onlineIndicator: '#3db887',
        awayIndicator: '#ffbc1f',
        dndIndicator: '#d24b4e',
        mentionBg: '#ffffff',
        mentionBj: '#ffffff',
        mentionColor: '#1e325c',
        centerChannelBg: '#ffffff',
        centerChannelColor: '#3f4350',
        newMessageSeparator: '#cc8f00',
        linkColor: '#386fe5',
        buttonBg: '#1c58d9',
        buttonColor: '#ffffff',
        errorTextColor: '#d24b4e',
        mentionHighlightBg: '#ffd470',
        mentionHighlightLink: '#1b1d22',
        codeTheme: 'github',
    },
    onyx: {
        type: 'Onyx',
        sidebarBg: '#202228',
        sidebarText: '#ffffff',
        sidebarUnreadText: '#ffffff',
        sidebarTextHoverBg: '#25262a',
        sidebarTextActiveBorder: '#4a7ce8',
        sidebarTextActiveColor: '#ffffff',
        sidebarHeaderBg: '#24272d',
        sidebarHeaderTextColor: '#ffffff',
        sidebarTeamBarBg: '#292c33',
        onlineIndicator: '#3db887',
        awayIndicator: '#f5ab00',
        dndIndicator: '#d24b4e',
        mentionBg: '#4b7ce7',
        mentionBj: '#4b7ce7',
        mentionColor: '#ffffff',
        centerChannelBg: '#191b1f',
        centerChannelColor: '#e3e4e8',
        newMessageSeparator: '#1adbdb',
        linkColor: '#5d89ea',
        buttonBg: '#4a7ce8',
        buttonColor: '#ffffff',
        errorTextColor: '#da6c6e',
        mentionHighlightBg: '#0d6e6e',
        mentionHighlightLink: '#a4f4f4',
        codeTheme: 'monokai',
    },
};

/** A theme preference value names a built-in theme by `type`, or carries custom colours. */
export function themeFromPreference(value: string | undefined, fallback: ThemeKey = 'denim'): Theme {
    if (!value) {
        return themes[fallback];
    }
    const builtIn = (Object.keys(themes) as ThemeKey[]).find((key) => key === value.toLowerCase());
    if (builtIn) {
        return themes[builtIn];
    }
    try {
        const parsed = JSON.parse(value) as Partial<Theme>;
        const base = (Object.keys(themes) as ThemeKey[]).find((key) => themes[key].type === parsed.type) ?? fallback;
        return {...themes[base], ...parsed};
    } catch {
        return themes[fallback];
    }
}
