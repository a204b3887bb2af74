// The card's buttons. The host does not draw the attachment under a post type
// component, so the card draws the attachment's buttons itself and clicks
// them the way the host does (mattermost/postActions.ts): one action path on
// the bridge serves the card and the attachment every other client shows.
// Each button shows its own pending state; a failure says which button and
// why; a trigger id in the answer is handed to the host so the dialog the
// bridge opens (Hand off…, Decline…) is shown.
import React, {useState} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import {MattermostNetworkError} from '../mattermost/client4';
import type {PostActionsClient} from '../mattermost/postActions';
import {receivedDialogTriggerId} from '../mattermost/postActions';
import {useBatonServices} from '../plugin/servicesContext';

import type {CardButton} from './handoffCardData';

// Written out as {id: '...'} so the catalog test sees every id in use.
const buttonMessages: Record<string, {id: string}> = {
  accept: {id: 'baton.card.action.accept'},
  done: {id: 'baton.card.action.done'},
  handoff: {id: 'baton.card.action.handoff'},
  decline: {id: 'baton.card.action.decline'},
};

const buttonStyles = new Set(['primary', 'success', 'danger']);

type Failure = {label: string; message: string | null};

export type CardActionsProps = {
  postId: string;
  buttons: readonly CardButton[];
  postActions: PostActionsClient;
};

export function CardActions({postId, buttons, postActions}: CardActionsProps) {
  const intl = useIntl();
  const {store} = useBatonServices();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<Failure | null>(null);
  const [ephemeral, setEphemeral] = useState<string | null>(null);

  // In the viewer's language for the buttons Baton knows; the attachment's own label otherwise.
  const labelOf = (button: CardButton) => {
    const message = buttonMessages[button.id];
    return message ? intl.formatMessage(message) : button.name;
  };

  const click = async (button: CardButton) => {
    if (pending.has(button.id)) {
      return;
    }
    setPending((current) => new Set(current).add(button.id));
    setFailure(null);
    setEphemeral(null);
    try {
      const result = await postActions.doPostActionWithCookie(postId, button.id, button.cookie);
      if (result.triggerId) {
        store.dispatch(receivedDialogTriggerId(result.triggerId));
      }
      setEphemeral(result.ephemeralText);
    } catch (error) {
      // A network failure has no useful text of its own; Mattermost's refusals do.
      setFailure({label: labelOf(button), message: error instanceof MattermostNetworkError || !(error instanceof Error) ? null : error.message});
    } finally {
      setPending((current) => {
        const next = new Set(current);
        next.delete(button.id);
        return next;
      });
    }
  };

  return (
    <>
      {buttons.length > 0 && (
        <div
          className='baton-card__actions'
          role='group'
          aria-label={intl.formatMessage({id: 'baton.card.actions'})}
        >
          {buttons.map((button) => {
            const busy = pending.has(button.id);
            return (
              <button
                key={button.id}
                type='button'
                className={`baton-card__button baton-card__button--${buttonStyles.has(button.style) ? button.style : 'default'}`}
                aria-disabled={busy}
                aria-busy={busy}
                data-action-id={button.id}
                onClick={() => void click(button)}
              >
                {busy ? <FormattedMessage id='baton.card.action.pending'/> : labelOf(button)}
              </button>
            );
          })}
        </div>
      )}
      {failure && (
        <p
          className='baton-card__error'
          role='alert'
        >
          {failure.message === null ? (
            <FormattedMessage
              id='baton.card.action.unreachable'
              values={{action: failure.label}}
            />
          ) : (
            <FormattedMessage
              id='baton.card.action.error'
              values={{action: failure.label, message: failure.message}}
            />
          )}
        </p>
      )}
      {ephemeral && (
        <p
          className='baton-card__ephemeral'
          role='status'
        >
          {ephemeral}
        </p>
      )}
    </>
  );
}
