import { dirname, relative, resolve, sep } from 'node:path';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/**
 * The architecture, enforced: core ← data ← db ← api, core ← web (see docs/architecture.md). Nothing but an
 * env.ts file reads process.env.
 */
const ELEMENTS = [
  { type: 'core', pattern: 'packages/core/**', partialMatch: false },
  { type: 'data', pattern: 'data/**', partialMatch: false },
  { type: 'db', pattern: 'packages/db/**', partialMatch: false },
  { type: 'api', pattern: 'apps/api/**', partialMatch: false },
  { type: 'e2e', pattern: 'apps/web/e2e/**', partialMatch: false },
  { type: 'web', pattern: 'apps/web/**', partialMatch: false },
  { type: 'tools', pattern: 'scripts/**', partialMatch: false },
];

/** Which element may import which: the arrows of the architecture. */
const MAY_IMPORT = {
  core: ['core'],
  data: ['data', 'core'],
  db: ['db', 'core', 'data'],
  api: ['api', 'core', 'db'],
  web: ['web', 'core', 'data'],
  e2e: ['e2e', 'core', 'data', 'api', 'web'],
  tools: ['tools', 'core', 'db', 'api', 'data'],
};

/** The workspaces: a relative import never leaves the one it is written in (import another by its package name). */
const WORKSPACES = ['packages/core', 'packages/db', 'apps/api', 'apps/web', 'data'];
const root = import.meta.dirname;
const workspaceOf = (file) => WORKSPACES.find((w) => `${relative(root, file)}${sep}`.startsWith(`${w}${sep}`)) ?? '';

const workspaceImports = {
  meta: { type: 'problem', messages: { across: '相对路径跨越了工作区（{{from}} → {{to}}）：请用包名导入，如 @dispatch/core。' } },
  create(context) {
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const from = workspaceOf(context.filename);
      const to = workspaceOf(resolve(dirname(context.filename), source));
      if (from !== to) context.report({ node: node.source, messageId: 'across', data: { from: from || '根目录', to: to || '根目录' } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.tsbuild/**', 'test-results/**', 'packages/db/migrations/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { boundaries, local: { rules: { 'workspace-imports': workspaceImports } } },
    settings: {
      'import/resolver': { typescript: { alwaysTryTypes: true } },
      'boundaries/elements': ELEMENTS,
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: Object.entries(MAY_IMPORT).map(([from, to]) => ({
            from: { element: { type: from } },
            allow: { to: { element: { types: { anyOf: to } } } },
          })),
        },
      ],
      'local/workspace-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: '只有 env.ts 读取环境变量：在该应用的 env.ts 中声明并校验它。' }],
    },
  },
  { files: ['**/env.ts'], rules: { 'no-restricted-properties': 'off' } },
  // Tests read untyped answers (JSON bodies, ECharts options) and say so with `any`.
  { files: ['**/*.test.ts', '**/testing/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
