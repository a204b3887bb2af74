// The one door to the bridge's REST contract (server-bridge/src/contract).
// Each file is imported by name rather than through its index: every schema a
// file defines is built when the file loads, so the index would bundle the
// whole contract (workflows, stats, ...) for the few schemas used here.
export {describeZodIssues, apiErrorSchema} from '../../../server-bridge/src/contract/errors';
export type {ApiError, FieldIssue} from '../../../server-bridge/src/contract/errors';
export {expectedVersion, versionETag} from '../../../server-bridge/src/contract/concurrency';
export {taskSchema} from '../../../server-bridge/src/contract/task';
export type {Task} from '../../../server-bridge/src/contract/task';
export {taskListPageSchema, taskListQuerySchema} from '../../../server-bridge/src/contract/list';
export type {TaskListPage, TaskListQuery, TASK_SORT_FIELDS} from '../../../server-bridge/src/contract/list';
