// Markdown as Mattermost renders it in posts: the host's
// window.PostUtils.formatText to HTML, then messageHtmlToComponent to React
// elements (never innerHTML). Without those helpers: the plain text.
import React from 'react';

type PostUtils = {
  formatText: (text: string, options?: Record<string, unknown>) => string;
  messageHtmlToComponent: (html: string, options?: Record<string, unknown>) => React.ReactNode;
};

function hostPostUtils(): PostUtils | null {
  const utils: unknown = (window as unknown as {PostUtils?: unknown}).PostUtils;
  if (typeof utils !== 'object' || utils === null) {
    return null;
  }
  const {formatText, messageHtmlToComponent} = utils as Partial<Record<keyof PostUtils, unknown>>;
  return typeof formatText === 'function' && typeof messageHtmlToComponent === 'function' ? utils as PostUtils : null;
}

export function Markdown({text, className}: {text: string; className: string}) {
  const utils = hostPostUtils();
  if (utils) {
    try {
      return <div className={`${className} baton-markdown`}>{utils.messageHtmlToComponent(utils.formatText(text))}</div>;
    } catch {
      // Fall through to plain text.
    }
  }
  return <div className={`${className} baton-markdown baton-markdown--plain`}>{text}</div>;
}
