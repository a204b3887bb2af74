import {commentCreateSchema, commentUpdateSchema} from './comment';
import {formatZodIssues} from './errors';
import {handoffSchema, transitionSchema} from './taskActions';
import {mmId} from '../testing/mattermostIds';

const problems = (schema: typeof handoffSchema | typeof transitionSchema | typeof commentCreateSchema, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : formatZodIssues(result.error);
};

describe('Handoff and Transition', () => {
  it('passes the baton to a user with an optional note and version', () => {
    expect(handoffSchema.parse({toUserId: mmId('tanaka')})).toEqual({toUserId: mmId('tanaka')});
    expect(handoffSchema.parse({toUserId: mmId('tanaka'), comment: 'Claims 1–3 done.', version: 7})).toEqual({toUserId: mmId('tanaka'), comment: 'Claims 1–3 done.', version: 7});
  });

  it('explains a missing recipient, a long note and unknown fields', () => {
    expect(problems(handoffSchema, {})).toEqual(['toUserId: is required (a Mattermost user id (26 lowercase letters and digits))']);
    expect(problems(handoffSchema, {toUserId: mmId('a'), comment: 'x'.repeat(5001)})).toEqual(['comment: must be markdown text of at most 5000 characters']);
    expect(problems(handoffSchema, {toUserId: mmId('a'), to: 'b'})).toEqual([expect.stringMatching(/^to: is not a known field \(known fields: toUserId, comment, version\)$/)]);
  });

  it('changes status by id', () => {
    expect(transitionSchema.parse({statusId: 'done', comment: 'Filed.'})).toEqual({statusId: 'done', comment: 'Filed.'});
    expect(problems(transitionSchema, {statusId: 'Done!'})).toEqual(['statusId: must be a status id such as open, in_progress or done']);
  });
});

describe('CommentCreate and CommentUpdate', () => {
  it('takes a markdown body of 1–20000 characters that is not only spaces', () => {
    expect(commentCreateSchema.parse({body: '  **LGTM**  '})).toEqual({body: '  **LGTM**  '});
    expect(commentUpdateSchema.parse({body: 'edited'})).toEqual({body: 'edited'});
    const rule = 'body: must be markdown text of 1–20000 characters, not only spaces';
    expect(problems(commentCreateSchema, {body: ''})).toEqual([rule]);
    expect(problems(commentCreateSchema, {body: ' \n '})).toEqual([rule]);
    expect(problems(commentCreateSchema, {body: 'x'.repeat(20_001)})).toEqual([rule]);
    expect(problems(commentCreateSchema, {})).toEqual(['body: is required (markdown text of 1–20000 characters, not only spaces)']);
  });
});
