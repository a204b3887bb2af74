// "Create task from message": what the new task form starts with, taken
// from the post. Pure; registerPostMenu.ts reads the host state.
import {TITLE_MAX} from '../api/contract';
import type {TaskFormPrefill} from '../state/rhsSlice';

/** The first line with text, Markdown markers removed (roughly: enough for a title), at most TITLE_MAX characters. */
export function titleFromMessage(message: string): string {
  for (const line of message.split(/\r?\n/)) {
    const plain = line
      .replace(/^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)+/, '')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__|~~|`+)/g, '')
      .replace(/(^|\s)[*_](\S(?:.*?\S)?)[*_](?=\s|$)/g, '$1$2')
      .trim();
    if (plain !== '' && !/^(`{3,}|~{3,}|-{3,}|\*{3,})$/.test(plain)) {
      return Array.from(plain).slice(0, TITLE_MAX).join('');
    }
  }
  return '';
}

/** A post's permalink as Mattermost writes it: <SiteURL>/<team name>/pl/<post id>. */
export function permalink(siteUrl: string, teamName: string, postId: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/${teamName}/pl/${postId}`;
}

export function prefillFromPost(post: {id: string; message: string; channelId: string}, link: string | null): TaskFormPrefill {
  return {
    title: titleFromMessage(post.message),
    description: link ? `${post.message}\n\n${link}` : post.message,
    channelId: post.channelId,
    sourcePostId: post.id,
  };
}

/** System messages (joins, header changes) and ephemeral ones (type system_ephemeral) are not work to track. */
export function canMakeTaskFrom(post: {type: string} | null): boolean {
  return post !== null && !post.type.startsWith('system_');
}
