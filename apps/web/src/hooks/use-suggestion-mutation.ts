import type { Suggestion, SuggestionRequest } from '@dispatch/core';
import { useMutation } from '@tanstack/react-query';
import { postJson } from '../api/fetch-json.ts';

/** A suggestion is computed on demand and changes nothing: a mutation only because it is a POST with a body. */
export function useSuggestionMutation() {
  return useMutation({ mutationFn: (request: SuggestionRequest) => postJson<Suggestion>('/api/funds/suggestion', request) });
}
