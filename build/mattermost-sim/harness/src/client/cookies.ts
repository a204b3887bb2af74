/** A readable cookie's value (MMUSERID, MMCSRF); MMAUTHTOKEN is HttpOnly and never visible. */
export function readCookie(name: string, cookieHeader: string = document.cookie): string | undefined {
    for (const part of cookieHeader.split(';')) {
        const [rawKey, ...rest] = part.trim().split('=');
        if (rawKey === name) {
            return decodeURIComponent(rest.join('='));
        }
    }
    return undefined;
}
