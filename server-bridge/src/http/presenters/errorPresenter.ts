import type {AppError} from '../../errors';

export interface ErrorBody {
  id: string;
  message: string;
  status: number;
  details?: Record<string, unknown>;
  request_id: string;
}

export function presentError(error: AppError, requestId: string): ErrorBody {
  const hasDetails = Object.keys(error.details).length > 0;
  return {
    id: error.id,
    message: error.message,
    status: error.status,
    ...(hasDetails ? {details: error.details} : {}),
    request_id: requestId,
  };
}
