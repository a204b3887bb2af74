// The channel header. Plugin header buttons show here only while the App Bar
// is off; with it on they move to the App Bar (selectors/plugins.ts,
// components/app_bar/app_bar.tsx).
import React from 'react';

import {formatText} from '../../globals/formatText';
import {messageHtmlToComponent} from '../../globals/messageHtmlToComponent';
import {appBarEnabled, getChannelHeaderPluginComponents, getCurrentChannel, getMyCurrentChannelMembership} from '../../store/selectors';
import {asFunction, asReactNode} from '../asReactNode';
import {useHarnessSelector} from '../hooks';

export function ChannelHeader() {
    const channel = useHarnessSelector(getCurrentChannel);
    const member = useHarnessSelector(getMyCurrentChannelMembership);
    const buttons = useHarnessSelector(getChannelHeaderPluginComponents);
    const showButtons = !useHarnessSelector(appBarEnabled);
    return (
        <div
            className='harness-channel-header'
            data-testid='channel-header'
        >
            <div className='harness-channel-header__titles'>
                <strong data-testid='channel-header-title'>{channel?.display_name ?? ''}</strong>
                {channel?.header && <span className='harness-channel-header__text'>{messageHtmlToComponent(formatText(channel.header, {singleline: true}))}</span>}
            </div>
            {showButtons && (
                <div
                    className='harness-channel-header__buttons'
                    data-testid='channel-header-buttons'
                >
                    {buttons.map((button) => (
                        <button
                            key={button.id}
                            type='button'
                            className='harness-icon-button'
                            data-testid={`channel-header-button-${button.pluginId}`}
                            onClick={() => asFunction<[unknown, unknown], void>(button.action)?.(channel, member)}
                        >
                            {asReactNode(button.icon)}
                            <span className='harness-tooltip'>{asReactNode(button.tooltipText ?? button.dropdownText)}</span>
                        </button>
                    ))}
                </div>
            )}
        </div>
    );
}
