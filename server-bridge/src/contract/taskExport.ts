import * as z from 'zod';
import {dueRangeIsOrdered, dueRangeRule, taskFilterShape} from './list';
import {mustBe, strictRequest} from './messages';
import {taskSchema} from './task';

// GET /api/v1/tasks/export: every task matching the list filters that the
// caller can see, in one file (CSV for spreadsheets, JSON for other systems).

export const EXPORT_FORMATS = ['csv', 'json'] as const;

export const taskExportQuerySchema = strictRequest({
  ...taskFilterShape,
  format: z.enum(EXPORT_FORMATS, mustBe('csv or json')),
}).refine(dueRangeIsOrdered, dueRangeRule);

export const taskExportSchema = z.object({
  exportedAt: z.iso.datetime(),
  items: z.array(taskSchema),
});

export type TaskExportQuery = z.output<typeof taskExportQuerySchema>;
export type TaskExport = z.infer<typeof taskExportSchema>;
