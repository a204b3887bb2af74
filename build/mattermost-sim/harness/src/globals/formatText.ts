// PostUtils.formatText (utils/text_formatting.tsx): Markdown to an HTML
// string. Mattermost never renders HTML written in a message, so raw HTML is
// escaped; unsafe link protocols are dropped. Markdown comes from `marked`,
// loaded once at start-up (it is an ES module, hence the dynamic import).
import type {Marked, Tokens} from 'marked' with {'resolution-mode': 'import'};

import {isUrlSafe} from '../navigation/urls';

export interface TextFormattingOptions {
    /** Render inline only: no paragraphs (Mattermost's singleline option). */
    singleline?: boolean;
    /** false: no Markdown at all, only escaping and line breaks. */
    markdown?: boolean;
}

let markdown: Marked | undefined;

export function escapeHtml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export async function loadMarkdown(): Promise<void> {
    if (markdown) {
        return;
    }
    const {Marked: MarkedClass} = await import('marked');
    const instance = new MarkedClass({gfm: true, breaks: true, async: false});
    instance.use({
        renderer: {
            html({text}: Tokens.HTML | Tokens.Tag) {
                return escapeHtml(text);
            },
            link({href, title, tokens}: Tokens.Link) {
                const label = this.parser.parseInline(tokens);
                if (!isUrlSafe(href)) {
                    return label;
                }
                const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
                return `<a class="theme markdown__link" href="${escapeHtml(href)}" rel="noreferrer" target="_blank"${titleAttribute}>${label}</a>`;
            },
            image({href, text}: Tokens.Image) {
                return isUrlSafe(href) ? `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}">` : escapeHtml(text);
            },
        },
    });
    markdown = instance;
}

export function formatText(text: string, options: TextFormattingOptions = {}): string {
    if (options.markdown === false) {
        return escapeHtml(text).replace(/\n/g, '<br>');
    }
    if (!markdown) {
        throw new Error('PostUtils.formatText was called before the harness loaded its Markdown renderer (loadMarkdown).');
    }
    const html = options.singleline ? markdown.parseInline(text, {async: false}) : markdown.parse(text, {async: false});
    return html.trim();
}
