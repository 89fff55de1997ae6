// Our adapter (not part of headless-cat-n-mouse): runs its detect-headless.js in the page, as its
// index.js does through puppeteer's page.evaluate, and writes the uniform result. Each test returns
// true when it detected headless Chrome.
(function () {
  const DETECTOR = 'cat-n-mouse';
  const VERSION = 'paulirish/headless-cat-n-mouse@0c4aaac0ca9b (1.3.0)';
  const WATCHDOG_MS = 30000;

  function pmFinish(result) {
    const root = document.documentElement;
    if (root.dataset.pmDone) return;
    const out = Object.assign({ detector: DETECTOR, version: VERSION, checks: [], summary: {}, error: null }, result);
    const el = document.createElement('script');
    el.type = 'application/json';
    el.id = 'pm-result';
    el.textContent = JSON.stringify(out);
    document.body.appendChild(el);
    const view = document.getElementById('pm-view');
    if (view) view.textContent = JSON.stringify(out, null, 2);
    root.dataset.pmDone = '1';
  }

  function pmFail(err) {
    pmFinish({ error: String((err && err.message) || err) });
  }

  setTimeout(() => pmFail('timed out after ' + WATCHDOG_MS + ' ms'), WATCHDOG_MS);

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
