import * as z from 'zod';

// GET /api/v1/me/counters: the numbers on the webapp's sidebar counters. Each
// counts what GET /api/v1/tasks lists for the caller with that list's filters
// (same visibility), so a counter and the list it opens always agree.

const count = (description: string) => z.number().int().nonnegative().meta({description});

export const myCountersSchema = z.object({
  mine: count('Open tasks whose baton is with you (holderId=you, statusCategory=open).'),
  overdue: count('Of those, the ones with a deadline in the past (holderId=you, statusCategory=open, overdue=true).'),
  waiting: count('Open tasks you handed on that their holder has not accepted yet (handedById=you, accepted=false, statusCategory=open).'),
});

export type MyCountersView = z.infer<typeof myCountersSchema>;
