import {allowedEntries, isReservedAddress, judgeReach} from './untrustedConnections';

// Mattermost's rule for calling integrations on private addresses, as doctor
// predicts it (httpservice: a listed host name, or an address in a listed CIDR).

describe('AllowedUntrustedInternalConnections, as Mattermost applies it', () => {
  it('splits the setting at spaces and commas', () => {
    expect(allowedEntries(' 127.0.0.1,bridge.internal  10.0.0.0/8 ')).toEqual(['127.0.0.1', 'bridge.internal', '10.0.0.0/8']);
  });

  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.1.10', '169.254.1.1', '::1', 'fd00::1', '100.64.0.1'])('treats %s as private', (address) => {
    expect(isReservedAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '93.184.216.34', '2606:4700::1111'])('treats %s as public', (address) => {
    expect(isReservedAddress(address)).toBe(false);
  });

  it('needs nothing for a public address', () => {
    expect(judgeReach('baton.example.com', ['93.184.216.34'], '')).toEqual({kind: 'public', addresses: ['93.184.216.34']});
  });

  it('lets a private host through when its name or literal is listed exactly', () => {
    expect(judgeReach('bridge.internal', ['10.0.0.7'], 'bridge.internal')).toEqual({kind: 'listed', entry: 'bridge.internal'});
    expect(judgeReach('127.0.0.1', ['127.0.0.1'], 'localhost 127.0.0.1')).toEqual({kind: 'listed', entry: '127.0.0.1'});
  });

  it('lets a private address through when a listed CIDR holds it; a plain IP entry is not a CIDR', () => {
    expect(judgeReach('bridge.internal', ['10.0.0.7'], '10.0.0.0/8')).toEqual({kind: 'covered', addresses: ['10.0.0.7']});
    expect(judgeReach('bridge.internal', ['10.0.0.7'], '10.0.0.7')).toEqual({kind: 'blocked', addresses: ['10.0.0.7']});
  });

  it('blocks a loopback bridge the setting does not mention', () => {
    expect(judgeReach('localhost', ['127.0.0.1', '::1'], '192.168.0.0/16')).toEqual({kind: 'blocked', addresses: ['127.0.0.1', '::1']});
  });
});
