import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, isRetryable } from './api/fetch-json.ts';
import { App } from './App.tsx';
import { ME_KEY } from './auth/use-me-query.ts';
import './styles.css';
import './alerts.css';
import './notes.css';
import './funds.css';
import './supervision.css';
import './bulletin.css';
import './imports.css';
import './print.css';

/** A 401 from any request means the session is gone (signed out elsewhere, expired, password changed): sign in again. */
function onError(error: Error) {
  if (error instanceof ApiError && error.status === 401 && queryClient.getQueryData(ME_KEY)) queryClient.setQueryData(ME_KEY, null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      // Refusals are answers, not glitches: only other failures are tried again.
      retry: (count, error) => count < 1 && isRetryable(error),
      refetchOnWindowFocus: false,
    },
  },
});

// A page opened before an upgrade may ask for a part of the app that the new build no longer has: load the new
// version, once (a second failure shows the error boundary's message instead of reloading for ever).
window.addEventListener('vite:preloadError', (event) => {
  if (sessionStorage.getItem('dispatch:reloaded-for-update')) return;
  sessionStorage.setItem('dispatch:reloaded-for-update', '1');
  event.preventDefault();
  window.location.reload();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
