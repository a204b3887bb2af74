/** @jest-environment jsdom */
import React from 'react';

import {markupOf} from '../testing/render';

import {formatText, loadMarkdown} from './formatText';
import {messageHtmlToComponent} from './messageHtmlToComponent';

beforeAll(() => loadMarkdown());

describe('PostUtils.formatText', () => {
    it('renders Markdown', () => {
        expect(formatText('**bold** and _it_')).toBe('<p><strong>bold</strong> and <em>it</em></p>');
    });

    it('escapes HTML written in the message instead of rendering it', () => {
        const html = formatText('<script>alert(1)</script> <b onclick="x()">hi</b>');
        expect(html).not.toContain('<script');
        expect(html).not.toContain('<b ');
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(html).toContain('&lt;b onclick=&quot;x()&quot;&gt;');
    });

    it('escapes special characters in text and code', () => {
        expect(formatText('a < b & "c"')).toBe('<p>a &lt; b &amp; &quot;c&quot;</p>');
        expect(formatText('`<i>`')).toBe('<p><code>&lt;i&gt;</code></p>');
    });

    it('drops javascript: links but keeps their text', () => {
        expect(formatText('[click](javascript:alert(1))')).toBe('<p>click</p>');
        expect(formatText('[docs](https://example.com)')).toContain('href="https://example.com"');
    });

    it('renders inline only with singleline, and plain text with markdown: false', () => {
        expect(formatText('**a**', {singleline: true})).toBe('<strong>a</strong>');
        expect(formatText('**a**\n<b>', {markdown: false})).toBe('**a**<br>&lt;b&gt;');
    });
});

describe('PostUtils.messageHtmlToComponent', () => {
    it('returns React elements for formatText output', () => {
        const element = messageHtmlToComponent(formatText('Hello **world**'));
        expect(React.isValidElement(element)).toBe(true);
        expect(markupOf(element)).toBe('<p>Hello <strong>world</strong></p>');
    });

    it('drops event handler attributes and scripts from raw HTML', () => {
        const markup = markupOf(messageHtmlToComponent('<a href="/x" onclick="steal()" class="link">x</a><script>bad()</script>'));
        expect(markup).toBe('<a href="/x" class="link">x</a>');
    });

    it('accepts the legacy (html, isRHS, options) call', () => {
        expect(markupOf(messageHtmlToComponent('<p>a</p>', false, {}))).toBe('<p>a</p>');
    });
});
