import {exactMatch, fullNameOf, meMatches, searchTermOf} from './userOptions';

const user = (username: string, names: Partial<{firstName: string; lastName: string; nickname: string}> = {}) =>
  ({id: `${username}-id`, username, firstName: '', lastName: '', nickname: '', ...names});

describe('user picker options', () => {
  it('name a person by first and last name, else by nickname', () => {
    expect(fullNameOf(user('tanaka', {firstName: 'Hanako', lastName: 'Tanaka', nickname: 'Hana'}))).toBe('Hanako Tanaka');
    expect(fullNameOf(user('taro', {lastName: ' ', nickname: 'Taro-san'}))).toBe('Taro-san');
    expect(fullNameOf(user('bot'))).toBe('');
  });

  it('search without spaces around the text or leading @s', () => {
    expect(searchTermOf('  @@sato ')).toBe('sato');
  });

  it('take an exact @username in any case, and nothing for a prefix', () => {
    const users = [user('tanaka'), user('taro')];
    expect(exactMatch('@TARO', users)?.id).toBe('taro-id');
    expect(exactMatch('ta', users)).toBeUndefined();
    expect(exactMatch('@', users)).toBeUndefined();
  });

  it('offer "me" for nothing typed, a prefix of "me" or of my username', () => {
    expect(meMatches('', 'sato', 'me')).toBe(true);
    expect(meMatches('m', 'sato', 'me')).toBe(true);
    expect(meMatches('@sa', 'sato', 'me')).toBe(true);
    expect(meMatches('ta', 'sato', 'me')).toBe(false);
  });
});
