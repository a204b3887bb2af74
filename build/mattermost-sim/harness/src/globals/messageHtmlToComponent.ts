// PostUtils.messageHtmlToComponent (utils/message_html_to_component.tsx):
// the HTML that formatText produced, as React elements (not as
// dangerouslySetInnerHTML), so plugins can embed it in their own trees.
import React from 'react';

const voidElements = new Set(['br', 'hr', 'img', 'input', 'wbr']);
const renamedAttributes: Record<string, string> = {class: 'className', for: 'htmlFor', tabindex: 'tabIndex', colspan: 'colSpan', rowspan: 'rowSpan'};

function styleObject(style: string): Record<string, string> {
    const result: Record<string, string> = {};
    for (const declaration of style.split(';')) {
        const [property, ...value] = declaration.split(':');
        if (property?.trim() && value.length > 0) {
            const camel = property.trim().replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
            result[camel] = value.join(':').trim();
        }
    }
    return result;
}

function propsOf(element: Element, key: string): Record<string, unknown> {
    const props: Record<string, unknown> = {key};
    for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on')) {
            continue; // never event handlers from message HTML
        }
        if (name === 'style') {
            props.style = styleObject(attribute.value);
        } else {
            props[renamedAttributes[name] ?? attribute.name] = attribute.value;
        }
    }
    return props;
}

function toReact(node: Node, key: string): React.ReactNode {
    if (node.nodeType === Node.TEXT_NODE) {
        return node.textContent;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) {
        return null;
    }
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style') {
        return null;
    }
    const children = voidElements.has(tag) ? [] : Array.from(element.childNodes).map((child, index) => toReact(child, `${key}.${index}`));
    return React.createElement(tag, propsOf(element, key), ...children);
}

/** Accepts (html, options) and the older (html, isRHS, options), like export.ts does. */
export function messageHtmlToComponent(html: string, ..._otherArgs: unknown[]): React.ReactElement {
    const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
    const children = Array.from(body.childNodes).map((child, index) => toReact(child, String(index)));
    return React.createElement(React.Fragment, null, ...children);
}
