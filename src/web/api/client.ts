// The one HTTP client of the web app: same-origin fetch with the session cookie, the CSRF header on
// every change, and the API's one error shape turned into ApiError.

export interface ApiIssue {
  field: string;
  message: string;
}

/** An error answered by the API: `{ error: { code, message, details?, requestId } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field-level problems (from validation errors), keyed by the field's last path segment. */
  fieldErrors(): Record<string, string> {
    const issues = (this.details?.['issues'] as ApiIssue[] | undefined) ?? [];
    const out: Record<string, string> = {};
    for (const issue of issues) {
      const key = issue.field.split('.').slice(1).join('.') || issue.field;
      out[key] ??= issue.message;
    }
    // Domain errors name one field as `details.field` ("happenedAt" or "body.happenedAt").
    const field = this.details?.['field'];
    if (typeof field === 'string' && field) {
      const key = field.startsWith('body.') ? field.slice('body.'.length) : field;
      out[key] ??= this.message;
    }
    return out;
  }
}

let csrfToken: string | null = null;

/** Remembers the session's CSRF token (from GET/POST /api/session); null after sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Cannot reach the makegood server. Check your connection and retry.');
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)
      ?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `The server answered ${response.status}.`,
      error?.details,
    );
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** A query string from defined, non-empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
