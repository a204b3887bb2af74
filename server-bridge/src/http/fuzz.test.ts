import fc from 'fast-check';
import type {LightMyRequestResponse} from 'fastify';
import {apiErrorSchema} from '../contract';
import {fuzzRuns} from '../testing/fuzzRuns';
import {fuzzChannel, fuzzPeople, fuzzRoutesOn} from '../testing/fuzzWorld';
import {jsonSchemaValue, type JsonSchema, strangeJson, strangeSegment, strangeText} from '../testing/jsonSchemaArbitrary';
import {useRouteTestWorld} from '../testing/routeTestWorld';
import {buildOpenApiDocument} from './openapi';
import {operations} from './openapiOperations';

// Every REST operation (and the public intake form) under generated requests
// (issue 9): valid and absurd path parameters, documented and unknown query
// parameters, bodies built from the documented schema with wrong types, nulls,
// huge numbers, deep nesting and big strings mixed in, non-JSON bodies, wrong
// content types, garbage If-Match, as a member, a guest, a system admin, an
// API token with every scope, a forged token and nobody. Whatever arrives, the
// answer is never a 5xx, and a 4xx is the bridge's error shape with a stable
// id and a message; a 400 names the field (details.field or details.issues).
//
// One engine is enough: the answers checked here come from the HTTP shell, the
// contract and the services, which are the same on both (the storage suites
// run on both). PostgreSQL it is: accepted writes (many fuzzed requests create
// tasks, runs, templates) take about half the time they take on the embedded
// PGlite, which runs queries in one in-process WebAssembly thread. make test
// sends 60 requests per operation (about 3,000 in all) to stay under a minute on a
// busy 2-CPU machine; BATON_FUZZ_RUNS=10000 sends that many to each.

const RUNS = fuzzRuns(60);
const document = buildOpenApiDocument() as unknown as {
  paths: Record<string, Record<string, {parameters?: Array<JsonSchema & {$ref?: string; name?: string; in?: string; schema?: JsonSchema}>}>>;
  components: {schemas: Record<string, JsonSchema>; parameters: Record<string, {name: string; in: string; schema: JsonSchema}>};
};
const components = document.components.schemas;

const callers = ['sato', 'kim', 'admin', 'token', 'forged', 'nobody'] as const;
type CallerName = (typeof callers)[number];

interface Target {
  name: string;
  method: string;
  path: string;
  query: Array<{name: string; schema: JsonSchema}>;
  body?: JsonSchema;
  ifMatch: boolean;
  /** The public intake form: no bearer, form or JSON bodies. */
  intake?: boolean;
}

const targets: Target[] = [
  ...operations.map((operation) => {
    const parameters = (document.paths[operation.path]?.[operation.method]?.parameters ?? []).map((parameter) =>
      parameter.$ref ? document.components.parameters[parameter.$ref.split('/').pop() as string] : parameter,
    ) as Array<{name: string; in: string; schema: JsonSchema}>;
    return {
      name: `${operation.method.toUpperCase()} ${operation.path}`,
      method: operation.method.toUpperCase(),
      path: operation.path,
      query: parameters.filter((parameter) => parameter.in === 'query').map(({name, schema}) => ({name, schema})),
      ...(operation.body ? {body: components[operation.body]} : {}),
      ifMatch: operation.ifMatch === true,
    };
  }),
  {
    name: 'POST /intake/{token} (the public form)',
    method: 'POST',
    path: '/intake/{token}',
    query: [],
    body: {type: 'object', properties: {name: {type: 'string'}, email: {type: 'string', format: 'email'}, subject: {type: 'string'}, body: {type: 'string'}, website: {type: 'string'}}},
    ifMatch: false,
    intake: true,
  },
];

