import React from 'react';
import type {ComponentType} from 'react';
import {act} from 'react-dom/test-utils';

import {Plugin} from '../plugin/plugin';
import type {PostTypeComponentProps} from '../plugin/hostTypes';
import {stylesElementId} from '../styles/styles';
import {testEnvironment} from '../testing/environment';
import {createFakeFetch} from '../testing/fakeFetch';
import {createTestHostStore, testSiteUrl} from '../testing/hostStore';
import {createRecordingRegistry} from '../testing/recordingRegistry';
import {renderWithIntl, settle} from '../testing/renderWithIntl';

const iconSvg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 1h2"/></svg>';

describe('registering the handoff card', () => {
  afterEach(() => {
    document.getElementById(stylesElementId)?.remove();
    document.body.innerHTML = '';
  });

  function initialized() {
    const recording = createRecordingRegistry();
    const fake = createFakeFetch();
    const plugin = new Plugin({iconSvg, environment: testEnvironment(fake)});
    plugin.initialize(recording.registry, createTestHostStore());
    const [args] = recording.objectArgs('registerPostTypeComponent');
    return {plugin, recording, fake, args};
  }

  it('registers a component for the bridge’s custom_baton_handoff posts, with the registry’s own keys', () => {
    const {plugin, recording, args} = initialized();
    expect(recording.calls.filter((call) => call.method === 'registerPostTypeComponent')).toHaveLength(1);
    expect(args?.type).toBe('custom_baton_handoff');
    expect(recording.problems()).toEqual([]);
    plugin.uninitialize();
  });

  it('renders, as the host mounts it, inside the plugin’s services, and posts clicks to this Mattermost', async () => {
    const {plugin, fake, args} = initialized();
    const Card = args?.component as ComponentType<PostTypeComponentProps>;
    const post = {id: 'p1', type: 'custom_baton_handoff', message: 'PAT-1 is yours', props: {attachments: [{actions: [{id: 'accept', name: 'Accept', cookie: 'sealed'}]}]}};
    fake.on('POST', `${testSiteUrl}/api/v4/posts/p1/actions/accept`, {json: {status: 'OK'}});
    const {container} = renderWithIntl(
      <Card
        post={post}
        compactDisplay={false}
        isRHS={false}
        theme={{}}
      />,
    );
    expect(container.querySelector('.baton-card__message')?.textContent).toBe('PAT-1 is yours');
    act(() => container.querySelector('button')?.click());
    await settle();
    expect(fake.to('/actions/accept').map((request) => request.body)).toEqual([{selected_option: '', cookie: 'sealed'}]);
    plugin.uninitialize();
  });
});
