import {getCurrentChannelId, getCurrentTeamId, getCurrentUserId, mattermostSiteUrl} from './hostState';

const state = {
  entities: {
    users: {currentUserId: 'u1'},
    teams: {currentTeamId: 't1'},
    channels: {currentChannelId: 'c1'},
    general: {config: {SiteURL: 'https://chat.example.com/mm/'}},
  },
};

describe('host state', () => {
  it('reads the ids mattermost-redux keeps for the current user, team and channel', () => {
    expect([getCurrentUserId(state), getCurrentTeamId(state), getCurrentChannelId(state)]).toEqual(['u1', 't1', 'c1']);
  });

  it('reads null when the host has not filled them in', () => {
    for (const partial of [{}, {entities: {}}, {entities: {channels: {currentChannelId: ''}}}, null, 'odd']) {
      expect(getCurrentChannelId(partial)).toBeNull();
    }
  });

  it('calls Mattermost at the SiteURL (with its subpath) when it is the page’s origin', () => {
    expect(mattermostSiteUrl(state, 'https://chat.example.com')).toBe('https://chat.example.com/mm');
  });

  it('calls the page’s own origin when SiteURL is another origin, missing or not a URL (cookies go only there)', () => {
    expect(mattermostSiteUrl(state, 'https://10.0.0.5:8065')).toBe('https://10.0.0.5:8065');
    expect(mattermostSiteUrl({}, 'https://chat.example.com')).toBe('https://chat.example.com');
    expect(mattermostSiteUrl({entities: {general: {config: {SiteURL: 'not a url'}}}}, 'https://chat.example.com')).toBe('https://chat.example.com');
  });
});
