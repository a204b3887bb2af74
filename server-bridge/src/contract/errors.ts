import * as z from 'zod';

// The error body of every non-2xx answer (http/presenters/errorPresenter.ts)
// and the one way validation failures become text for people.

export const fieldIssueSchema = z.object({
  field: z.string().meta({description: 'Path of the input, joined with dots, e.g. deadlines.0.due; body or query for the whole input.'}),
  message: z.string().meta({description: 'What is allowed, e.g. "must be 1–200 characters".'}),
});

export const apiErrorSchema = z.object({
  id: z.string().meta({description: 'Stable error id, e.g. baton.bad_request.validation or baton.unauthorized; match on this, not on message.'}),
  message: z.string().meta({description: 'For people (English, like Mattermost’s API).'}),
  status: z.int(),
  details: z
    .looseObject({
      field: z.string().optional(),
      allowed: z.string().optional(),
      reason: z.string().optional().meta({description: 'For 401: missing, malformed, expired, bad_signature or deactivated; for API tokens token_unknown or token_revoked.'}),
      issues: z.array(fieldIssueSchema).optional().meta({description: 'For validation failures: one entry per problem.'}),
    })
    .optional(),
  request_id: z.string().meta({description: 'Also sent as the x-request-id header; quote it when reporting a problem.'}),
});

export type FieldIssue = z.infer<typeof fieldIssueSchema>;
export type ApiError = z.infer<typeof apiErrorSchema>;

/**
 * One entry per problem, each naming the field by its path. An unknown-field
 * issue names several keys at once; it becomes one entry per key so each
 * misspelt field is named. `root` names the whole input (`body`, `query`).
 */
export function describeZodIssues(error: z.ZodError, root = 'body'): FieldIssue[] {
  const described: FieldIssue[] = [];
  const seen = new Set<string>();
  const add = (path: ReadonlyArray<PropertyKey>, message: string) => {
    const field = path.length === 0 ? root : fieldPath(path);
    const line = `${field}: ${message}`;
    // A value can break several rules that share one message (a URL both malformed and too long).
    if (seen.has(line)) return;
    seen.add(line);
    described.push({field, message});
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) add([...issue.path, key], issue.message);
    else add(issue.path, issue.message);
  }
  return described;
}

/** A field's path for messages, joined with dots; a blank key (`?=1`, `{" ": 1}`) is quoted ("") so the message still names it. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part) => (typeof part === 'string' && part.trim() === '' ? JSON.stringify(part) : String(part))).join('.');
}

/** One line per problem for people, e.g. `title: must be 1–200 characters (leading and trailing spaces are removed)`. */
export function formatZodIssues(error: z.ZodError, root = 'body'): string[] {
  return describeZodIssues(error, root).map(({field, message}) => `${field}: ${message}`);
}
