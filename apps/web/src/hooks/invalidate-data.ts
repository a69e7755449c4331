import type { QueryClient } from '@tanstack/react-query';
import { ME_KEY } from '../auth/use-me-query.ts';

/** After a write of data (a reallocation round): every answer computed from the data, everything but who is signed in. */
export function invalidateData(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
}
