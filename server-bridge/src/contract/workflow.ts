import * as z from 'zod';
import {deadlineInputSchema} from './deadline';
import {caseRefShape, channelId, deadlineKind, title, userId} from './fields';
import {mustBe, strictRequest} from './messages';

// Workflow templates and runs. A template is an ordered list of steps; each
// step says who receives the baton (a fixed user, the run's requester, a role
// filled when the run starts, or whoever the previous holder chooses) and how
// its deadlines are computed. Editing a template makes a new version; a run
// keeps the version it started with.

const nameRule = mustBe('1–100 characters');
const name = z.string(nameRule).trim().min(1, nameRule).max(100, nameRule);
const instructionsRule = mustBe('markdown of at most 10,000 characters');
const roleRule = mustBe('a role name: a lowercase letter, then up to 31 lowercase letters, digits or _ (e.g. attorney)');
export const roleName = z.string(roleRule).regex(/^[a-z][a-z0-9_]{0,31}$/, roleRule);

export const assigneeRuleSchema = z.discriminatedUnion(
  'kind',
  [
    strictRequest({kind: z.literal('user'), userId}).meta({description: 'Always this user.'}),
    strictRequest({kind: z.literal('requester')}).meta({description: 'Whoever started the run.'}),
    strictRequest({kind: z.literal('role'), role: roleName}).meta({description: 'The user given for this role when the run starts.'}),
    strictRequest({kind: z.literal('chosen')}).meta({description: 'Chosen by the previous step’s holder when they complete it (nextHolderId).'}),
  ],
  mustBe('an object whose kind is user (with userId), requester, role (with role) or chosen'),
);

const businessDaysRule = mustBe('a whole number of business days from 0 to 365');
const businessDays = z.int(businessDaysRule).min(0, businessDaysRule).max(365, businessDaysRule);

export const deadlineRuleSchema = z.discriminatedUnion(
  'from',
  [
    strictRequest({kind: deadlineKind, from: z.literal('step_start'), businessDays}).meta({
      description: 'Due at the end of the business day that many business days after the step starts (e.g. internal = +3).',
    }),
    strictRequest({kind: deadlineKind, from: z.literal('run'), runDeadline: deadlineKind, businessDaysBefore: businessDays.optional()}).meta({
      description: 'The run’s overall deadline of kind runDeadline (e.g. the customer deadline), optionally that many business days earlier.',
    }),
  ],
  mustBe('an object whose from is step_start (with businessDays) or run (with runDeadline)'),
);

export const workflowStepSchema = strictRequest({
  name,
  instructions: z.string(instructionsRule).max(10_000, instructionsRule).default(''),
  assignee: assigneeRuleSchema,
  deadlines: z
    .array(deadlineRuleSchema, mustBe('a list of at most 10 deadline rules'))
    .max(10, mustBe('a list of at most 10 deadline rules'))
    .refine((rules) => new Set(rules.map((rule) => rule.kind)).size === rules.length, {message: 'must name each deadline kind once'})
    .default([]),
});

const stepsRule = mustBe('a list of 1 to 30 steps');

/** A template as created, replaced (new version) and exported/imported. */
export const workflowDefinitionSchema = strictRequest({
  name,
  description: z.string(mustBe('at most 2,000 characters')).max(2000, mustBe('at most 2,000 characters')).default(''),
  steps: z.array(workflowStepSchema, stepsRule).min(1, stepsRule).max(30, stepsRule),
}).superRefine((definition, context) => {
  const first = definition.steps[0];
  if (first?.assignee.kind === 'chosen') {
    context.addIssue({code: 'custom', path: ['steps', 0, 'assignee'], message: 'the first step cannot be chosen at handoff (nobody holds the baton before it): use user, requester or role'});
  }
});

/** A template named by its id or by its name (any letter case), in a path. */
const templateRefRule = mustBe('a workflow template id or name (1–100 characters)');
export const workflowTemplateRef = z.string(templateRefRule).min(1, templateRefRule).max(100, templateRefRule);

export const WORKFLOW_EXPORT_FORMAT = 'baton.workflow/1';

/** A template as a file: what export writes and import reads. */
export const workflowExportSchema = strictRequest({
  format: z.literal(WORKFLOW_EXPORT_FORMAT, mustBe(`"${WORKFLOW_EXPORT_FORMAT}"`)),
  definition: workflowDefinitionSchema,
});

export const workflowTemplateSchema = z.object({
  id: z.string(),
  version: z.int().meta({description: 'Editing makes a new version; runs keep theirs.'}),
  definition: workflowDefinitionSchema,
  roles: z.array(roleName).meta({description: 'The roles its steps name; a run must fill each.'}),
  createdBy: z.string(),
  updatedAt: z.iso.datetime(),
});

export const workflowRunStartSchema = strictRequest({
  title: title.optional().meta({description: 'Defaults to the template name and the case id.'}),
  channelId: channelId.meta({description: 'Where the run’s tasks live (members see them).'}),
  caseRef: strictRequest(caseRefShape).optional(),
  roles: z.record(roleName, userId, mustBe('an object mapping each role to a user id')).default({}),
  deadlines: z.array(deadlineInputSchema, mustBe('a list of deadlines')).max(10, mustBe('a list of at most 10 deadlines')).default([]),
  comment: z.string(mustBe('at most 5000 characters')).max(5000, mustBe('at most 5000 characters')).optional().meta({description: 'A note for the first holder.'}),
  runChannel: z
    .boolean(mustBe('true or false'))
    .default(false)
    .meta({
      description:
        'Give the case its own private channel (in the team of channelId) with the run’s people — requester, role holders, fixed step users; later holders join when the baton reaches them — where the run’s handoffs are announced. Created shortly after the run starts, archived BATON_RUN_CHANNEL_ARCHIVE_DAYS after it completes.',
    }),
});

export const workflowStepStateSchema = z.object({
  position: z.int(),
  name: z.string(),
  taskId: z.string(),
  taskKey: z.string(),
  holderId: z.string().nullable(),
  startedAt: z.iso.datetime().nullable(),
  completedAt: z.iso.datetime().nullable(),
});

export const workflowTemplateListSchema = z.object({items: z.array(workflowTemplateSchema), nextCursor: z.null()});

export const workflowRunSchema = z.object({
  id: z.string(),
  templateId: z.string(),
  templateVersion: z.int(),
  title: z.string(),
  status: z.enum(['active', 'completed', 'cancelled']),
  requesterId: z.string(),
  channelId: z.string(),
  parentTaskId: z.string(),
  parentTaskKey: z.string(),
  currentStep: z.int().nullable(),
  steps: z.array(workflowStepStateSchema),
  startedAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  runChannel: z
    .object({
      channelId: z.string().nullable().meta({description: 'Null until Baton has created the channel (it does so shortly after the run starts, retrying while Mattermost is away).'}),
      archiveRequestedAt: z.iso.datetime().nullable(),
    })
    .nullable()
    .meta({description: 'The run’s own private channel; null when the run was started without one.'}),
});

export type WorkflowDefinition = z.output<typeof workflowDefinitionSchema>;
export type WorkflowDefinitionInput = z.input<typeof workflowDefinitionSchema>;
export type WorkflowStep = z.output<typeof workflowStepSchema>;
export type AssigneeRule = z.output<typeof assigneeRuleSchema>;
export type DeadlineRule = z.output<typeof deadlineRuleSchema>;
export type WorkflowRunStart = z.output<typeof workflowRunStartSchema>;
export type WorkflowTemplateBody = z.infer<typeof workflowTemplateSchema>;
export type WorkflowRunBody = z.infer<typeof workflowRunSchema>;
