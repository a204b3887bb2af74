// Entities as the Mattermost REST API returns them (server/public/model/*.go),
// limited to the fields the harness reads. Plugins receive these objects
// unchanged through the store and component props.

export interface UserProfile {
    id: string;
    username: string;
    first_name: string;
    last_name: string;
    nickname: string;
    email: string;
    locale: string;
    roles: string;
    is_bot: boolean;
    delete_at: number;
    update_at: number;
    last_picture_update?: number;
    timezone?: {useAutomaticTimezone: string; automaticTimezone: string; manualTimezone: string};
}

export interface Team {
    id: string;
    name: string;
    display_name: string;
    type: string;
    delete_at: number;
}

export interface TeamMembership {
    team_id: string;
    user_id: string;
    roles: string;
    delete_at: number;
}

/** O open, P private, D direct, G group. */
export type ChannelType = 'O' | 'P' | 'D' | 'G';

export interface Channel {
    id: string;
    team_id: string;
    type: ChannelType;
    name: string;
    display_name: string;
    header: string;
    purpose: string;
    delete_at: number;
    last_post_at: number;
}

export interface ChannelMembership {
    channel_id: string;
    user_id: string;
    roles: string;
    last_viewed_at: number;
    msg_count: number;
    mention_count: number;
}

export interface PostActionOption {
    text: string;
    value: string;
}

/** props.attachments[].actions[] after the server stripped `integration`. */
export interface PostAction {
    id: string;
    name: string;
    type?: 'button' | 'select';
    style?: string;
    data_source?: 'users' | 'channels' | '';
    options?: PostActionOption[];
    cookie?: string;
}

export interface AttachmentField {
    title: string;
    value: string | number;
    short?: boolean;
}

export interface MessageAttachment {
    fallback?: string;
    color?: string;
    pretext?: string;
    author_name?: string;
    title?: string;
    title_link?: string;
    text?: string;
    fields?: AttachmentField[];
    footer?: string;
    actions?: PostAction[];
}

export interface Post {
    id: string;
    create_at: number;
    update_at: number;
    edit_at: number;
    delete_at: number;
    user_id: string;
    channel_id: string;
    root_id: string;
    message: string;
    type: string;
    props: Record<string, unknown>;
    metadata?: Record<string, unknown>;
    pending_post_id?: string;
    /** Set by the client on posts it marked deleted (Posts.POST_DELETED). */
    state?: 'DELETED';
}

/** GET /api/v4/channels/{id}/posts */
export interface PostList {
    order: string[];
    posts: Record<string, Post>;
}

/** The client config (GET /api/v4/config/client?format=old): every value is a string. */
export type ClientConfig = Record<string, string>;

export interface PluginManifest {
    id: string;
    name?: string;
    version: string;
    webapp?: {bundle_path: string};
    [key: string]: unknown;
}

/** POST /api/v4/commands/execute (model.CommandResponse). */
export interface CommandResponse {
    response_type?: string;
    text?: string;
    goto_location?: string;
    trigger_id?: string;
    props?: Record<string, unknown>;
}

/** POST /api/v4/posts/{id}/actions/{action_id} (model.PostActionAPIResponse). */
export interface PostActionResponse {
    status?: string;
    trigger_id?: string;
    goto_location?: string;
}

export type DialogElementType = 'text' | 'textarea' | 'select' | 'bool' | 'radio' | 'date' | 'datetime';

export interface DialogElement {
    display_name: string;
    name: string;
    type: DialogElementType;
    subtype?: string;
    default?: string | boolean;
    placeholder?: string;
    help_text?: string;
    optional?: boolean;
    min_length?: number;
    max_length?: number;
    data_source?: 'users' | 'channels' | 'dynamic' | '';
    options?: PostActionOption[];
}

export interface Dialog {
    callback_id?: string;
    title: string;
    introduction_text?: string;
    icon_url?: string;
    elements?: DialogElement[];
    submit_label?: string;
    notify_on_cancel?: boolean;
    state?: string;
}

/** What open_dialog carries and openInteractiveDialog receives (model.OpenDialogRequest). */
export interface OpenDialogRequest {
    trigger_id: string;
    url: string;
    dialog: Dialog;
}

export type DialogSubmissionValue = string | boolean | string[];

/** POST /api/v4/actions/dialogs/submit (model.SubmitDialogRequest). */
export interface DialogSubmission {
    url: string;
    callback_id: string;
    state: string;
    submission: Record<string, DialogSubmissionValue>;
    user_id: string;
    channel_id: string;
    team_id: string;
    cancelled: boolean;
}

export interface SubmitDialogResponse {
    error?: string;
    errors?: Record<string, string>;
}

export interface PreferenceType {
    user_id: string;
    category: string;
    name: string;
    value: string;
}
