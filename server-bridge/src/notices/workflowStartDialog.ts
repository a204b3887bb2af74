import {parseRoleAssignments} from '../commands/grammar';
import {caseId as caseIdSchema, caseUrl as caseUrlSchema} from '../contract/fields';
import type {WorkflowRun, WorkflowTemplate} from '../domain/workflows/ports';
import type {RunStart, WorkflowService} from '../domain/workflows/workflowService';
import {AppError} from '../errors';
import {errorText} from '../i18n/errorText';
import {type Translate, translatorFor} from '../i18n/translate';
import type {BotInteractions, DialogDefinition} from '../mattermost/interactions';
import type {UserIdByUsername} from '../mattermost/usernames';
import type {DialogRequest} from '../commands/taskCommand';
import {commandDialogKind, type DialogKitDeps, openBatonDialog, spendSubmission, submittedBool} from './dialogKit';
import {type DialogAnswer, type DialogSubmission, submittedText} from './handoffActions';

// The "start a workflow" dialog `/task workflow start` opens when typed alone:
// the mobile app's form for a run in the channel where the command was typed.
// A static dialog cannot ask for the roles of a template not chosen yet (a
// submission has no trigger to open a second one), so the roles are one text
// field in the command's own words (`attorney:@sato reviewer:@li`), and the
// introduction lists the roles each template needs. Everything is checked
// (the service's own checks included) before the dialog is used up: a wrong
// field keeps it open with the message under that field.

export const WORKFLOW_START_DIALOG = 'workflow_start';
const dialogKind = commandDialogKind(WORKFLOW_START_DIALOG);

export interface WorkflowStartDialogDeps extends DialogKitDeps {
  workflows: Pick<WorkflowService, 'listTemplates' | 'checkRunStart' | 'startRun'>;
  interactions: Pick<BotInteractions, 'openDialog' | 'sendEphemeral' | 'person'>;
  userIdByUsername: UserIdByUsername;
}

/** The roles a template's steps go to, in step order. */
function rolesOf(template: WorkflowTemplate): string[] {
  return [...new Set(template.definition.steps.flatMap((step) => (step.assignee.kind === 'role' ? [step.assignee.role] : [])))];
}

type Checked = {ok: true; template: WorkflowTemplate; start: RunStart} | {ok: false; errors: Record<string, string>};

