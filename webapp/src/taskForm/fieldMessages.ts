// What the form says under a field the contract refuses: one message per
// field in the person's language (the contract's own messages are English).
import type {FormField} from './taskFormValues';

const date = {id: 'baton.task_form.invalid.date'};
const other = {id: 'baton.task_form.invalid.other'};

export const invalidFieldMessages: Record<FormField, {id: string}> = {
  title: {id: 'baton.task_form.invalid.title'},
  description: {id: 'baton.task_form.invalid.description'},
  channelId: other,
  holderId: other,
  priority: other,
  'deadline.legal': date,
  'deadline.customer': date,
  'deadline.internal': date,
  startDate: date,
  labels: {id: 'baton.task_form.invalid.labels'},
  caseId: {id: 'baton.task_form.invalid.case_id'},
  caseUrl: {id: 'baton.task_form.invalid.case_url'},
  parent: {id: 'baton.task_form.invalid.parent'},
};
