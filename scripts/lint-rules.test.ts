/**
 * The lint step of `npm test` (eslint.config.js) fails on the arrows the architecture forbids: shown here on
 * files that break each rule, linted with the repository's own configuration.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('..', import.meta.url)) });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the architecture, enforced by the lint step', () => {
  test.each([
    ['packages/core/src/wrong.ts', "import { getRegions } from '@dispatch/db';", 'core', 'db'],
    ['packages/core/src/wrong.ts', "import { createApp } from '@dispatch/api';", 'core', 'api'],
    ['packages/db/src/wrong.ts', "import { createApp } from '@dispatch/api';", 'db', 'api'],
    ['apps/web/src/wrong.ts', "import { getRegions } from '@dispatch/db';", 'web', 'db'],
    ['apps/web/src/wrong.ts', "import { createApp } from '@dispatch/api';", 'web', 'api'],
  ])('%s may not import %s (%s → %s)', async (file, code, from, to) => {
    expect(await problems(file, `${code}\nexport const used = 1;\n`)).toContainEqual(
      `boundaries/dependencies: There is no policy allowing dependencies from elements of type "${from}" to elements of type "${to}"`,
    );
  });

  test.each([
    ['apps/api/src/wrong.ts', "import { ROLES } from '@dispatch/core';"],
    ['packages/db/src/wrong.ts', "import { ROLES } from '@dispatch/core';"],
    ['apps/web/src/wrong.ts', "import { ROLES } from '@dispatch/core';"],
  ])('%s may import core', async (file, code) => {
    expect(await problems(file, `${code}\nexport const used = ROLES;\n`)).toEqual([]);
  });

  test('a relative import may not leave its workspace', async () => {
    expect(await problems('apps/web/src/charts/wrong.ts', "import map from '../../../../data/hunan-map.json';\nexport const used = map;\n")).toEqual([
      'local/workspace-imports: 相对路径跨越了工作区（apps/web → data）：请用包名导入，如 @dispatch/core。',
    ]);
  });

  test('only an env.ts reads process.env', async () => {
    const code = 'export const port = process.env.PORT;\n';
    expect(await problems('apps/api/src/routes/wrong.ts', code)).toEqual([
      'no-restricted-properties: \'process.env\' is restricted from being used. 只有 env.ts 读取环境变量：在该应用的 env.ts 中声明并校验它。',
    ]);
    expect(await problems('apps/api/src/env.ts', code)).toEqual([]);
  });
});