export function createWorkflowStartDialog(deps: WorkflowStartDialogDeps) {
  /** The submitted fields as a run start, or the message for each wrong field. */
  async function check(submission: DialogSubmission, channelId: string, t: Translate): Promise<Checked> {
    const text = (name: string) => submittedText(submission, name);
    const found: Record<string, string> = {};
    const templates = await deps.workflows.listTemplates({userId: submission.userId, guest: false});
    const template = templates.find((each) => each.id === text('template'));
    if (!template) found.template = t(text('template') ? 'dialog.workflow.template_unknown' : 'dialog.workflow.template_required');
    const caseId = text('case');
    const caseUrl = text('case_url');
    if (caseId && !caseIdSchema.safeParse(caseId).success) found.case = t('command.new.bad_case');
    if (caseUrl && !caseUrlSchema.safeParse(caseUrl).success) found.case_url = t('dialog.workflow.bad_url');
    else if (caseUrl && !caseId) found.case_url = t('dialog.workflow.url_needs_case');
    const parsed = parseRoleAssignments(text('roles'));
    const roles: Record<string, string> = {};
    if (!parsed.ok) found.roles = t('dialog.workflow.bad_roles', {word: parsed.word});
    else {
      for (const [role, username] of Object.entries(parsed.roles)) {
        const userId = await deps.userIdByUsername(username);
        if (!userId) {
          found.roles = t('command.unknown_user', {username});
          break;
        }
        roles[role] = userId;
      }
    }
    if (!template || Object.keys(found).length > 0) return {ok: false, errors: found};
    const start: RunStart = {
      channelId,
      roles,
      deadlines: [],
      runChannel: submittedBool(submission, 'run_channel'),
      // A case without a link cannot be a caseRef: it goes into the run's title, as `/task workflow start` does.
      ...(caseId && caseUrl ? {caseRef: {id: caseId, url: caseUrl}} : caseId ? {title: `${template.name}: ${caseId}`} : {}),
    };
    return {ok: true, template, start};
  }

  /** A refusal of the run's service, under the field it is about when there is one. */
  function refusal(error: AppError, template: WorkflowTemplate, start: RunStart, t: Translate): DialogAnswer {
    if (error.status === 404) return {errors: {template: t('dialog.workflow.template_unknown')}};
    const issues = Array.isArray(error.details.issues) ? (error.details.issues as Array<{field?: unknown}>) : [];
    const needed = rolesOf(template);
    for (const issue of issues) {
      const field = String(issue.field ?? '');
      const role = /^roles\.(.+)$/.exec(field)?.[1];
      if (role !== undefined) {
        // Which check failed follows from what was given: missing, not the template's, or not in the channel.
        if (!(role in start.roles)) return {errors: {roles: t('dialog.workflow.role_missing', {role})}};
        if (!needed.includes(role)) return {errors: {roles: t('dialog.workflow.role_unknown', {role, roles: needed.join(', ') || '—'})}};
        return {errors: {roles: t('dialog.workflow.role_not_member', {role})}};
      }
      if (field.startsWith('steps.')) return {errors: {template: t('dialog.workflow.step_not_member')}};
    }
    return {error: errorText(error, t)};
  }

  return {
    /** Opens the dialog; false (and nothing opened) when there is no template to choose. */
    async open({triggerId, userId, channelId}: DialogRequest): Promise<boolean> {
      const t = translatorFor(await deps.locale(userId));
      const templates = await deps.workflows.listTemplates({userId, guest: false});
      if (templates.length === 0) return false;
      const elements: DialogDefinition['elements'] = [
        {display_name: t('dialog.workflow.template'), name: 'template', type: 'select', options: templates.map((template) => ({text: template.name, value: template.id}))},
        {display_name: t('dialog.new.case'), name: 'case', type: 'text', optional: true, max_length: 100},
        {display_name: t('dialog.workflow.case_url'), name: 'case_url', type: 'text', subtype: 'url', optional: true, max_length: 2000, help_text: t('dialog.workflow.case_url_help')},
        {display_name: t('dialog.workflow.roles'), name: 'roles', type: 'text', optional: true, max_length: 1000, help_text: t('dialog.workflow.roles_help')},
        // Optional: Mattermost refuses an unticked required bool.
        {display_name: t('dialog.workflow.run_channel'), name: 'run_channel', type: 'bool', optional: true, default: 'false', placeholder: t('dialog.workflow.run_channel_help')},
      ];
      const introduction = [
        t('dialog.workflow.intro'),
        ...templates.map((template) => {
          const roles = rolesOf(template);
          return `- **${template.name}**: ${roles.length > 0 ? roles.map((role) => `\`${role}\``).join(', ') : t('dialog.workflow.no_roles')}`;
        }),
      ].join('\n');
      await openBatonDialog(deps, {triggerId, kind: WORKFLOW_START_DIALOG, payload: {u: userId, c: channelId}, title: t('dialog.workflow.title'), introduction, elements, submitLabel: t('dialog.workflow.submit')});
      return true;
    },

    owns: dialogKind.owns,

    async submit(submission: DialogSubmission): Promise<DialogAnswer> {
      const verified = await dialogKind.receive(deps, submission);
      if (!verified.ok) return verified.answer;
      const {t, payload: {userId, channelId}} = verified;
      const checked = await check(submission, channelId, t);
      if (!checked.ok) return {errors: checked.errors};
      const {template, start} = checked;
      let run: WorkflowRun;
      try {
        const person = await deps.interactions.person(userId);
        // The service's checks (roles, channel members) first: their refusals keep the dialog open.
        await deps.workflows.checkRunStart({userId, guest: person.guest}, template.id, start);
      } catch (error) {
        if (error instanceof AppError) return refusal(error, template, start, t);
        throw error;
      }
      try {
        const caller = await spendSubmission(deps, userId, verified);
        if (!caller) return {error: t('action.used')};
        run = await deps.workflows.startRun(caller, template.id, start);
      } catch (error) {
        if (error instanceof AppError) return {error: errorText(error, t)};
        throw error;
      }
      await deps.interactions.sendEphemeral(userId, channelId, t('command.workflow.started', {title: run.title}));
      return {};
    },
  };
}

export type WorkflowStartDialog = ReturnType<typeof createWorkflowStartDialog>;
