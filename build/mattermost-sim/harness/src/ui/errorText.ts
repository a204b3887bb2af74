/** A user-facing text for what actions return or throw: {message}, Error, or a string. */
export function errorText(error: unknown): string {
    if (typeof error === 'string') {
        return error;
    }
    if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
        return error.message;
    }
    return String(error);
}
