import type {ChangeFeed, ChangeMessage} from './ports';

// The change feed of one bridge process: publishing calls every subscriber
// at once. Enough for the embedded engine (one process by design) and for a
// single PostgreSQL replica; several replicas need a feed shared through the
// database, behind the same port.

export function createInProcessFeed(deps: {report?: (error: unknown) => void} = {}): ChangeFeed {
  const listeners = new Set<(message: ChangeMessage) => void>();
  return {
    async publish(messages) {
      for (const message of messages) {
        for (const listener of [...listeners]) {
          // One failing subscriber must not keep the message from the others.
          try {
            listener(message);
          } catch (error) {
            deps.report?.(error);
          }
        }
      }
    },
    subscribe(listener) {
      // Wrapped, so the same function subscribed twice is two subscriptions.
      const own = (message: ChangeMessage) => listener(message);
      listeners.add(own);
      return () => void listeners.delete(own);
    },
  };
}
