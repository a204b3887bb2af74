// Port of webapp/channels/src/utils/func.ts reArg: a registry method takes
// either positional arguments or ONE plain object whose keys are all in the
// method's key list. An object with any other key is silently treated as the
// first positional argument (lodash zipObject), exactly as in Mattermost.

/** lodash isPlainObject: an object literal or Object.create(null), from any realm. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Object.prototype.toString.call(value) !== '[object Object]') {
        return false;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === null) {
        return true;
    }
    const ctor: unknown = Object.prototype.hasOwnProperty.call(proto, 'constructor') ? (proto as {constructor: unknown}).constructor : undefined;
    return typeof ctor === 'function' && Function.prototype.toString.call(ctor) === Function.prototype.toString.call(Object);
}

export function reArg<TArgs extends Record<string, unknown>, TResult>(
    keyOrder: ReadonlyArray<keyof TArgs & string>,
    func: (args: TArgs) => TResult,
): (...args: unknown[]) => TResult {
    return (...args: unknown[]) => {
        const first = args[0];
        const isConfigObjectArg = args.length === 1 && isPlainObject(first);
        const keysMatch = isConfigObjectArg && Object.keys(first).every((key) => keyOrder.includes(key));
        if (isConfigObjectArg && keysMatch) {
            return func(first as TArgs);
        }
        const zipped: Record<string, unknown> = {};
        keyOrder.forEach((key, index) => {
            zipped[key] = args[index];
        });
        return func(zipped as TArgs);
    };
}
