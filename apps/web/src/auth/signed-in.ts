import { actionSide, can, ROLES, type ActionSide, type Permission, type SignedIn, type User } from '@dispatch/core';
import { createContext, useContext, useMemo } from 'react';
import { useRegionsQuery } from '../hooks/use-regions-query.ts';

export const SignedInContext = createContext<SignedIn | null>(null);

/** The signed-in account; only inside the signed-in part of the app. */
export function useSignedIn(): SignedIn {
  const me = useContext(SignedInContext);
  if (!me) throw new Error('useSignedIn outside the signed-in app');
  return me;
}

/**
 * What the signed-in person may do, by the same rule the server applies (core's `can`), to hide links and
 * buttons that would only be refused. The server still checks every request.
 */
export function useAccess() {
  const { user } = useSignedIn();
  const regions = useRegionsQuery().data;
  return useMemo(() => {
    const map = new Map((regions ?? []).map((r) => [r.code, r]));
    return {
      user,
      /** the person's home region, once the registry is loaded */
      home: map.get(user.regionCode),
      can: (permission: Permission, regionCode: string | null = null) => regions !== undefined && can(user, permission, regionCode, map),
      /** which side of a supervision action on this region the person is on (core's rule) */
      side: (regionCode: string): ActionSide => (regions === undefined ? 'none' : actionSide(user, regionCode, map)),
    };
  }, [user, regions]);
}

/** 市州用户 · 长沙市 */
export function postOf(user: User, regionName: string | undefined): string {
  return `${ROLES[user.role]} · ${regionName ?? user.regionCode}`;
}
