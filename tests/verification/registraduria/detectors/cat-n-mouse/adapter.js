// Our adapter (not part of headless-cat-n-mouse): runs its detect-headless.js in the page, as its
// index.js does through puppeteer's page.evaluate, and writes the uniform result. Each test returns
// true when it detected headless Chrome.
(function () {
  const DETECTOR = 'cat-n-mouse';
  const VERSION = 'paulirish/headless-cat-n-mouse@0c4aaac0ca9b (1.3.0)';
  const WATCHDOG_MS = 30000;

  const { finish: pmFinish, fail: pmFail } = pmResult(DETECTOR, VERSION, WATCHDOG_MS);  // result.js, shared by the pages

  (async () => {
    try {
      const detect = module.exports;
      if (typeof detect !== 'function') throw new Error('detect-headless.js did not load');
      const results = await detect();
      const checks = Object.keys(results).map((name) => ({
        name,
        passed: !results[name],
        severity: results[name] ? 'high' : null,
        detail: results[name] ? 'headless detected' : 'not detected (' + String(results[name]) + ')',
      }));
      pmFinish({ checks, summary: { detected: checks.filter((c) => !c.passed).map((c) => c.name) } });
    } catch (err) {
      pmFail(err);
    }
  })();
})();
