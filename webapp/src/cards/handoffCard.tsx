// The webapp's rendering of a handoff DM (post type custom_baton_handoff): the
// case and task (the key opens the task in the Baton panel), step and run,
// who handed it over, their comment as Markdown, every deadline (legal first)
// in the viewer's language and zone with its distance from now, where the
// task is now (when the panel has loaded it), and the buttons the post still
// offers. The host shows this instead of the post's message and attachment;
// a post this webapp cannot read shows its message as Markdown instead.
import React, {useMemo} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import {Markdown} from '../detail/markdown';
import {getCurrentUserId, getUserProfiles, timeZoneIn} from '../mattermost/hostState';
import type {PostActionsClient} from '../mattermost/postActions';
import type {PostTypeComponentProps} from '../plugin/hostTypes';
import {useBatonServices} from '../plugin/servicesContext';
import {useBatonSelector} from '../state/hooks';
import type {ReaderClock} from '../tasks/deadlines';

import {CardActions} from './cardActions';
import {CardDeadlines, CardFrom, CardNow} from './cardParts';
import {cardButtons, cardFooter, readHandoffCard} from './handoffCardData';
import type {HandoffCard as HandoffCardData} from './handoffCardData';

/** As much of a comment as the card quotes; the rest is one click away in the task (the DM's text stops at the same length). */
export const CARD_COMMENT_LIMIT = 4_000;

export type HandoffCardProps = PostTypeComponentProps & {postActions: PostActionsClient};

function cardClass(compactDisplay: boolean | undefined, isRHS: boolean | undefined): string {
  return `baton-card${compactDisplay ? ' baton-card--compact' : ''}${isRHS ? ' baton-card--rhs' : ''}`;
}

function CardBody({card, clock, compact}: {card: HandoffCardData; clock: ReaderClock; compact: boolean}) {
  const intl = useIntl();
  const {rhs} = useBatonServices();
  const comment = card.comment?.trim() ? card.comment : null;
  const cut = comment !== null && comment.length > CARD_COMMENT_LIMIT;
  return (
    <>
      <div className='baton-card__header'>
        <i
          className='icon icon-check-circle-outline baton-card__icon'
          aria-hidden='true'
        />
        <span className='baton-card__title'>
          <FormattedMessage id='baton.card.title'/>
        </span>
        {card.caseRef && (
          <span className='baton-card__case'>
            <FormattedMessage
              id='baton.card.case'
              values={{
                case: card.caseRef.url ? (
                  <a
                    href={card.caseRef.url}
                    target='_blank'
                    rel='noopener noreferrer'
                  >
                    {card.caseRef.id}
                  </a>
                ) : card.caseRef.id,
              }}
            />
          </span>
        )}
      </div>
      <div className='baton-card__task'>
        <button
          type='button'
          className='baton-card__key'
          title={intl.formatMessage({id: 'baton.card.open_task'}, {key: card.task.key})}
          aria-label={intl.formatMessage({id: 'baton.card.open_task'}, {key: card.task.key})}
          onClick={() => rhs.showTask(card.task.key)}
        >
          {card.task.key}
        </button>
        {card.task.url ? (
          <a
            className='baton-card__task-title'
            href={card.task.url}
          >
            {card.task.title}
          </a>
        ) : <span className='baton-card__task-title'>{card.task.title}</span>}
      </div>
      {(card.stepName || card.runTitle) && (
        <p className='baton-card__meta'>
          {card.stepName && (
            <span>
              <FormattedMessage
                id='baton.card.step'
                values={{step: card.stepName}}
              />
            </span>
          )}
          {card.runTitle && (
            <span>
              <FormattedMessage
                id='baton.card.run'
                values={{run: card.runTitle}}
              />
            </span>
          )}
        </p>
      )}
      <CardFrom
        sender={card.sender?.username ?? null}
        previous={compact ? null : card.previousHolder?.username ?? null}
      />
      {comment !== null && (
        <blockquote
          className='baton-card__comment'
          aria-label={intl.formatMessage({id: 'baton.card.comment'})}
        >
          <Markdown
            text={cut ? `${comment.slice(0, CARD_COMMENT_LIMIT)}…` : comment}
            className='baton-card__comment-text'
          />
          {cut && (
            <button
              type='button'
              className='baton-card__more'
              onClick={() => rhs.showTask(card.task.key)}
            >
              <FormattedMessage id='baton.card.comment_continues'/>
            </button>
          )}
        </blockquote>
      )}
      <CardDeadlines
        deadlines={card.deadlines}
        clock={clock}
      />
    </>
  );
}

export function HandoffCard({post, compactDisplay, isRHS, postActions}: HandoffCardProps) {
  const intl = useIntl();
  const {now} = useBatonServices();
  const me = useBatonSelector(getCurrentUserId);
  const profiles = useBatonSelector(getUserProfiles);
  const timeZone = timeZoneIn(profiles, me);
  const card = readHandoffCard(post);
  const buttons = cardButtons(post);
  const footer = cardFooter(post);
  // The clock is read at every render (to the minute): the relative times move as days pass.
  const minute = Math.floor(now().getTime() / 60_000);
  const clock = useMemo<ReaderClock>(() => ({now: now(), timeZone, locale: intl.locale}), [now, minute, timeZone, intl.locale]);

  return (
    <article
      className={cardClass(compactDisplay, isRHS)}
      aria-label={card ? intl.formatMessage({id: 'baton.card.label'}, {key: card.task.key, title: card.task.title}) : undefined}
      data-testid={`baton-handoff-card-${post.id}`}
    >
      {card ? (
        <>
          <CardBody
            card={card}
            clock={clock}
            compact={Boolean(compactDisplay)}
          />
          <CardNow taskId={card.task.id}/>
        </>
      ) : (
        <>
          <Markdown
            text={post.message}
            className='baton-card__message'
          />
          <p className='baton-card__note'>
            <FormattedMessage id='baton.card.fallback'/>
          </p>
        </>
      )}
      <CardActions
        postId={post.id}
        buttons={buttons}
        postActions={postActions}
      />
      {footer && <p className='baton-card__footer'>{footer}</p>}
    </article>
  );
}
