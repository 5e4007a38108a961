// Style is settled by tools: ESLint for mistakes, Prettier for layout.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Apps Script's services: only the adapters in src/ may call them.
const APPS_SCRIPT_SERVICES = [
  'SpreadsheetApp',
  'MailApp',
  'GmailApp',
  'ScriptApp',
  'LockService',
  'PropertiesService',
  'HtmlService',
  'Session',
  'Utilities',
  'CacheService',
  'DriveApp',
  'Logger',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.build/', '.local/', 'coverage/', 'test-results/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'smart'],
      'no-var': 'error',
    },
  },
  {
    // The server bundle runs on Apps Script: no Node, no DOM. Properties go through their one adapter.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'process',
        'require',
        'module',
        'window',
        'document',
        { name: 'PropertiesService', message: 'Use the typed keys in src/sheets/properties.ts.' },
      ],
    },
  },
  {
    // The one adapter over PropertiesService: every key the add-on keeps is named there.
    files: ['src/sheets/properties.ts'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'require', 'module', 'window', 'document'],
    },
  },
  {
    // The rules are pure: Apps Script services belong to the adapters.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...APPS_SCRIPT_SERVICES, 'process', 'require', 'window', 'document'],
    },
  },
  {
    // The pages run in the browser: the sidebar's tsconfig sees Apps Script's types only to read the
    // server's entry points (sidebar/scriptRun.d.ts), and a page can reach the server only through them.
    files: ['sidebar/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...APPS_SCRIPT_SERVICES],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '**/*.js', '**/*.cjs', '*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
  },
);
