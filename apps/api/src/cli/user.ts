/**
 * npm run user -- add <login> --role <role> --region <code> [--name <显示名>]
 * npm run user -- passwd <login>
 * npm run user -- list
 *
 * The password comes from DISPATCH_PASSWORD or standard input. Works on the same database as the server
 * (DATABASE_URL), creating and migrating it if needed; every change is written to the audit log as 'cli'.
 */
import { parseArgs } from 'node:util';
import { passwordProblem, ROLE_IDS, ROLES, type Role } from '@dispatch/core';
import { getUserByLogin, listUsers, prepareDb, setPassword } from '@dispatch/db';
import { AccountError, accountProblem, createAccount, homeRegionError } from '../auth/create-account.ts';
import { hashPassword } from '../auth/password.ts';
import { checkDatabase, readCliEnv } from '../env.ts';
import { readPassword } from './read-password.ts';

class UsageError extends Error {}

const USAGE = `用法：
  npm run user -- add <登录名> --role <角色> --region <地区代码> [--name <显示名>]
  npm run user -- passwd <登录名>
  npm run user -- list
角色：${ROLE_IDS.map((r) => `${r}（${ROLES[r]}）`).join('、')}
密码取自环境变量 DISPATCH_PASSWORD，或从标准输入读取。`;

const CLI_ACTOR = { actorId: null, actorLogin: 'cli', address: null };

/** A refused account in the command line's words: the flag that was wrong, and why. */
function cliMessage(problem: AccountError, regionCode: string): string {
  if (problem.field === 'regionCode') return regionCode ? `--region ${regionCode}：${problem.message}` : '缺少 --region（所属地区代码，如 430000、430100）';
  if (problem.field === 'role') return `--role：${problem.message}`;
  return problem.message;
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, region: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, login] = positionals;
  if (values.help || !command) throw new UsageError('');
  const env = readCliEnv();
  await checkDatabase(env); // a DATABASE_URL that cannot work is one line (a ConfigError), not a stack trace
  const { db } = await prepareDb({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN, demo: false });

  if (command === 'list') {
    const users = await listUsers(db);
    if (users.length === 0) console.log('（还没有账号）');
    for (const u of users) console.log(`${u.login}\t${u.displayName}\t${u.role}（${ROLES[u.role]}）\t${u.regionCode}${u.demo ? '\t演示账号' : ''}${u.disabledAt ? '\t已停用' : ''}`);
    return;
  }
  if (!login) throw new UsageError('缺少登录名');

  if (command === 'add') {
    const account = { login, displayName: values.name ?? login, role: values.role as Role, regionCode: values.region ?? '' };
    // Everything but the password is checked before the password is asked for.
    const problem = accountProblem(account, false) ?? (await homeRegionError(db, account.role, account.regionCode));
    if (problem) throw new UsageError(cliMessage(problem, account.regionCode));
    const password = await readPassword(env.DISPATCH_PASSWORD, `${login} 的密码：`);
    try {
      const user = await createAccount(db, { ...account, password }, CLI_ACTOR);
      console.log(`已创建账号 ${user.login}（${ROLES[user.role]}，${user.regionCode}）`);
    } catch (err) {
      if (err instanceof AccountError && !err.conflict) throw new UsageError(cliMessage(err, account.regionCode));
      throw err;
    }
    return;
  }

  if (command === 'passwd') {
    const user = await getUserByLogin(db, login);
    if (!user) throw new UsageError(`没有登录名为 ${login} 的账号`);
    const password = await readPassword(env.DISPATCH_PASSWORD, `${login} 的新密码：`);
    const weak = passwordProblem(password);
    if (weak) throw new UsageError(weak);
    await setPassword(db, user, await hashPassword(password), CLI_ACTOR);
    console.log(`已修改 ${login} 的密码，其所有会话已失效`);
    return;
  }
  throw new UsageError(`未知命令 ${command}`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err: unknown) => {
    if (err instanceof UsageError) {
      if (err.message) console.error(`错误：${err.message}`);
      console.error(USAGE);
      process.exit(2);
    }
    console.error(`错误：${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
