import React from 'react';

/** react-is isValidElementType, minus strings: a component function/class, or memo/forwardRef/lazy. */
function isComponentType(value: unknown): value is React.ElementType {
    if (typeof value === 'function') {
        return true;
    }
    return typeof value === 'object' && value !== null && '$$typeof' in value && !React.isValidElement(value);
}

/**
 * registry.ts resolveReactElement: icon/text/title arguments may be given as a
 * component instead of an element; the registry instantiates it.
 */
export function resolveReactElement(element: unknown): unknown {
    if (element && !React.isValidElement(element) && isComponentType(element) && typeof element !== 'string') {
        return React.createElement(element);
    }
    return element;
}
