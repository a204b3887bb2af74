import {startIntegrationWorld, type IntegrationWorld} from '../routes/integrationWorld';
import {ADDRESS_FORBIDDEN_MESSAGE, AddressForbiddenError, chooseDialTarget, isIpAllowed, isReservedIp, parseAllowedList} from './untrustedConnections';

// AllowedUntrustedInternalConnections, as httpservice (server/public/shared/
// httpservice) applies it to every integration call.

describe('the reserved address ranges', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '198.18.0.1'])(
    'counts %s as reserved',
    (ip) => expect(isReservedIp(ip)).toBe(true),
  );

  it.each(['8.8.8.8', '172.32.0.1', '1.1.1.1', '2606:4700:4700::1111'])('counts %s as public', (ip) => expect(isReservedIp(ip)).toBe(false));
});

describe('the allowed list', () => {
  it('splits on whitespace and commas', () => {
    expect(parseAllowedList(' bridge.local, 10.0.0.0/8\n127.0.0.1 ')).toEqual(['bridge.local', '10.0.0.0/8', '127.0.0.1']);
  });

  it('lets a reserved address through only inside a listed CIDR; a bare IP is not a CIDR', () => {
    expect(isIpAllowed('127.0.0.1', ['127.0.0.0/8'])).toBe(true);
    expect(isIpAllowed('10.2.3.4', ['10.0.0.0/16'])).toBe(false);
    expect(isIpAllowed('127.0.0.1', ['127.0.0.1'])).toBe(false);
    expect(isIpAllowed('8.8.8.8', [])).toBe(true);
  });

  it('dials a host listed by name (or literal IP) as is, pins others to an allowed address, refuses the rest', async () => {
    await expect(chooseDialTarget('127.0.0.1', '127.0.0.1')).resolves.toBeUndefined();
    await expect(chooseDialTarget('localhost', 'localhost')).resolves.toBeUndefined();
    await expect(chooseDialTarget('127.0.0.1', '127.0.0.0/8')).resolves.toEqual({address: '127.0.0.1', family: 4});
    await expect(chooseDialTarget('127.0.0.1', '')).rejects.toThrow(AddressForbiddenError);
    // A name is not its addresses: listing `localhost` does not allow http://127.0.0.1/.
    await expect(chooseDialTarget('127.0.0.1', 'localhost')).rejects.toThrow(ADDRESS_FORBIDDEN_MESSAGE);
    // ...and listing 127.0.0.1 does not allow http://localhost/ (it resolves to a loopback address).
    await expect(chooseDialTarget('localhost', '127.0.0.1')).rejects.toThrow(AddressForbiddenError);
  });
});

describe('integration calls under AllowedUntrustedInternalConnections', () => {
  let world: IntegrationWorld | undefined;
  afterEach(() => world?.stop());

  async function runCommand(allowed: string, host = '127.0.0.1') {
    world = await startIntegrationWorld({ServiceSettings: {AllowedUntrustedInternalConnections: allowed}});
    const port = new URL(world.integration.origin).port;
    await world.api(world.teamAdmin, 'POST', '/api/v4/commands', {team_id: world.team.id, trigger: 'task', method: 'P', url: `http://${host}:${port}/command`});
    return world.api(world.member, 'POST', '/api/v4/commands/execute', {command: '/task', channel_id: world.town.id});
  }

  it('refuses a loopback integration when the setting is empty: the command fails and nothing is sent', async () => {
    const {status, body} = await runCommand('');
    expect(status).toBe(500);
    expect(body).toMatchObject({id: 'api.command.execute_command.failed.app_error'});
    expect((body as {detailed_error: string}).detailed_error).toContain(ADDRESS_FORBIDDEN_MESSAGE);
    expect(world?.integration.received).toHaveLength(0);
    expect(world?.sim.ctx.inspection.integrationRequests[0]).toMatchObject({kind: 'command', status: null, error: expect.stringContaining('address forbidden')});
  });

  it('reaches it when the host is listed, or covered by a listed CIDR', async () => {
    expect((await runCommand('127.0.0.1')).status).toBe(200);
    await world?.stop();
    expect((await runCommand('10.0.0.0/8, 127.0.0.0/8')).status).toBe(200);
    await world?.stop();
    expect((await runCommand('localhost', 'localhost')).status).toBe(200);
    expect(world?.integration.received).toHaveLength(1);
  });
});
