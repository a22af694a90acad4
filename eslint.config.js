// The linter CI runs (`npm run lint`). Folder-level rules (no import cycles between capabilities,
// layers) are checked by dependency-cruiser (.dependency-cruiser.cjs); this file keeps the rules
// that need types or the syntax tree.
import tseslint from 'typescript-eslint';
import noJsxLiterals from './tests/lint/no-jsx-literals.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'client/dist/**', 'data/**', 'coverage/**', 'tests/.tmp/**', 'db/migrations/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, heard: { rules: { 'no-jsx-literals': noJsxLiterals } } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    // Words a person reads come from locale files, so every page can be translated.
    files: ['server/**/*.tsx', 'client/**/*.tsx'],
    rules: { 'heard/no-jsx-literals': 'error' },
  },
);
