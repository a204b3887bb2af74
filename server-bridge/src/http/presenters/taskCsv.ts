import type {Task} from '../../domain/tasks/task';

// One CSV row per task (RFC 4180). The file starts with a UTF-8 byte order
// mark: without it Excel reads Japanese, Chinese and Russian text as
// mojibake. Cells that a spreadsheet would run as a formula are quoted with
// a leading apostrophe (CSV injection).

const STANDARD_DEADLINES = ['legal', 'customer', 'internal'] as const;

export const CSV_HEADER = [
  'key',
  'title',
  'status',
  'priority',
  'holderId',
  'creatorId',
  'channelId',
  'labels',
  'caseId',
  'caseUrl',
  ...STANDARD_DEADLINES.map((kind) => `deadline.${kind}`),
  'otherDeadlines',
  'startDate',
  'createdAt',
  'updatedAt',
  'closedAt',
  'version',
  'id',
];

export const CSV_BOM = '\uFEFF';

export function csvRow(cells: Array<string | number | null>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function taskCsvRow(task: Task): string {
  const due = (kind: string) => task.deadlines.find((deadline) => deadline.kind === kind)?.dueAt.toISOString() ?? null;
  const others = task.deadlines
    .filter((deadline) => !(STANDARD_DEADLINES as readonly string[]).includes(deadline.kind))
    .map((deadline) => `${deadline.kind}=${deadline.dueAt.toISOString()}`)
    .join('; ');
  return csvRow([
    task.key,
    task.title,
    task.statusName,
    task.priority,
    task.holderId,
    task.creatorId,
    task.channelId,
    task.labels.join('; '),
    task.caseRef?.id ?? null,
    task.caseRef?.url ?? null,
    ...STANDARD_DEADLINES.map(due),
    others,
    task.startDate,
    task.createdAt.toISOString(),
    task.updatedAt.toISOString(),
    task.closedAt?.toISOString() ?? null,
    task.version,
    task.id,
  ]);
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
