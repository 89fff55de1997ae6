// Ours: the CommonJS globals fpscanner 0.1.5's src/fpScanner.js expects (it is published unbundled).
// Loaded after ua-parser.min.js, which therefore registered itself as window.UAParser.
var module = { exports: {} };
function require(name) {
  if (name === 'ua-parser-js') return window.UAParser;
  throw new Error('fpscanner 0.1.5 shim: no module ' + name);
}
