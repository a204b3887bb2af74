// The one door to the bridge's REST contract (server-bridge/src/contract).
// Each file is imported by name rather than through its index: every schema a
// file defines is built when the file loads, so the index would bundle the
// whole contract (workflows, stats, ...) for the few schemas used here.
export {describeZodIssues, apiErrorSchema} from '../../../server-bridge/src/contract/errors';
export type {ApiError, FieldIssue} from '../../../server-bridge/src/contract/errors';
export {expectedVersion, versionETag} from '../../../server-bridge/src/contract/concurrency';
export {PRIORITIES, TITLE_MAX} from '../../../server-bridge/src/contract/fields';
export {taskCreateSchema} from '../../../server-bridge/src/contract/taskCreate';
export type {TaskCreateInput} from '../../../server-bridge/src/contract/taskCreate';
export {taskPatchSchema, EDITABLE_TASK_FIELDS} from '../../../server-bridge/src/contract/taskPatch';
export type {TaskPatchInput} from '../../../server-bridge/src/contract/taskPatch';
export {workflowRunSchema, workflowRunStartSchema, workflowTemplateListSchema} from '../../../server-bridge/src/contract/workflow';
export type {WorkflowRunBody, WorkflowTemplateBody} from '../../../server-bridge/src/contract/workflow';
export {userSettingsPatchSchema, userSettingsSchema} from '../../../server-bridge/src/contract/userSettings';
export type {UserSettingsBody, UserSettingsPatch} from '../../../server-bridge/src/contract/userSettings';
export {taskSchema} from '../../../server-bridge/src/contract/task';
export type {Task} from '../../../server-bridge/src/contract/task';
export {commentPageSchema, commentSchema} from '../../../server-bridge/src/contract/comment';
export type {Comment, CommentPage} from '../../../server-bridge/src/contract/comment';
export {timelinePageSchema} from '../../../server-bridge/src/contract/timeline';
export type {TimelineEvent, TimelinePage} from '../../../server-bridge/src/contract/timeline';
export {taskListPageSchema, taskListQuerySchema} from '../../../server-bridge/src/contract/list';
export type {TaskListPage, TaskListQuery, TASK_SORT_FIELDS} from '../../../server-bridge/src/contract/list';
export {myCountersSchema} from '../../../server-bridge/src/contract/counters';
export type {MyCountersView} from '../../../server-bridge/src/contract/counters';
export {keysChangedEventSchema, resyncEventSchema, taskChangedEventSchema} from '../../../server-bridge/src/contract/stream';
export type {KeysChangedEvent, TaskChangedEvent} from '../../../server-bridge/src/contract/stream';
