// Optimistic concurrency: a change names the task version it was made
// against, in the body (`version`) or as `If-Match: "<version>"` (the ETag
// that GET /api/v1/tasks/{idOrKey} returns). A stale version is refused with
// 409 rather than silently overwriting someone else's change.

/** The ETag of a task version, as sent in `ETag` and expected in `If-Match`. */
export function versionETag(version: number): string {
  return `"${version}"`;
}

const STRONG_VERSION_TAG = /^\s*"([1-9][0-9]{0,9})"\s*$/;

export type ExpectedVersion =
  | {ok: true; version: number | undefined}
  | {ok: false; field: 'version' | 'If-Match'; message: string};

/**
 * Reconciles the body's `version` with the If-Match header. `required`:
 * whether the change must name a version (PATCH does; handoff and transition
 * may leave it out and then apply to whatever version is current).
 */
export function expectedVersion(bodyVersion: number | undefined, ifMatch: string | undefined, required: boolean): ExpectedVersion {
  let headerVersion: number | undefined;
  if (ifMatch !== undefined) {
    // Only one strong tag: a weak tag or `*` would not say which version the change was made against.
    const match = STRONG_VERSION_TAG.exec(ifMatch);
    if (!match?.[1]) {
      return {ok: false, field: 'If-Match', message: 'If-Match: must be the task version in quotes, e.g. "3" (the ETag of GET /api/v1/tasks/{idOrKey})'};
    }
    headerVersion = Number(match[1]);
  }
  if (bodyVersion !== undefined && headerVersion !== undefined && bodyVersion !== headerVersion) {
    return {ok: false, field: 'version', message: `version: ${bodyVersion} disagrees with If-Match ${ifMatch?.trim()}; send one version, or the same in both`};
  }
  const version = bodyVersion ?? headerVersion;
  if (version === undefined && required) {
    return {ok: false, field: 'version', message: 'version: is required (the version you last read, in the body or as If-Match: "<version>")'};
  }
  return {ok: true, version};
}
