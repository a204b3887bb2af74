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

  it('coerces Fastify’s parsed query string', async () => {
    const ok = await server().inject({url: '/tasks?limit=5&priority=high,urgent&overdue=true'});
    expect(ok.json()).toMatchObject({limit: 5, priority: ['high', 'urgent'], overdue: true});
    const bad = await server().inject({url: '/tasks?limit=500&label=a&label=b'});
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('label: must be 1–50 characters without commas; limit: must be a whole number from 1 to 200');
  });
});
