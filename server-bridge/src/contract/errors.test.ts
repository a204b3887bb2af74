import {z} from 'zod';
import {apiErrorSchema, describeZodIssues, formatZodIssues} from './errors';
import {strictRequest} from './messages';

describe('formatZodIssues', () => {
  const schema = strictRequest({name: z.string({error: 'must be text'}), tags: z.array(z.string({error: 'must be text'})).optional()});

  it('writes one line per problem, naming the field by its dotted path', () => {
    const result = schema.safeParse({name: 1, tags: ['a', 2]});
    expect(formatZodIssues(result.error!)).toEqual(['name: must be text', 'tags.1: must be text']);
  });

  it('names each unknown field on its own line', () => {
    const result = schema.safeParse({name: 'x', nmae: 'y', extra: true});
    expect(describeZodIssues(result.error!)).toEqual([
      {field: 'nmae', message: 'is not a known field (known fields: name, tags)'},
      {field: 'extra', message: 'is not a known field (known fields: name, tags)'},
    ]);
  });

  it('names the whole input by the given root and drops repeated lines', () => {
    expect(formatZodIssues(schema.safeParse('text').error!, 'query')).toEqual(['query: must be a JSON object']);
    const twice = z.string().min(5, {error: 'must be 5–6 letters'}).regex(/^[a-z]+$/, {error: 'must be 5–6 letters'});
    expect(formatZodIssues(twice.safeParse('A1').error!)).toEqual(['body: must be 5–6 letters']);
  });
});

describe('ApiError', () => {
  it('describes the bridge’s error body', () => {
    const body = {id: 'baton.unauthorized', message: 'Sign in again.', status: 401, details: {reason: 'expired'}, request_id: 'r-1'};
    expect(apiErrorSchema.parse(body)).toEqual(body);
    expect(apiErrorSchema.safeParse({...body, request_id: undefined}).success).toBe(false);
  });
});
