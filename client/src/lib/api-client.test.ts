import { ApiError, NETWORK_ERROR_STATUS, apiRequest, isApiError, toApiError } from './api-client';

describe('toApiError', () => {
  it('keeps a single NestJS message as a one-item list', () => {
    const error = toApiError(401, { statusCode: 401, message: 'Identifiants invalides', error: 'Unauthorized' });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expect(error.messages).toEqual(['Identifiants invalides']);
    expect(error.error).toBe('Unauthorized');
    expect(error.message).toBe('Identifiants invalides');
  });

  it('keeps every validation message of a 400', () => {
    const error = toApiError(400, {
      statusCode: 400,
      message: ['email must be an email', 'federation is required for representatives'],
      error: 'Bad Request',
    });
    expect(error.messages).toEqual(['email must be an email', 'federation is required for representatives']);
  });

  it('tolerates bodies that are not NestJS errors (proxy pages, empty bodies)', () => {
    expect(toApiError(502, undefined).messages).toEqual([]);
    expect(toApiError(502, '<html>Bad gateway</html>').messages).toEqual([]);
    expect(toApiError(500, { statusCode: 500 }).messages).toEqual([]);
    expect(toApiError(502, undefined).message).toBe('HTTP 502');
  });

  it('drops blank and non-string entries from message lists', () => {
    expect(toApiError(400, { message: ['', 'title should not be empty', 42] }).messages).toEqual([
      'title should not be empty',
    ]);
  });
});

describe('apiRequest', () => {
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

  it('sends JSON with the session cookie under /api', async () => {
    respond(200, { accessToken: 'token', user: { id: 'u1' } });

    const result = await apiRequest<{ accessToken: string }>('/auth/login', {
      method: 'POST',
      body: { email: 'a@b.be', password: 'secret' },
    });

    expect(result.accessToken).toBe('token');
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/auth/login');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('include');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual({ email: 'a@b.be', password: 'secret' });
  });

  it('sends a FormData as multipart, leaving the content type (and its boundary) to the browser', async () => {
    respond(201, { id: 'd1' });
    const form = new FormData();
    form.append('kind', 'courrier');
    await expect(apiRequest('/documents/import', { method: 'POST', body: form })).resolves.toEqual({ id: 'd1' });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/documents/import');
    expect(init.body).toBe(form);
    expect(init.credentials).toBe('include');
    expect((init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });

  it('sends no body or content type on a GET', async () => {
    respond(200, { items: [], total: 0 });
    await apiRequest('/federations');
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(init.method).toBe('GET');
    expect(init.body).toBeUndefined();
    expect((init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });

  it('resolves undefined for 204 No Content', async () => {
    respond(204);
    await expect(apiRequest('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('raises a typed ApiError carrying the status and server messages', async () => {
    respond(403, { statusCode: 403, message: 'Changez votre mot de passe', error: 'Forbidden' });
    const failure = await apiRequest('/users').catch((error: unknown) => error);
    expect(isApiError(failure)).toBe(true);
    expect(failure).toMatchObject({ status: 403, messages: ['Changez votre mot de passe'], error: 'Forbidden' });
  });

  it('raises an ApiError with status 0 when the server cannot be reached', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const failure = await apiRequest('/federations').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(NETWORK_ERROR_STATUS);
  });

  it('lets an abort through untouched, so TanStack Query can tell cancellation from failure', async () => {
    const controller = new AbortController();
    controller.abort();
    const abortError = new DOMException('aborted', 'AbortError');
    fetchMock.mockRejectedValueOnce(abortError);
    await expect(apiRequest('/federations', { signal: controller.signal })).rejects.toBe(abortError);
  });
});
