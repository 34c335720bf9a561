'use strict';
// Jest only runs ES modules from node_modules through require(esm) on Node 24.9+. On Node 20 the
// ESM-only packages (NestJS 12 and a few of its dependencies) are turned into CommonJS here, once,
// and cached by Jest. The application itself runs them natively through Node's require(esm).
const crypto = require('node:crypto');
const ts = require('typescript');

const VERSION = '3';

module.exports = {
  getCacheKey(source, path) {
    return crypto.createHash('sha1').update(VERSION).update(path).update(source).digest('hex');
  },
  process(source, path) {
    const patched = source
      // A CommonJS module has a require of its own already.
      .replace(/^\s*const require = createRequire\(import\.meta\.url\);?\s*$/gm, '')
      .replace(/\bimport\.meta\.url\b/g, "require('node:url').pathToFileURL(__filename).href")
      .replace(/\bimport\.meta\.dirname\b/g, '__dirname')
      .replace(/\bimport\.meta\.filename\b/g, '__filename')
      .replace(/\bimport\.meta\.resolve\(/g, 'require.resolve(');
    const { outputText } = ts.transpileModule(patched, {
      fileName: path,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        allowJs: true,
        sourceMap: false,
      },
    });
    return { code: outputText };
  },
};
