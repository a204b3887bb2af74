// Checks the form against the shared contract before sending (the same
// schemas the bridge parses with), and places the bridge's 400 at its field.
import {taskCreateSchema, taskPatchSchema} from '../api/contract';
import type {TaskCreateInput} from '../api/contract';
import type {TaskChanges} from '../api/bridgeApi';

import {FORM_FIELDS, fieldOfPath, pathOfField} from './taskFormValues';
import type {FormField} from './taskFormValues';

/** The invalid fields, in the form's order, each with the contract's message (English; the form shows its own). */
export type Invalid = {field: FormField; detail: string}[];

function inFormOrder(found: Map<FormField, string>): Invalid {
  return FORM_FIELDS.filter((field) => found.has(field)).map((field) => ({field, detail: found.get(field) ?? ''}));
}

function collect(issues: readonly {path: readonly PropertyKey[]; message: string}[], body: {deadlines?: readonly {kind: string}[]}): Invalid {
  const found = new Map<FormField, string>();
  for (const issue of issues) {
    const field = fieldOfPath(issue.path, body);
    if (field && !found.has(field)) {
      found.set(field, issue.message);
    }
  }
  return inFormOrder(found);
}

export function checkCreate(body: TaskCreateInput): Invalid {
  const parsed = taskCreateSchema.safeParse(body);
  return parsed.success ? [] : collect(parsed.error.issues, body);
}

/** Empty `changes` are not an error here: the form just has nothing to save. */
export function checkPatch(changes: TaskChanges, version: number): Invalid {
  if (Object.keys(changes).length === 0) {
    return [];
  }
  const parsed = taskPatchSchema.safeParse({...changes, version});
  return parsed.success ? [] : collect(parsed.error.issues, changes);
}

/** The field a bridge 400 names (BridgeError.field), if it is one of the form's. */
export function fieldOfBridgeError(field: string | null, body: {deadlines?: readonly {kind: string}[]}): FormField | null {
  return field ? fieldOfPath(pathOfField(field), body) : null;
}
