import {expectedVersion, versionETag} from './concurrency';

describe('expectedVersion', () => {
  it('takes the version from the body or from If-Match', () => {
    expect(expectedVersion(3, undefined, true)).toEqual({ok: true, version: 3});
    expect(expectedVersion(undefined, versionETag(4), true)).toEqual({ok: true, version: 4});
    expect(expectedVersion(5, '"5"', true)).toEqual({ok: true, version: 5});
  });

  it('requires one when asked, and otherwise lets the change apply to the current version', () => {
    expect(expectedVersion(undefined, undefined, true)).toMatchObject({ok: false, field: 'version', message: expect.stringContaining('is required')});
    expect(expectedVersion(undefined, undefined, false)).toEqual({ok: true, version: undefined});
  });

  it('refuses disagreement, weak tags and wildcards', () => {
    expect(expectedVersion(3, '"4"', true)).toMatchObject({ok: false, field: 'version', message: 'version: 3 disagrees with If-Match "4"; send one version, or the same in both'});
    for (const header of ['W/"3"', '*', '3', '"0"', '"3", "4"']) expect(expectedVersion(undefined, header, false)).toMatchObject({ok: false, field: 'If-Match'});
  });
});
