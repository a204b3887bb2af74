// The logged-in page: the same regions as Mattermost's channel view.
import React from 'react';

import {AppBar} from '../appbar/AppBar';
import {MessageBox} from '../composer/MessageBox';
import {ChannelHeader} from '../header/ChannelHeader';
import {Pluggable} from '../pluggable/Pluggable';
import {PostList} from '../posts/PostList';
import {RightHandSidebar} from '../rhs/RightHandSidebar';
import {LeftSidebar} from '../sidebar/LeftSidebar';

import {TopBar} from './TopBar';

export function ChannelView({notFound}: {notFound?: string}) {
    return (
        <div
            className='harness-app'
            data-testid='harness-app'
        >
            <TopBar/>
            <div className='harness-main'>
                <LeftSidebar/>
                <main
                    className='harness-center'
                    data-testid='center-channel'
                >
                    {notFound ? (
                        <p
                            className='harness-error'
                            data-testid='channel-not-found'
                        >
                            {notFound}
                        </p>
                    ) : (
                        <>
                            <ChannelHeader/>
                            <PostList/>
                            <MessageBox/>
                        </>
                    )}
                </main>
                <RightHandSidebar/>
                <AppBar/>
            </div>
            <div data-testid='plugin-root-components'>
                <Pluggable pluggableName='Root'/>
            </div>
        </div>
    );
}
