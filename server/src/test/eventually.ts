/**
 * Waits for an asynchronous side effect (a domain-event listener runs after the request has
 * answered): retries `probe` until it stops throwing, on each turn of the event loop, without
 * asserting anything about time.
 */
export async function eventually<T>(probe: () => Promise<T>, attempts = 200): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await probe();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  throw lastError;
}
