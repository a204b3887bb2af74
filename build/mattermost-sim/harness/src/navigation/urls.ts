/** utils/url.tsx isUrlSafe: refuses javascript:, vbscript: and data: URLs, however escaped. */
export function isUrlSafe(url: string): boolean {
    let unescaped: string;
    try {
        unescaped = decodeURIComponent(url);
    } catch {
        unescaped = url;
    }
    unescaped = unescaped.replace(/[^\w:]/g, '').toLowerCase();
    return !unescaped.startsWith('javascript:') && !unescaped.startsWith('vbscript:') && !unescaped.startsWith('data:');
}

/** utils/url.tsx getSiteURLFromWindowObject: origin plus window.basename, no trailing slash. */
export function getSiteURL(win: {location: {origin: string}; basename?: string} = window): string {
    let siteURL = win.location.origin.replace(/\/$/, '');
    if (win.basename) {
        siteURL += win.basename;
    }
    return siteURL.replace(/\/$/, '');
}

/** The path part of SiteURL ('' for a root install), used as window.basename. */
export function basenameOf(siteUrl: string | undefined): string {
    if (!siteUrl) {
        return '';
    }
    try {
        return new URL(siteUrl).pathname.replace(/\/+$/, '');
    } catch {
        return '';
    }
}
