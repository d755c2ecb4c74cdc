// The script-tag builds: dist/consentry.min.js (IIFE, everything inside), dist/consentry.esm.js
// (the same entry as a module) and one small file per extra language in dist/i18n/.
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const dir = 'packages/browser';
const LANGUAGES = ['lv', 'ru', 'et', 'lt', 'de', 'fr', 'es', 'pl'];

const plugins = () => [
  nodeResolve({ extensions: ['.ts', '.tsx', '.mjs', '.js'], browser: true }),
  esbuild({ target: 'es2019', jsx: 'automatic', jsxImportSource: 'preact', tsconfig: 'tsconfig.base.json', minify: false }),
  terser({
    ecma: 2019,
    module: true,
    compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
    format: { comments: false },
  }),
];

// A virtual module per language: registers that one table on window.__consentryI18n.
const languageEntry = {
  name: 'consentry-language-entry',
  resolveId: (id) => (id.startsWith('\0lang:') ? id : null),
  load(id) {
    if (!id.startsWith('\0lang:')) return null;
    const lang = id.slice(6);
    return `import { ${lang} } from '@consentry/ui';\n(window.__consentryI18n = window.__consentryI18n || {}).${lang} = ${lang};`;
  },
};

export default [
  {
    input: `${dir}/src/global.ts`,
    output: [
      { file: `${dir}/dist/consentry.min.js`, format: 'iife', sourcemap: true },
      { file: `${dir}/dist/consentry.esm.js`, format: 'es', sourcemap: true },
    ],
    plugins: plugins(),
  },
  ...LANGUAGES.map((lang) => ({
    input: `\0lang:${lang}`,
    output: { file: `${dir}/dist/i18n/${lang}.js`, format: 'iife' },
    plugins: [languageEntry, ...plugins()],
  })),
];
