// Type-aware lint: floating promises are bugs in an extension (unhandled rejections vanish).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // test/fixtures: sample user code (test workspace, linter inputs), not project code.
  { ignores: ['dist/**', 'media/dist/**', 'node_modules/**', '.vscode-host/**', 'test-results/**', 'out/**', 'test/fixtures/**', 'test/unit/schemaLint/realWorld/**'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': 'off',
    },
  },
  {
    // The layering rule: src/core and src/webview never import the VS Code API at run time.
    files: ['src/core/**/*.ts', 'src/webview/**/*.ts', 'src/fakeServer/**/*.ts', 'src/lint/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only src/extension may import vscode.', allowTypeImports: false }] }],
    },
  },
);
