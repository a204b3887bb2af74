// window.Components (plugins/export.ts), "for internal plugin use only"
// upstream. The harness provides the simple ones; reading any other is reported.
import React from 'react';

import {guardUnknownMembers} from './guardUnknownMembers';

function Timestamp({value}: {value?: number | Date | string}) {
    const date = value === undefined ? new Date() : new Date(value);
    return <time dateTime={date.toISOString()}>{date.toLocaleString()}</time>;
}

function Avatar({url, username, size = 'md'}: {url?: string; username?: string; size?: string}) {
    return (
        <img
            className={`Avatar Avatar-${size}`}
            alt={username ? `${username} profile image` : 'profile image'}
            src={url}
        />
    );
}

function BotBadge() {
    return <span className='Tag Tag--xs BotTag'>{'BOT'}</span>;
}

export function createExportedComponents(apiUrl: () => string): object {
    const imageURLForUser = (userId: string, lastPictureUpdate = 0) => `${apiUrl()}/users/${userId}/image?_=${lastPictureUpdate}`;
    return guardUnknownMembers({Timestamp, Avatar, BotBadge, imageURLForUser}, (member) =>
        `A plugin read window.Components.${member}; the harness provides only Timestamp, Avatar, BotBadge and imageURLForUser of Mattermost's internal components.`);
}
