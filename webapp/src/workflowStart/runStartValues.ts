// The start-a-workflow form's values and the request they make. Checks the
// form can make itself (a role with nobody, a case link without a case id)
// come first; then the request goes through the contract's own
// workflowRunStartSchema, and each of its issues is put at the form field it
// is about. A 400 from the bridge names a field in the same terms
// (`roles.reviewer`, `deadlines.0.due`), mapped the same way (fieldOfIssue).
import type {WorkflowRunRequest} from '../api/bridgeApi';
import {describeZodIssues, workflowRunStartSchema} from '../api/contract';
import type {WorkflowTemplateBody} from '../api/contract';
import type {FieldMessage} from '../rhs/formParts';

export const deadlineKinds = ['legal', 'customer', 'internal'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export type RoleValue = {userId: string | null; /** Text that names nobody yet. */ unresolved: string};

export type RunStartValues = {
  templateId: string;
  title: string;
  caseId: string;
  caseUrl: string;
  roles: Record<string, RoleValue>;
  /** YYYY-MM-DD from a date input, '' for none. */
  deadlines: Record<DeadlineKind, string>;
  comment: string;
  runChannel: boolean;
};

export const emptyRunStartValues: RunStartValues = {
  templateId: '',
  title: '',
  caseId: '',
  caseUrl: '',
  roles: {},
  deadlines: {legal: '', customer: '', internal: ''},
  comment: '',
  runChannel: false,
};

/** Form field → message. Fields: template, title, caseRef.id, caseRef.url, roles.<role>, deadlines.<kind>, comment, form. */
export type FieldErrors = Record<string, FieldMessage>;

// Written out as {id: '...'} so the catalog test sees every id in use.
const schemaMessages: Record<string, {id: string}> = {
  'title': {id: 'baton.workflow_start.error.title'},
  'caseRef.id': {id: 'baton.workflow_start.error.case_id'},
  'caseRef.url': {id: 'baton.workflow_start.error.case_url'},
  'comment': {id: 'baton.workflow_start.error.comment'},
};

/** The form field a contract path is about (`deadlines.1.due` → the kind sent second). */
export function fieldOfIssue(path: string, request: Pick<WorkflowRunRequest, 'deadlines'>): string {
  const deadline = /^deadlines\.(\d+)/.exec(path);
  if (deadline) {
    const kind = request.deadlines?.[Number(deadline[1])]?.kind;
    return kind ? `deadlines.${kind}` : 'form';
  }
  const role = /^roles\.[^.]+/.exec(path);
  if (role) {
    return role[0];
  }
  if (path === 'caseRef') {
    return 'caseRef.id';
  }
  return ['title', 'caseRef.id', 'caseRef.url', 'comment'].includes(path) ? path : 'form';
}

export type RunStartCheck = {ok: true; request: WorkflowRunRequest} | {ok: false; errors: FieldErrors};

export function checkRunStart(values: RunStartValues, template: WorkflowTemplateBody | undefined, channelId: string | null): RunStartCheck {
  const errors: FieldErrors = {};
  if (!template) {
    errors.template = {id: 'baton.workflow_start.error.template'};
  }
  if (!channelId) {
    errors.form = {id: 'baton.workflow_start.error.channel'};
  }
  const roles: Record<string, string> = {};
  for (const role of template?.roles ?? []) {
    const value = values.roles[role];
    if (value?.userId) {
      roles[role] = value.userId;
    } else if (value?.unresolved) {
      errors[`roles.${role}`] = {id: 'baton.workflow_start.error.role_unknown', values: {name: value.unresolved}};
    } else {
      errors[`roles.${role}`] = {id: 'baton.workflow_start.error.role_missing', values: {role}};
    }
  }
  const caseId = values.caseId.trim();
  const caseUrl = values.caseUrl.trim();
  if (caseUrl && !caseId) {
    errors['caseRef.url'] = {id: 'baton.workflow_start.error.url_needs_case'};
  }
  if (!template || !channelId || Object.keys(errors).length > 0) {
    return {ok: false, errors};
  }
  // A case without a link cannot be a caseRef (it needs both): it goes into the title, as `/task workflow start` does.
  const title = values.title.trim() || (caseId && !caseUrl ? template.definition.name : '');
  const request: WorkflowRunRequest = {
    channelId,
    roles,
    deadlines: deadlineKinds.filter((kind) => values.deadlines[kind] !== '').map((kind) => ({kind, due: values.deadlines[kind]})),
    runChannel: values.runChannel,
    ...(title ? {title: caseId && !caseUrl && !title.includes(caseId) ? `${title}: ${caseId}` : title} : {}),
    ...(caseId && caseUrl ? {caseRef: {id: caseId, url: caseUrl}} : {}),
    ...(values.comment.trim() ? {comment: values.comment.trim()} : {}),
  };
  const parsed = workflowRunStartSchema.safeParse(request);
  if (parsed.success) {
    return {ok: true, request};
  }
  for (const issue of describeZodIssues(parsed.error)) {
    const field = fieldOfIssue(issue.field, request);
    errors[field] ??= schemaMessages[field] ?? (field.startsWith('deadlines.') ? {id: 'baton.workflow_start.error.deadline'} : {text: `${issue.field}: ${issue.message}`});
  }
  return {ok: false, errors};
}
