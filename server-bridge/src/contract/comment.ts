import * as z from 'zod';
import {opaqueId, userId, utcInstant} from './fields';
import {mustBe, strictRequest} from './messages';
import {pageOf} from './pagination';

// Comments on a task. The body is markdown; a body of only spaces says
// nothing and is refused.

export const COMMENT_MAX = 20_000;
const bodyRule = mustBe(`markdown text of 1–${COMMENT_MAX} characters, not only spaces`);
const commentBody = z.string(bodyRule).min(1, bodyRule).max(COMMENT_MAX, bodyRule).regex(/\S/, bodyRule);

export const commentCreateSchema = strictRequest({body: commentBody});
export const commentUpdateSchema = strictRequest({body: commentBody});

export const commentSchema = z.object({
  id: opaqueId,
  taskId: opaqueId,
  authorId: userId,
  body: z.string(),
  createdAt: utcInstant,
  updatedAt: utcInstant,
  edited: z.boolean().meta({description: 'Whether the body was changed after it was posted.'}),
});

/** GET …/comments: oldest first. */
export const commentPageSchema = pageOf(commentSchema);

export type CommentCreate = z.output<typeof commentCreateSchema>;
export type CommentUpdate = z.output<typeof commentUpdateSchema>;
export type Comment = z.infer<typeof commentSchema>;
export type CommentPage = z.infer<typeof commentPageSchema>;
