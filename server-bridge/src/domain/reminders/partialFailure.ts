// One person's failure (Mattermost unreachable for their channels, say) must
// not cost everyone else their notice: a job carries on past it and reports
// all of them at the end, for the scheduler to log. The next tick tries the
// failed ones again; notices already enqueued are not repeated (their keys).

export function partialFailure(job: string, failures: unknown[], people: number): Error {
  const first = failures[0] instanceof Error ? failures[0].message : String(failures[0]);
  return new Error(`${job}: ${failures.length} failure(s) among ${people} people, retried on the next tick; first: ${first}`, {cause: failures[0]});
}
