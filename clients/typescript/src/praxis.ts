// The thin layer over the generated clients: a token on every call, an Idempotency-Key on every
// POST without one, problem answers thrown as ProblemError, and paged lists as one async iterable.
// It is typed structurally, so one layer serves each service's own generated runtime.

/** The access token, asked before each call (so a refreshed token is used as soon as there is one). */
export type AccessToken = () => string | Promise<string>;

/** One refused field of a problem: the request's path to it and what is wrong with it. */
export interface FieldError {
    field?: string;
    message?: string;
}

/** A service's answer as an RFC 9457 problem (application/problem+json). */
export class ProblemError extends Error {
    constructor(
        readonly status: number,
        readonly type: string | undefined,
        readonly title: string | undefined,
        readonly detail: string | undefined,
        readonly errors: FieldError[],
    ) {
        super(`${status} ${title ?? ""}${detail ? ": " + detail : ""}`);
        this.name = "ProblemError";
    }
}

interface Exchange {
    url: string;
    init: RequestInit;
}

/** Middleware for a generated Configuration: the token, a default idempotency key, problems thrown. */
export function praxisMiddleware(accessToken: AccessToken) {
    return {
        async pre({ url, init }: Exchange): Promise<Exchange> {
            const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
            headers["Authorization"] = `Bearer ${await accessToken()}`;
            if ((init.method ?? "GET").toUpperCase() === "POST" && !headers["Idempotency-Key"]) {
                headers["Idempotency-Key"] = crypto.randomUUID();
            }
            return { url, init: { ...init, headers } };
        },
        async post({ response }: { response: Response }): Promise<Response> {
            const type = response.headers.get("Content-Type") ?? "";
            if (!response.ok && type.startsWith("application/problem+json")) {
                const p = await response.json();
                throw new ProblemError(response.status, p.type, p.title, p.detail, p.errors ?? []);
            }
            return response;
        },
    };
}

/**
 * A generated Configuration of one service, e.g.
 * `new intake.IntakesApi(configure(intake.Configuration, "https://intake.example", token))`.
 */
export function configure<C>(
    configuration: new (parameters: { basePath: string; middleware: ReturnType<typeof praxisMiddleware>[] }) => C,
    basePath: string,
    accessToken: AccessToken,
): C {
    return new configuration({ basePath, middleware: [praxisMiddleware(accessToken)] });
}

/** Every item of a paged list, page after page: `for await (const e of items(c => api.listEngagements({ cursor: c })))`. */
export async function* items<T>(
    page: (cursor: string | undefined) => Promise<{ items?: T[]; nextCursor?: string | null }>,
): AsyncGenerator<T> {
    let cursor: string | undefined;
    do {
        const read = await page(cursor);
        yield* read.items ?? [];
        cursor = read.nextCursor ?? undefined;
    } while (cursor);
}
