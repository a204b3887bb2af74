import {formatZodIssues} from './errors';
import {taskPatchSchema} from './taskPatch';

const problems = (value: unknown) => {
  const result = taskPatchSchema.safeParse(value);
  return result.success ? [] : formatZodIssues(result.error);
};

describe('TaskPatch', () => {
  it('accepts any subset of the editable fields with or without a version', () => {
    expect(taskPatchSchema.parse({title: ' New title ', version: 4})).toEqual({title: 'New title', version: 4});
    expect(taskPatchSchema.parse({priority: 'high'})).toEqual({priority: 'high'});
  });

  it('clears with null what can be cleared', () => {
    const clearing = {startDate: null, parentId: null, caseRef: null, labels: [], deadlines: [{kind: 'internal', due: null}]};
    expect(taskPatchSchema.parse(clearing)).toEqual(clearing);
    expect(problems({title: null})).toEqual(['title: must be 1–200 characters']);
  });

  it('sends holder and status changes to their own endpoints', () => {
    expect(problems({holderId: 'x', version: 1})).toEqual(['holderId: cannot be changed by PATCH: pass the baton with POST /api/v1/tasks/{idOrKey}/handoff']);
    expect(problems({statusId: 'done'})).toEqual(['statusId: cannot be changed by PATCH: change the status with POST /api/v1/tasks/{idOrKey}/transition']);
  });

  it('refuses a patch that changes nothing', () => {
    expect(problems({})).toEqual(['body: must change at least one of title, description, priority, deadlines, startDate, parentId, labels, caseRef']);
    expect(problems({version: 3})).toHaveLength(1);
  });

  it('refuses unknown fields and bad versions, naming them', () => {
    expect(problems({title: 'ok', titel: 'typo'})).toEqual([expect.stringMatching(/^titel: is not a known field \(known fields: title, description, priority, deadlines, startDate, parentId, labels, caseRef, version\)$/)]);
    expect(problems({title: 'ok', version: 0})).toEqual(['version: must be the version of the task you last read (an integer from 1)']);
    expect(problems({title: 'ok', version: '3'})).toEqual(['version: must be the version of the task you last read (an integer from 1)']);
  });
});
