// The REST calls the harness makes, shaped like mattermost-redux's Client4
// (webapp/platform/client/src/client4.ts): cookie session, every request sends
// `X-Requested-With: XMLHttpRequest`, non-GET requests also send
// `X-CSRF-Token` read from the MMCSRF cookie.
import type {
    Channel,
    ChannelMembership,
    ClientConfig,
    CommandResponse,
    DialogSubmission,
    PluginManifest,
    Post,
    PostActionResponse,
    PostList,
    SubmitDialogResponse,
    Team,
    UserProfile,
} from '../types/entities';

import {clientErrorFrom} from './clientError';
import {readCookie} from './cookies';

export interface CommandArgs {
    channel_id: string;
    team_id: string;
    root_id: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export class Client4 {
    /** Site URL (origin plus any subpath), without a trailing slash. */
    private readonly siteUrl: string;
    private readonly fetchImpl: typeof fetch;

    constructor(siteUrl = '', fetchImpl: typeof fetch = (input, init) => fetch(input, init)) {
        this.siteUrl = siteUrl.replace(/\/+$/, '');
        this.fetchImpl = fetchImpl;
    }

    get apiUrl(): string {
        return `${this.siteUrl}/api/v4`;
    }

    private async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
        const url = `${this.apiUrl}${path}`;
        const headers: Record<string, string> = {'X-Requested-With': 'XMLHttpRequest'};
        if (method !== 'GET') {
            const csrf = readCookie('MMCSRF');
            if (csrf) {
                headers['X-CSRF-Token'] = csrf;
            }
        }
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        const response = await this.fetchImpl(url, {
            method,
            headers,
            credentials: 'include',
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!response.ok) {
            throw await clientErrorFrom(response, url);
        }
        const text = await response.text();
        return (text === '' ? undefined : JSON.parse(text)) as T;
    }

    getClientConfig = () => this.request<ClientConfig>('GET', '/config/client?format=old');

    login = (loginId: string, password: string) => this.request<UserProfile>('POST', '/users/login', {login_id: loginId, password});
    logout = () => this.request<unknown>('POST', '/users/logout');

    getMe = () => this.request<UserProfile>('GET', '/users/me');
    getUser = (userId: string) => this.request<UserProfile>('GET', `/users/${encodeURIComponent(userId)}`);
    getProfilesByIds = (userIds: string[]) => this.request<UserProfile[]>('POST', '/users/ids', userIds);
    getProfiles = (page = 0, perPage = 200) => this.request<UserProfile[]>('GET', `/users?page=${page}&per_page=${perPage}`);
    patchMe = (patch: Partial<UserProfile>) => this.request<UserProfile>('PUT', '/users/me/patch', patch);

    getMyTeams = () => this.request<Team[]>('GET', '/users/me/teams');
    getMyChannels = (teamId: string) => this.request<Channel[]>('GET', `/users/me/teams/${encodeURIComponent(teamId)}/channels`);
    getChannel = (channelId: string) => this.request<Channel>('GET', `/channels/${encodeURIComponent(channelId)}`);
    getChannelMember = (channelId: string, userId: string) =>
        this.request<ChannelMembership>('GET', `/channels/${encodeURIComponent(channelId)}/members/${encodeURIComponent(userId)}`);

    getPosts = (channelId: string, page = 0, perPage = 60) =>
        this.request<PostList>('GET', `/channels/${encodeURIComponent(channelId)}/posts?page=${page}&per_page=${perPage}`);
    /** Client4.createPost sends the whole draft post, create_at zeroed. */
    createPost = (post: Partial<Post> & {channel_id: string; message: string}) =>
        this.request<Post>('POST', '/posts', {...post, create_at: 0});

    executeCommand = (command: string, args: CommandArgs) =>
        this.request<CommandResponse>('POST', '/commands/execute', {command, ...args});

    /** Client4.doPostActionWithCookie: the cookie is only sent when there is one. */
    doPostActionWithCookie = (postId: string, actionId: string, actionCookie: string, selectedOption = '') => {
        const body: {selected_option: string; cookie?: string} = {selected_option: selectedOption};
        if (actionCookie !== '') {
            body.cookie = actionCookie;
        }
        return this.request<PostActionResponse>('POST', `/posts/${encodeURIComponent(postId)}/actions/${encodeURIComponent(actionId)}`, body);
    };

    submitInteractiveDialog = (submission: DialogSubmission) =>
        this.request<SubmitDialogResponse | undefined>('POST', '/actions/dialogs/submit', submission);

    getWebappPlugins = () => this.request<PluginManifest[]>('GET', '/plugins/webapp');
}
