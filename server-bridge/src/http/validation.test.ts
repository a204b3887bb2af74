import {apiErrorSchema, taskCreateSchema, taskListQuerySchema} from '../contract';
import {createLogger} from '../logging/logger';
import {buildHttpServer} from './server';
import {parseRequest} from './validation';

function server() {
  return buildHttpServer({
    logger: createLogger('silent'),
    isStarted: () => true,
    readiness: {check: async () => ({engine: 'embedded'})},
    routes: [
      (http) => {
        http.post('/tasks', async (request) => parseRequest(taskCreateSchema, request.body, 'body'));
        http.get('/tasks', async (request) => parseRequest(taskListQuerySchema, request.query, 'query'));
      },
    ],
  });
}

describe('parseRequest', () => {
  it('returns the parsed body with defaults applied', async () => {
    const response = await server().inject({method: 'POST', url: '/tasks', payload: {title: ' Reply '}});
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({title: 'Reply', description: '', priority: 'normal', statusId: 'open'});
  });

  it('answers 400 with one line per problem, in the ApiError shape', async () => {
    const response = await server().inject({method: 'POST', url: '/tasks', payload: {title: 'x'.repeat(201), dueDate: '2025-03-31'}});
    expect(response.statusCode).toBe(400);
    const body = apiErrorSchema.parse(response.json());
    expect(body).toMatchObject({
      id: 'baton.bad_request.validation',
      status: 400,
      message: expect.stringMatching(/^title: must be 1–200 characters; dueDate: is not a known field/),
      details: {field: 'title', issues: [{field: 'title', message: 'must be 1–200 characters'}, {field: 'dueDate', message: expect.any(String)}]},
    });
  });

  it('names the whole body when there is none', async () => {
    const response = await server().inject({method: 'POST', url: '/tasks'});
    expect(response.json()).toMatchObject({message: 'body: is required (a JSON object)'});
  });

  // Found by the fuzz test (issue 9): PostgreSQL cannot store NUL in text, so such input reached the database as a 500.
  it('refuses the NUL character anywhere in the input, naming each field', async () => {
    const response = await server().inject({method: 'POST', url: '/tasks', payload: {title: 'a\u0000b', labels: ['ok', '\u0000'], caseRef: {id: 'x', url: 'https://example.com'}}});
    expect([response.statusCode, response.json().details.issues]).toEqual([
      400,
      [
        {field: 'labels.1', message: 'must not contain the NUL character (U+0000)'},
        {field: 'title', message: 'must not contain the NUL character (U+0000)'},
      ],
    ]);
    expect((await server().inject({url: '/tasks?label=%00'})).json().details.issues).toEqual([{field: 'label', message: 'must not contain the NUL character (U+0000)'}]);
  });

  it('quotes a blank field name so the message still names it', async () => {
    const response = await server().inject({url: '/tasks?=1'});
    expect(response.json().details.issues).toEqual([{field: '""', message: expect.stringContaining('is not a known field')}]);
  });

  it('coerces Fastify’s parsed query string', async () => {
    const ok = await server().inject({url: '/tasks?limit=5&priority=high,urgent&overdue=true'});
    expect(ok.json()).toMatchObject({limit: 5, priority: ['high', 'urgent'], overdue: true});
    const bad = await server().inject({url: '/tasks?limit=500&label=a&label=b'});
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('label: must be 1–50 characters without commas; limit: must be a whole number from 1 to 200');
  });
});
