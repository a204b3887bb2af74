import {Readable} from 'node:stream';
import type {FastifyInstance} from 'fastify';
import {API_V1} from '../../contract';
import {auditExportQuerySchema} from '../../contract/audit';
import type {AuditService} from '../../domain/audit/auditService';
import {auditCsv, auditJson} from '../presenters/auditPresenter';
import {callerOf} from '../requireCaller';
import {parseRequest} from '../validation';

// GET /api/v1/admin/audit — the audit log of a range, as a file. Thin:
// parse → the service authorizes and pages → present as a stream.

export interface AuditRouteDeps {
  audit: AuditService;
}

export function registerAuditRoutes(server: FastifyInstance, deps: () => AuditRouteDeps): void {
  server.get(`${API_V1}/admin/audit`, async (request, reply) => {
    const {from, to, format} = parseRequest(auditExportQuerySchema, request.query, 'query');
    const range = {from: new Date(from), to: new Date(to)};
    const pages = await deps().audit.exportRange(callerOf(request), range);
    const exportedAt = new Date().toISOString();
    const body = format === 'csv' ? auditCsv(pages) : auditJson(pages, {from: range.from.toISOString(), to: range.to.toISOString(), exportedAt});
    return reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="baton-audit-${range.from.toISOString().slice(0, 10)}.${format}"`)
      .send(Readable.from(body));
  });
}
