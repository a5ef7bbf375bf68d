import { ApiError, NETWORK_ERROR_STATUS, isApiError } from './api-error';
import { api, unwrap } from './client';

describe('the generated API client', () => {
  const realFetch = global.fetch;
  let fetchMock: jest.Mock;

  beforeEach(() => {
    fetchMock = jest.fn();
    global.fetch = fetchMock as unknown as typeof fetch;
  });

  afterEach(() => {
    global.fetch = realFetch;
  });

  function respond(status: number, body?: unknown) {
    fetchMock.mockResolvedValueOnce(
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  }

  function sentRequest(): Request {
    return fetchMock.mock.calls[0][0] as Request;
  }

  it('sends JSON with the session cookie under /api', async () => {
    respond(200, { accessToken: 'token', user: { id: 'u1' } });

    const result = await unwrap(api.POST('/api/auth/login', { body: { email: 'a@b.be', password: 'secret' } }));

    expect(result.accessToken).toBe('token');
    const request = sentRequest();
    expect(new URL(request.url).pathname).toBe('/api/auth/login');
    expect(request.method).toBe('POST');
    expect(request.credentials).toBe('include');
    expect(request.headers.get('Content-Type')).toBe('application/json');
    await expect(request.json()).resolves.toEqual({ email: 'a@b.be', password: 'secret' });
  });

  it('fills path parameters and drops unset query parameters', async () => {
    respond(200, { items: [], total: 0 });
    await unwrap(api.GET('/api/documents', { params: { query: { kind: 'analyse', q: 'parcours d’intégration' } } }));
    expect(new URL(sentRequest().url).search).toBe('?kind=analyse&q=parcours%20d%E2%80%99int%C3%A9gration');

    respond(200, {});
    await unwrap(api.GET('/api/documents/{id}', { params: { path: { id: 'a/b' } } }));
    expect(new URL((fetchMock.mock.calls[1][0] as Request).url).pathname).toBe('/api/documents/a%2Fb');
  });

  it('sends a FormData as multipart, leaving the boundary to the runtime', async () => {
    respond(201, { id: 'd1' });
    const file = new Blob(['PK'], { type: 'application/octet-stream' });
    await unwrap(
      api.POST('/api/documents/import', {
        body: { file, kind: 'courrier' },
        bodySerializer: (body) => {
          const form = new FormData();
          form.append('file', body.file);
          form.append('kind', body.kind);
          return form;
        },
      }),
    );
    const request = sentRequest();
    expect(request.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    const form = await request.formData();
    expect(form.get('kind')).toBe('courrier');
  });

  it('sends no body or content type on a GET', async () => {
    respond(200, { items: [], total: 0 });
    await unwrap(api.GET('/api/federations'));
    const request = sentRequest();
    expect(request.method).toBe('GET');
    expect(request.body).toBeNull();
    expect(request.headers.get('Content-Type')).toBeNull();
  });

  it('resolves undefined for 204 No Content', async () => {
    respond(204);
    await expect(unwrap(api.POST('/api/auth/logout'))).resolves.toBeUndefined();
  });

  it('raises a typed ApiError carrying the status and server messages', async () => {
    respond(403, { statusCode: 403, message: 'Password change required', error: 'Forbidden' });
    const failure = await unwrap(api.GET('/api/users')).catch((error: unknown) => error);
    expect(isApiError(failure)).toBe(true);
    expect(failure).toMatchObject({ status: 403, messages: ['Password change required'], error: 'Forbidden' });
  });

  it('raises an ApiError with status 0 when the server cannot be reached', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const failure = await unwrap(api.GET('/api/federations')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(NETWORK_ERROR_STATUS);
  });

  it('lets an abort through untouched, so TanStack Query can tell cancellation from failure', async () => {
    const controller = new AbortController();
    controller.abort();
    const abortError = new DOMException('aborted', 'AbortError');
    fetchMock.mockRejectedValueOnce(abortError);
    await expect(unwrap(api.GET('/api/federations', { signal: controller.signal }))).rejects.toBe(abortError);
  });
});
