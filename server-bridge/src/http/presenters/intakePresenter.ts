import type {IntakeView} from '../../contract/intake';
import type {IntakeEndpoint} from '../../domain/intake/ports';

// Intake endpoints → the JSON of /api/v1/channels/{channelId}/intakes: never
// the hashes; the URL path and secret only in the answer to its creation
// (the route adds them).

export function presentIntake(endpoint: IntakeEndpoint): IntakeView {
  return {
    id: endpoint.id,
    channelId: endpoint.channelId,
    name: endpoint.name,
    sharedSecret: endpoint.secretHash !== null,
    honeypotField: endpoint.honeypotField,
    createdBy: endpoint.createdBy,
    createdAt: endpoint.createdAt.toISOString(),
    revokedAt: endpoint.revokedAt?.toISOString() ?? null,
    submissions: endpoint.submissions,
    spamCaught: endpoint.spamCaught,
    lastSubmissionAt: endpoint.lastSubmissionAt?.toISOString() ?? null,
  };
}
