import {workflowTemplateListSchema} from '../api/contract';

import {checkRunStart, emptyRunStartValues, fieldOfIssue} from './runStartValues';

const [template] = workflowTemplateListSchema.parse({nextCursor: null, items: [{
  id: 'tpl-1', version: 1, roles: ['attorney'], createdBy: 'u', updatedAt: '2025-03-01T00:00:00.000Z',
  definition: {name: 'Filing', steps: [{name: 'Draft', assignee: {kind: 'role', role: 'attorney'}}]},
}]}).items;
const channelId = 'cccccccccccccccccccccccccc';
const attorney = {userId: 'aaaaaaaaaaaaaaaaaaaaaaaaaa', unresolved: ''};

describe('runStartValues', () => {
  it('puts a contract path at the form field it is about', () => {
    const request = {deadlines: [{kind: 'customer', due: 'x'}]};
    expect(fieldOfIssue('deadlines.0.due', request)).toBe('deadlines.customer');
    expect(fieldOfIssue('deadlines.3.due', request)).toBe('form');
    expect(fieldOfIssue('roles.reviewer', request)).toBe('roles.reviewer');
    expect(fieldOfIssue('caseRef', request)).toBe('caseRef.id');
    expect(fieldOfIssue('caseRef.url', request)).toBe('caseRef.url');
    expect(fieldOfIssue('channelId', request)).toBe('form');
  });

  it('names the run after the case when the case has no link, and leaves optional parts out', () => {
    const checked = checkRunStart({...emptyRunStartValues, templateId: 'tpl-1', caseId: ' JP-1 ', roles: {attorney}}, template, channelId);
    expect(checked).toEqual({ok: true, request: {channelId, roles: {attorney: attorney.userId}, deadlines: [], runChannel: false, title: 'Filing: JP-1'}});
  });

  it('refuses without a channel, and reports the contract\'s checks at their fields', () => {
    expect(checkRunStart({...emptyRunStartValues, roles: {attorney}}, template, null)).toEqual({ok: false, errors: {form: {id: 'baton.workflow_start.error.channel'}}});
    const long = checkRunStart({...emptyRunStartValues, title: 'x'.repeat(201), comment: 'y'.repeat(5001), roles: {attorney}}, template, channelId);
    expect(long).toEqual({ok: false, errors: {title: {id: 'baton.workflow_start.error.title'}, comment: {id: 'baton.workflow_start.error.comment'}}});
  });
});
