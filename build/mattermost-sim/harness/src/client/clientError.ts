/** A failed REST call, carrying Mattermost's error body ({id, message, status_code}). */
export class ClientError extends Error {
    readonly statusCode: number;
    readonly serverErrorId: string;
    readonly url: string;

    constructor(message: string, statusCode: number, serverErrorId: string, url: string) {
        super(message);
        this.name = 'ClientError';
        this.statusCode = statusCode;
        this.serverErrorId = serverErrorId;
        this.url = url;
    }
}

interface MattermostErrorBody {
    id?: unknown;
    message?: unknown;
}

export async function clientErrorFrom(response: Response, url: string): Promise<ClientError> {
    let body: MattermostErrorBody = {};
    try {
        body = (await response.json()) as MattermostErrorBody;
    } catch {
        // Not JSON: keep the status line.
    }
    const message = typeof body.message === 'string' ? body.message : `${response.status} ${response.statusText}`;
    const id = typeof body.id === 'string' ? body.id : '';
    return new ClientError(message, response.status, id, url);
}
