import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/api-error';
import { sessionKeys } from './api/query-keys';

const sessionQueryHash = JSON.stringify(sessionKeys.current);

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // A 401 on any other query means the session ended (expiry, logout elsewhere):
        // forgetting the user sends the guards back to the login page.
        if (isApiError(error) && error.status === 401 && query.queryHash !== sessionQueryHash) {
          queryClient.setQueryData(sessionKeys.current, null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        retry: (failureCount, error) =>
          failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
    },
  });
  return queryClient;
}
