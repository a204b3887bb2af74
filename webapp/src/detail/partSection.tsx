// A list section of the detail (comments, the timeline): its heading, a
// loading line, what failed with Retry, "none yet", or the items. What was
// loaded stays on screen while it reloads.
import React from 'react';
import {FormattedMessage} from 'react-intl';

import {FailureNotice} from '../tasks/taskListView';

import type {DetailPart, PartState} from './detailSlice';

const partMessages: Record<DetailPart, {heading: {id: string}; loading: {id: string}; empty: {id: string}; error: {id: string}}> = {
  comments: {
    heading: {id: 'baton.detail.comments'},
    loading: {id: 'baton.detail.comments.loading'},
    empty: {id: 'baton.detail.comments.empty'},
    error: {id: 'baton.detail.comments.error'},
  },
  timeline: {
    heading: {id: 'baton.detail.timeline'},
    loading: {id: 'baton.detail.timeline.loading'},
    empty: {id: 'baton.detail.timeline.empty'},
    error: {id: 'baton.detail.timeline.error'},
  },
};

export function PartSection<Item extends {id: string}>({part, state, onRetry, renderItem}: {
  part: DetailPart;
  state: PartState<Item>;
  onRetry: () => void;
  renderItem: (item: Item) => React.ReactNode;
}) {
  const messages = partMessages[part];
  return (
    <section
      className={`baton-detail__section baton-detail__${part}`}
      aria-labelledby={`baton-detail-${part}`}
    >
      <h4
        className='baton-detail__section-title'
        id={`baton-detail-${part}`}
      >
        <FormattedMessage {...messages.heading}/>
      </h4>
      {state.status === 'error' && state.error && (
        <FailureNotice
          failure={state.error}
          onRetry={onRetry}
          message={messages.error}
        />
      )}
      {(state.status === 'idle' || state.status === 'loading') && (
        <p
          className='baton-detail__state'
          role='status'
        >
          <FormattedMessage {...messages.loading}/>
        </p>
      )}
      {state.status === 'loaded' && state.items.length === 0 && (
        <p className='baton-detail__state'><FormattedMessage {...messages.empty}/></p>
      )}
      {state.items.length > 0 && (
        <ol className='baton-detail__items'>
          {state.items.map((item) => <li key={item.id}>{renderItem(item)}</li>)}
        </ol>
      )}
    </section>
  );
}
