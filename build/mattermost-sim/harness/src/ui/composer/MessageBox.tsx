// The message box. Enter sends (Shift+Enter is a new line). A message
// starting with "/" is a slash command: plugin hooks first, then
// POST /commands/execute; anything else runs the MessageWillBePosted hooks
// and POST /posts. Errors (a hook's {error}, the server's) show under the box.
import React, {useState} from 'react';

import {submitPost} from '../../actions/posts';
import {submitCommand} from '../../actions/slashCommands';
import {getCurrentChannelId} from '../../store/selectors';
import {errorText} from '../errorText';
import {useHarnessDispatch, useHarnessSelector} from '../hooks';
import {useHost} from '../hostContext';

export function MessageBox() {
    const host = useHost();
    const dispatch = useHarnessDispatch();
    const channelId = useHarnessSelector(getCurrentChannelId);
    const [message, setMessage] = useState('');
    const [error, setError] = useState('');
    const [sending, setSending] = useState(false);

    const send = async () => {
        if (!message.trim() || sending) {
            return;
        }
        setSending(true);
        setError('');
        try {
            const action = message.startsWith('/') ? submitCommand(host, channelId, '', message) : submitPost(host, channelId, '', message);
            const result = await dispatch(action);
            if (result.error) {
                setError(errorText(result.error));
            } else {
                setMessage('');
            }
        } catch (caught) {
            setError(errorText(caught));
        } finally {
            setSending(false);
        }
    };

    return (
        <form
            className='harness-message-box'
            data-testid='message-box-form'
            onSubmit={(event) => {
                event.preventDefault();
                void send();
            }}
        >
            <textarea
                data-testid='message-box'
                placeholder='Write a message or /command'
                rows={2}
                value={message}
                onChange={(event) => setMessage(event.target.value)}
                onKeyDown={(event) => {
                    if (event.key === 'Enter' && !event.shiftKey) {
                        event.preventDefault();
                        void send();
                    }
                }}
            />
            <button
                type='submit'
                className='harness-button harness-button--primary'
                data-testid='message-send'
                disabled={sending}
            >
                {'Send'}
            </button>
            {error && (
                <div
                    className='harness-error'
                    data-testid='message-error'
                >
                    {error}
                </div>
            )}
        </form>
    );
}
