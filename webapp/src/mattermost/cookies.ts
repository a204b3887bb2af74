/** A readable cookie's value (MMCSRF, MMUSERID); MMAUTHTOKEN is HttpOnly and never visible here. */
export function readCookie(cookieHeader: string, name: string): string | undefined {
  for (const part of cookieHeader.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      return decodeURIComponent(rest.join('='));
    }
  }
  return undefined;
}
