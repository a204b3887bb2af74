import {createPendingPostIds} from './pendingPostIds';

describe('the pending post id cache (seenPendingPostIdsCache)', () => {
  it('records an id as being saved on first sight, so a concurrent retry is told so', () => {
    let now = 0;
    const cache = createPendingPostIds(() => now);
    expect(cache.sight('a')).toEqual({seen: 'first'});
    expect(cache.sight('a')).toEqual({seen: 'saving'});
    cache.saved('a', 'post-a');
    expect(cache.sight('a')).toEqual({seen: 'created', postId: 'post-a'});
    now += 30_000;
    expect(cache.sight('a')).toEqual({seen: 'first'});
  });

  it('forgets an id whose create failed, and evicts the least recently written past its size', () => {
    const cache = createPendingPostIds(() => 0, {size: 2});
    cache.sight('failed');
    cache.forget('failed');
    expect(cache.sight('failed')).toEqual({seen: 'first'});
    cache.saved('failed', 'p1');
    cache.saved('b', 'p2');
    cache.saved('c', 'p3');
    expect(cache.sight('failed')).toEqual({seen: 'first'});
    expect(cache.sight('c')).toEqual({seen: 'created', postId: 'p3'});
  });
});
