// The harness talks to developers through the browser console, loudly, when a
// plugin does something that would fail or behave differently in Mattermost.
const prefix = '[mattermost-sim harness]';

export const harnessLog = {
    error: (message: string, ...details: unknown[]) => console.error(`${prefix} ${message}`, ...details),
    warn: (message: string, ...details: unknown[]) => console.warn(`${prefix} ${message}`, ...details),
    info: (message: string, ...details: unknown[]) => console.info(`${prefix} ${message}`, ...details),
};

/** Logs each distinct message once (warnings that would otherwise repeat on every render). */
export function warnOnce(seen: Set<string>, message: string): void {
    if (!seen.has(message)) {
        seen.add(message);
        harnessLog.warn(message);
    }
}
