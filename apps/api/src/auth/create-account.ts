import { homeRegionProblem, NewAccountSchema, type NewAccount, type Role, type User } from '@dispatch/core';
import { createUser, getRegion, LoginTakenError, type Actor, type Db } from '@dispatch/db';
import { hashPassword } from './password.ts';

/** Why an account cannot be opened, naming the field: the route answers it as a 400 (409 for a taken login). */
export class AccountError extends Error {
  constructor(
    readonly field: keyof NewAccount,
    message: string,
    readonly conflict = false,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

/** Core's rules for a new account, first problem first; the password may be left out to be asked for later. */
export function accountProblem(fields: Partial<NewAccount>, withPassword = true): AccountError | null {
  const schema = withPassword ? NewAccountSchema : NewAccountSchema.omit({ password: true });
  const parsed = schema.safeParse(fields);
  if (parsed.success) return null;
  const [issue] = parsed.error.issues;
  return new AccountError(issue!.path[0] as keyof NewAccount, issue!.message);
}

/** The post's home region must exist and fit the post (core's rule). */
export async function homeRegionError(db: Db, role: Role, regionCode: string): Promise<AccountError | null> {
  const problem = homeRegionProblem(role, await getRegion(db, regionCode));
  return problem ? new AccountError('regionCode', problem) : null;
}

/**
 * The one way an account is opened — by the administrator's screen and by `npm run user -- add`: the post's home
 * region checked by core's rule, the password hashed, the account and its audit line written in one batch.
 */
export async function createAccount(db: Db, account: NewAccount, actor: Actor): Promise<User> {
  const problem = accountProblem(account);
  if (problem) throw problem;
  const regionProblem = await homeRegionError(db, account.role, account.regionCode);
  if (regionProblem) throw regionProblem;
  try {
    return await createUser(db, { ...account, passwordHash: await hashPassword(account.password) }, actor);
  } catch (err) {
    if (err instanceof LoginTakenError) throw new AccountError('login', err.message, true);
    throw err;
  }
}
