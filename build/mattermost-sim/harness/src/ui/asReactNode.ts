import React from 'react';

/** Plugin-supplied texts and icons are typed unknown; render only what React can render. */
export function asReactNode(value: unknown): React.ReactNode {
    if (value === null || value === undefined || typeof value === 'boolean') {
        return null;
    }
    if (typeof value === 'string' || typeof value === 'number' || React.isValidElement(value)) {
        return value;
    }
    if (Array.isArray(value)) {
        return value.map(asReactNode);
    }
    return null;
}

export function asFunction<Args extends unknown[], Result>(value: unknown): ((...args: Args) => Result) | undefined {
    return typeof value === 'function' ? (value as (...args: Args) => Result) : undefined;
}
