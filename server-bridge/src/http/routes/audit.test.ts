import {auditExportSchema} from '../../contract/audit';
import {createAuditService} from '../../domain/audit/auditService';
import {createTaskService} from '../../domain/tasks/taskService';
import {auditReadsOn} from '../../storage/auditRepository';
import {createTaskRepository} from '../../storage/taskRepository';
import {fakeChannelAccess} from '../../testing/fakeChannelAccess';
import {mmId} from '../../testing/mattermostIds';
import {useRouteTestWorld} from '../../testing/routeTestWorld';
import {registerAuditRoutes} from './audit';

// GET /api/v1/admin/audit over HTTP on a real PostgreSQL store: a system
// admin downloads a range as JSON (checked against the contract) or CSV;
// anyone else gets 403; a bad range is a 400 naming the field.

const [root, sato, kim] = [mmId('root'), mmId('sato'), mmId('kim')];
const access = fakeChannelAccess({channels: {patents: {name: 'patents', members: [sato, kim]}}, systemAdmins: [root]});

describe('the audit export API', () => {
  const world = useRouteTestWorld('postgres', async (database) => {
    const tasks = createTaskService({store: createTaskRepository(database.db), access, clock: {now: () => new Date('2027-03-01T10:00:00Z')}});
    await tasks.create({userId: sato, guest: false}, {title: 'Приоритетная заявка, "срочно"', channelId: 'patents'});
    return {
      people: {root, sato, kim: {userId: kim, guest: true}},
      register: (api) => registerAuditRoutes(api, () => ({audit: createAuditService({reads: auditReadsOn(database.db), access})})),
    };
  });

  const get = (as: string, query: string) => world.call('GET', `/api/v1/admin/audit?${query}`, as);

  it('gives a system admin the range as JSON, matching the contract', async () => {
    const response = await get('root', 'from=2027-03-01T00:00:00Z&to=2027-03-02T00:00:00%2B09:00');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="baton-audit-2027-03-01.json"');
    const body = auditExportSchema.parse(response.json());
    expect(body.items).toEqual([expect.objectContaining({action: 'task.created', actorId: sato, source: 'user', at: '2027-03-01T10:00:00.000Z', before: null})]);
    expect(body.items[0]?.after).toMatchObject({title: 'Приоритетная заявка, "срочно"'});
    expect((await get('root', 'from=2027-03-02T00:00:00Z&to=2027-03-03T00:00:00Z')).json()).toMatchObject({items: []});
  });

  it('gives CSV with a byte order mark, one row per entry, JSON cells quoted', async () => {
    const response = await get('root', 'from=2027-03-01T00:00:00Z&to=2027-03-02T00:00:00Z&format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const [header, row, end] = response.body.split('\r\n');
    expect(header).toBe('\uFEFFid,at,actorId,source,sourceId,action,entityType,entityId,before,after');
    expect(row).toMatch(new RegExp(`^\\d+,2027-03-01T10:00:00.000Z,${sato},user,,task.created,task,[^,]+,,"\\{.*Приоритетная заявка, \\\\""срочно\\\\"".*\\}"$`));
    expect(end).toBe('');
  });

  it('refuses members and guests with 403, and a bad range with a 400 naming the field', async () => {
    for (const person of ['sato', 'kim']) {
      expect((await get(person, 'from=2027-03-01T00:00:00Z&to=2027-03-02T00:00:00Z')).json()).toMatchObject({id: 'baton.forbidden.audit'});
    }
    const backwards = await get('root', 'from=2027-03-02T00:00:00Z&to=2027-03-01T00:00:00Z');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({details: {field: 'to'}});
    const noOffset = await get('root', 'from=2027-03-01T00:00:00&to=2027-03-02T00:00:00Z&format=xml');
    expect(noOffset.statusCode).toBe(400);
    expect(noOffset.json().message).toContain('from');
  });
});
