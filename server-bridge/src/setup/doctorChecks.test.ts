import {checkClock, checkVersion, parseVersion} from './doctorChecks';

// The two checks that read only headers: the version from X-Version-Id and
// the clock skew from Date.

describe('doctor: version from X-Version-Id', () => {
  it('reads the first three numbers of the header', () => {
    expect(parseVersion('11.1.0.12345.abcdef0123.true')).toEqual([11, 1, 0]);
    expect(parseVersion('dev')).toBeUndefined();
    expect(parseVersion(null)).toBeUndefined();
  });

  it.each([
    ['11.1.0.1.x.true', 'ok'],
    ['11.10.2.1.x.true', 'ok'],
    ['12.0.0.1.x.true', 'ok'],
    ['11.0.9.1.x.true', 'fail'],
    ['10.11.4.1.x.true', 'fail'],
  ])('%s is %s (11.1 or later needed, compared as numbers)', (header, status) => {
    expect(checkVersion(header).status).toBe(status);
  });

  it('fails without a version, saying what came', () => {
    expect(checkVersion(null)).toMatchObject({status: 'fail', text: 'Mattermost sent no version (X-Version-Id: missing)'});
  });
});

describe('doctor: clock skew against the Date header', () => {
  const date = 'Tue, 02 Jun 2026 10:00:00 GMT';
  const at = Date.parse(date);

  it('accepts up to 60 s either way', () => {
    expect(checkClock(date, at + 60_000)).toMatchObject({status: 'ok', text: "clock within 60 s of Mattermost's (60 s)"});
    expect(checkClock(date, at - 59_000).status).toBe('ok');
  });

  it('warns beyond 60 s, saying which way and how far', () => {
    expect(checkClock(date, at - 90_000)).toMatchObject({status: 'warn', text: "this machine's clock is 90 s behind Mattermost's", fix: expect.stringContaining('NTP')});
    expect(checkClock(date, at + 61_000)).toMatchObject({status: 'warn', text: "this machine's clock is 61 s ahead of Mattermost's"});
  });

  it('warns when there is no Date header to compare with', () => {
    expect(checkClock(null, at).status).toBe('warn');
  });
});
