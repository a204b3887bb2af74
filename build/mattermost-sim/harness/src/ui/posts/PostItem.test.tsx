/** @jest-environment jsdom */
import React from 'react';
import {act} from 'react-dom/test-utils';

import {loadMarkdown} from '../../globals/formatText';
import {createPluginRegistry} from '../../registry/createPluginRegistry';
import {PostTypes} from '../../store/actionTypes';
import type {Rendered} from '../../testing/render';
import {renderInHost} from '../../testing/renderInHost';
import {createTestHost} from '../../testing/testHost';
import type {Post} from '../../types/entities';

import {PostList} from './PostList';

const post = (overrides: Partial<Post>): Post => ({
    id: 'p1', create_at: 1, update_at: 1, edit_at: 0, delete_at: 0, user_id: 'u1', channel_id: 'c1', root_id: '', message: '', type: '', props: {}, ...overrides,
});

let rendered: Rendered | undefined;
beforeAll(() => loadMarkdown());
afterEach(() => rendered?.unmount());

function setup(posts: Array<{post: Post; ephemeral?: boolean}>) {
    const test = createTestHost((request) => (request.url.endsWith('/users/ids') ? {body: []} : {body: {status: 'OK'}}));
    test.host.store.dispatch({type: 'SELECT_CHANNEL', data: 'c1'});
    test.host.store.dispatch({type: 'RECEIVED_PROFILES_LIST', data: [{id: 'u1', username: 'tanaka', locale: 'ja', delete_at: 0, is_bot: false}]});
    for (const entry of posts) {
        test.host.store.dispatch({type: PostTypes.RECEIVED_NEW_POST, data: entry.post, ephemeral: entry.ephemeral});
    }
    return test;
}

describe('the post list', () => {
    it('marks ephemeral posts "(Only visible to you)" and renders Markdown', () => {
        const {host} = setup([{post: post({id: 'p1', message: 'Only **you**', type: 'system_ephemeral'})}, {post: post({id: 'p2', create_at: 2, message: 'Everyone'})}]);
        rendered = renderInHost(host, <PostList/>);
        const items = rendered.container.querySelectorAll('[data-testid^="post-p"]');
        expect(items).toHaveLength(2);
        expect(items[0]?.querySelector('[data-testid="post-author"]')?.textContent).toBe('tanaka');
        expect(rendered.container.querySelector('[data-testid="post-p1"] [data-testid="post-ephemeral-label"]')?.textContent).toBe('(Only visible to you)');
        expect(rendered.container.querySelector('[data-testid="post-message-p1"]')?.innerHTML).toBe('<p>Only <strong>you</strong></p>');
        expect(rendered.container.querySelector('[data-testid="post-p2"] [data-testid="post-ephemeral-label"]')).toBeNull();
    });

    it('renders a custom_ post type with the plugin component and its props', () => {
        const {host} = setup([{post: post({type: 'custom_baton_task', message: 'fallback'})}]);
        const seen: Array<Record<string, unknown>> = [];
        createPluginRegistry('baton', host).registerPostTypeComponent('custom_baton_task', (props: Record<string, unknown>) => {
            seen.push(props);
            return <span data-testid='task-card'>{'task'}</span>;
        });
        rendered = renderInHost(host, <PostList/>);
        expect(rendered.container.querySelector('[data-testid="task-card"]')).not.toBeNull();
        expect(seen[0]).toMatchObject({post: expect.objectContaining({id: 'p1'}), compactDisplay: false, isRHS: false, theme: expect.objectContaining({type: 'Denim'})});
    });

    it('posts an attachment button click to /posts/{id}/actions/{action_id} with the action cookie', async () => {
        const attachments = [{text: 'Review?', fields: [{title: 'Due', value: 'Friday', short: true}], actions: [{id: 'approve', name: 'Approve', cookie: 'c00kie'}]}];
        const {host, requests} = setup([{post: post({message: '', props: {attachments}})}]);
        rendered = renderInHost(host, <PostList/>);
        expect(rendered.container.querySelector('[data-testid="attachment-field"]')?.textContent).toBe('DueFriday');
        await act(async () => rendered?.container.querySelector<HTMLButtonElement>('[data-testid="attachment-action-approve"]')?.click());
        const call = requests.find((request) => request.url.includes('/actions/'));
        expect(call).toMatchObject({method: 'POST', url: 'http://localhost/api/v4/posts/p1/actions/approve', body: {selected_option: '', cookie: 'c00kie'}});
    });

    it('shows plugin post menu items whose filter accepts the post, and calls them with the post id', () => {
        const {host} = setup([{post: post({})}]);
        const action = jest.fn();
        const registry = createPluginRegistry('baton', host);
        registry.registerPostDropdownMenuAction({text: 'Hand over', action, filter: () => true});
        registry.registerPostDropdownMenuAction({text: 'Hidden', action, filter: () => false});
        rendered = renderInHost(host, <PostList/>);
        act(() => rendered?.container.querySelector<HTMLButtonElement>('[data-testid="post-menu-button-p1"]')?.click());
        const items = rendered.container.querySelectorAll<HTMLButtonElement>('[data-testid^="post-menu-item-"]');
        expect(Array.from(items).map((item) => item.textContent)).toEqual(['Hand over']);
        act(() => items[0]?.click());
        expect(action).toHaveBeenCalledWith('p1');
    });
});
