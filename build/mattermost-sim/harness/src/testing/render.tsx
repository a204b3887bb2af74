// Renders into jsdom with a React 18 root, inside act().
import type React from 'react';
import {createRoot} from 'react-dom/client';
import type {Root} from 'react-dom/client';
import {act} from 'react-dom/test-utils';

(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
    container: HTMLElement;
    unmount: () => void;
}

export function render(element: React.ReactElement): Rendered {
    const container = document.createElement('div');
    document.body.appendChild(container);
    let root: Root | undefined;
    act(() => {
        root = createRoot(container);
        root.render(element);
    });
    return {
        container,
        unmount: () => {
            act(() => root?.unmount());
            container.remove();
        },
    };
}

/** The markup React renders for an element. */
export function markupOf(element: React.ReactElement): string {
    const rendered = render(element);
    const html = rendered.container.innerHTML;
    rendered.unmount();
    return html;
}

/** Sets a form control's value the way typing does, so React's onChange fires. */
export function changeValue(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
    const prototype = Object.getPrototypeOf(element) as object;
    const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
    act(() => {
        setter?.call(element, value);
        element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', {bubbles: true}));
    });
}