describe('every REST operation under generated requests (PostgreSQL)', () => {
  const world = useRouteTestWorld('postgres', fuzzRoutesOn);
  /** Path parameter name → values that name something that exists. */
  const known: Record<string, string[]> = {};
  const bearers: Partial<Record<CallerName, string>> = {};

  beforeAll(async () => {
    const as = async (who: string, method: 'POST' | 'PUT', url: string, payload: object, status: number) => {
      const answer = await world.call(method, url, who, payload);
      expect([url, answer.statusCode, answer.body]).toEqual([url, status, expect.any(String)]);
      return answer.json();
    };
    const task = await as('sato', 'POST', '/api/v1/tasks', {title: 'Draft response', channelId: fuzzChannel, holderId: fuzzPeople.sato}, 201);
    const comment = await as('sato', 'POST', `/api/v1/tasks/${task.key}/comments`, {body: 'First draft attached'}, 201);
    const template = await as('admin', 'POST', '/api/v1/workflows', {name: 'Office action response', steps: [{name: 'Draft', assignee: {kind: 'user', userId: fuzzPeople.sato}}, {name: 'File', assignee: {kind: 'requester'}}]}, 201);
    const run = await as('sato', 'POST', `/api/v1/workflows/${template.id}/runs`, {channelId: fuzzChannel}, 201);
    const recurrence = await as('sato', 'POST', '/api/v1/recurrences', {kind: 'task', channelId: fuzzChannel, schedule: {rule: 'FREQ=WEEKLY;BYDAY=MO', start: '2027-03-01', time: '09:00'}, template: {title: 'Docket review {date}', holderId: fuzzPeople.sato}}, 201);
    const token = await as('admin', 'POST', '/api/v1/admin/tokens', {name: 'Fuzzer', scopes: ['tasks:read', 'tasks:write', 'workflows:start', 'workflows:advance']}, 201);
    const webhook = await as('admin', 'POST', '/api/v1/webhooks', {url: 'https://erp.example.com/hooks/baton', eventTypes: ['task.created']}, 201);
    const intake = await as('sato', 'POST', `/api/v1/channels/${fuzzChannel}/intakes`, {name: 'Website contact form'}, 201);
    Object.assign(bearers, {sato: world.tokens.sato, kim: world.tokens.kim, admin: world.tokens.admin, token: token.token, forged: 'forged.token.value'});
    Object.assign(known, {
      idOrKey: [task.key, String(task.id)],
      commentId: [String(comment.id)],
      channelId: [fuzzChannel],
      templateRef: [String(template.id), template.name],
      runId: [String(run.id)],
      position: ['0', '1'],
      recurrenceId: [String(recurrence.id)],
      userId: [fuzzPeople.sato, fuzzPeople.kim],
      source: ['billing'],
      externalId: ['INV-2026-0142'],
      tokenId: [String(token.id)],
      webhookId: [String(webhook.id)],
      intakeId: [String(intake.id)],
      token: [String(intake.path).split('/').pop() as string],
    });
  });

  /** The URL: each path parameter a known value or a strange one, then documented and unknown query parameters (or raw garbage). */
  const urlFor = (target: Target) => {
    const names = [...target.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
    const segments = fc.tuple(...names.map((name) => fc.oneof({weight: 3, arbitrary: fc.constantFrom(...(known[name] ?? ['x']))}, {weight: 2, arbitrary: strangeSegment})));
    // Each parameter's arbitrary is built once (building one from a pattern is the slow part), then a subset is drawn.
    // A few of them at a time, mostly plausible values, so some requests get past validation to the service.
    const values = fc.tuple(...target.query.map(({schema}) => fc.oneof({weight: 3, arbitrary: jsonSchemaValue(schema, components).map(String)}, {weight: 1, arbitrary: strangeText})));
    const chosen = fc.subarray(target.query.map((_, index) => index), {maxLength: Math.min(3, target.query.length)});
    const documented = fc.tuple(values, chosen).map(([all, indexes]) => indexes.map((index) => [target.query[index]?.name as string, all[index] as string] as [string, string]));
    const unknown = fc.array(fc.tuple(fc.oneof(fc.constantFrom('colour', 'limit[]', '__proto__', 'constructor'), fc.string({maxLength: 10})), strangeText), {maxLength: 2});
    const query = fc.oneof(
      {weight: 4, arbitrary: fc.tuple(documented, unknown).map(([a, b]) => new URLSearchParams([...a, ...b]).toString())},
      {weight: 1, arbitrary: fc.constantFrom('limit=%zz', 'a=1&&=&', 'q=%00', 'cursor=../../etc', `q=${'%E6%A4%9C'.repeat(3000)}`, 'format=csv&format=json', 'limit=1e999')},
    );
    return fc.tuple(segments, query).map(([values, search]) => {
      let url = target.path;
      names.forEach((name, index) => (url = url.replace(`{${name}}`, values[index] as string)));
      return search ? `${url}?${search}` : url;
    });
  };

  /** The body as sent: payload text and content type, or none. */
  const bodyFor = (target: Target): fc.Arbitrary<{payload?: string; contentType?: string}> => {
    const json = (value: unknown) => ({payload: JSON.stringify(value), contentType: 'application/json'});
    const schemaBody = target.body ? jsonSchemaValue(target.body, components, {mutate: true}) : strangeJson;
    return fc.oneof(
      {weight: 6, arbitrary: schemaBody.map(json)},
      {weight: 2, arbitrary: strangeJson.map(json)},
      {weight: 1, arbitrary: fc.constant({})},
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          {payload: '{"title": "unterminated', contentType: 'application/json'},
          {payload: '', contentType: 'application/json'},
          {payload: 'title=x&channelId=y', contentType: 'application/json'},
          {payload: `${'['.repeat(20_000)}${']'.repeat(20_000)}`, contentType: 'application/json'},
          {payload: `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`, contentType: 'application/json'},
          {payload: '{"version": 1e999, "limit": -0}', contentType: 'application/json'},
          {payload: '{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}', contentType: 'application/json'},
          {payload: '<task><title>x</title></task>', contentType: 'application/xml'},
          {payload: 'title=x&body=%zz&name=a&name=b', contentType: 'application/x-www-form-urlencoded'},
          {payload: 'just text', contentType: 'text/plain'},
          {payload: '{}', contentType: 'application/json; charset=latin1'},
          {payload: '{}', contentType: 'multipart/form-data; boundary=x'},
        ),
      },
    );
  };

  const ifMatch = fc.oneof({weight: 3, arbitrary: fc.constant(undefined)}, {weight: 1, arbitrary: fc.constantFrom('"1"', '"2"', '1', 'W/"1"', '*', '"0"', '"99999999999"', '"-1"', '', '"1", "2"')}, {weight: 1, arbitrary: strangeText});

  /** What every answer must be: no 5xx; a 4xx in the error shape, naming its problem. */
  const expectHelpfulAnswer = (answer: LightMyRequestResponse) => {
    expect(answer.statusCode).toBeLessThan(500);
    if (answer.statusCode < 400) return;
    const parsed = apiErrorSchema.safeParse(answer.json());
    expect(parsed.success).toBe(true);
    const error = parsed.data as NonNullable<typeof parsed.data>;
    expect([error.status, error.id, error.message.trim() === '']).toEqual([answer.statusCode, expect.stringMatching(/^baton\.[a-z_.]+$/), false]);
    if (answer.statusCode === 400) {
      // A 400 names what is wrong: the field (or body/query/content-type as a whole) and what is allowed.
      const fields = [...(error.details?.field ? [error.details.field] : []), ...(error.details?.issues ?? []).map((issue) => issue.field)];
      expect(fields.length).toBeGreaterThan(0);
      for (const issue of error.details?.issues ?? []) expect([issue.field, issue.message].map((part) => part.trim() === '')).toEqual([false, false]);
    }
  };

  it.each(targets.map((target) => [target.name, target] as const))('%s: never a 5xx, every 4xx names its problem', async (_name, target) => {
    const request = fc.record({url: urlFor(target), body: bodyFor(target), caller: fc.constantFrom(...callers), ifMatch: target.ifMatch ? ifMatch : fc.constant(undefined)});
    await fc.assert(
      fc.asyncProperty(request, async ({url, body, caller, ifMatch: match}) => {
        const bearer = target.intake ? undefined : bearers[caller];
        const sendsBody = target.body !== undefined || body.payload !== undefined;
        const answer = await world.server.inject({
          method: target.method as 'GET',
          url,
          headers: {
            ...(bearer ? {authorization: `Bearer ${bearer}`} : {}),
            ...(sendsBody && body.contentType ? {'content-type': body.contentType} : {}),
            ...(match !== undefined ? {'if-match': match} : {}),
          },
          ...(sendsBody && body.payload !== undefined ? {payload: body.payload} : {}),
        });
        expectHelpfulAnswer(answer);
      }),
      {numRuns: RUNS},
    );
  });
});
