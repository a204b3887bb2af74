import type {TaskTx} from '../tasks/ports';

// A channel's web intake endpoints, as the intake service needs them stored.

export interface IntakeEndpoint {
  id: string;
  channelId: string;
  name: string;
  /** Hex SHA-256 of the URL token. */
  tokenHash: string;
  /** Hex SHA-256 of the shared secret; null: none is asked for. */
  secretHash: string | null;
  honeypotField: string | null;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
  submissions: number;
  spamCaught: number;
  lastSubmissionAt: Date | null;
}

/** A task transaction that can also change intake endpoints: each change commits with its audit entry. */
export type IntakeTx = TaskTx & {
  intakes: {
    insertEndpoint(endpoint: IntakeEndpoint): Promise<void>;
    /** The endpoint after revoking; undefined when the channel has no such endpoint. Revoking twice keeps the first time. */
    revokeEndpoint(channelId: string, id: string, at: Date): Promise<IntakeEndpoint | undefined>;
  };
};

export interface IntakeStore {
  /** Newest first, revoked ones included. */
  listEndpoints(channelId: string): Promise<IntakeEndpoint[]>;
  findByTokenHash(tokenHash: string): Promise<IntakeEndpoint | undefined>;
  /** Counts a submission (a task made, or spam caught); counters only, not audited. */
  countSubmission(id: string, outcome: 'created' | 'spam', at: Date): Promise<void>;
  transaction<T>(work: (tx: IntakeTx) => Promise<T>): Promise<T>;
}
