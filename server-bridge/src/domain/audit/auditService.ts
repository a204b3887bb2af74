import {errors} from '../../errors';
import type {ChannelAccess} from '../tasks/ports';
import type {Caller} from '../tasks/task';
import type {AuditReads, AuditRecord} from './audit';

// Reading the audit log: system admins only (a guest, a member or an API
// token gets 403), page by page so an export of any size streams.

export const AUDIT_PAGE = 500;

export interface AuditServiceDeps {
  reads: AuditReads;
  access: Pick<ChannelAccess, 'isSystemAdmin'>;
}

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService({reads, access}: AuditServiceDeps) {
  return {
    /** Checks the caller first (so a refusal is a clean 403), then yields the range's entries oldest first, a page at a time. */
    async exportRange(caller: Caller, range: {from: Date; to: Date}): Promise<AsyncIterable<AuditRecord[]>> {
      if (caller.guest || caller.via || !(await access.isSystemAdmin(caller.userId))) {
        throw errors.forbidden('audit', 'Only a Mattermost system admin can export the audit log.');
      }
      return pages(reads, range);
    },
  };
}

async function* pages(reads: AuditReads, range: {from: Date; to: Date}): AsyncGenerator<AuditRecord[]> {
  let afterId: string | undefined;
  for (;;) {
    const page = await reads.listRange({...range, limit: AUDIT_PAGE, ...(afterId ? {afterId} : {})});
    if (page.length > 0) yield page;
    if (page.length < AUDIT_PAGE) return;
    afterId = page[page.length - 1]?.id;
  }
}
