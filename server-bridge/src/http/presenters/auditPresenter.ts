import type {AuditRecord} from '../../domain/audit/audit';
import {CSV_BOM, csvRow} from './taskCsv';

// The audit export's two formats. JSON keeps before/after as JSON; CSV puts
// them in one cell each, as JSON text.

export const AUDIT_CSV_HEADER = ['id', 'at', 'actorId', 'source', 'sourceId', 'action', 'entityType', 'entityId', 'before', 'after'];

export function presentAuditRecord(record: AuditRecord) {
  return {...record, at: record.at.toISOString()};
}

export async function* auditCsv(pages: AsyncIterable<AuditRecord[]>): AsyncGenerator<string> {
  yield CSV_BOM + csvRow(AUDIT_CSV_HEADER);
  for await (const page of pages) {
    yield page
      .map((record) =>
        csvRow([record.id, record.at.toISOString(), record.actorId, record.source, record.sourceId, record.action, record.entityType, record.entityId, jsonCell(record.before), jsonCell(record.after)]),
      )
      .join('');
  }
}

export async function* auditJson(pages: AsyncIterable<AuditRecord[]>, header: {from: string; to: string; exportedAt: string}): AsyncGenerator<string> {
  yield `{"from":${JSON.stringify(header.from)},"to":${JSON.stringify(header.to)},"exportedAt":${JSON.stringify(header.exportedAt)},"items":[`;
  let first = true;
  for await (const page of pages) {
    for (const record of page) {
      yield `${first ? '' : ','}${JSON.stringify(presentAuditRecord(record))}`;
      first = false;
    }
  }
  yield ']}';
}

function jsonCell(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
