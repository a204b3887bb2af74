import type {TaskTx} from '../tasks/ports';

// Tasks known by a business system's own reference: (source, externalId).

export interface ExternalRef {
  source: string;
  externalId: string;
  taskId: string;
  createdAt: Date;
}

/** A task transaction that can also record external references: the reference commits with the task. */
export type ExternalRefTx = TaskTx & {
  externalRefs: {
    /** False when (source, externalId) is taken: another transaction (a concurrent retry) recorded it first. */
    insertRef(ref: ExternalRef): Promise<boolean>;
  };
};

export interface ExternalRefStore {
  findTaskIdByRef(source: string, externalId: string): Promise<string | undefined>;
  transaction<T>(work: (tx: ExternalRefTx) => Promise<T>): Promise<T>;
}
