// Our adapter (not part of detect-headless). The page gives each test's row the class "headless",
// "headful" or "undefined"; a check fails only on "headless". Two tests never set their row from
// their own verdict: "Broken Image" returns it from an onerror handler nobody reads (so its row is
// always "undefined"; we apply the page's rule, 0x0 = headless, to the text it writes) and "Mouse
// Move" waits for 50 real mouse moves (it stays undefined here). "Time Elapse" calls alert():
// Playwright dismisses the dialog at once, which is exactly what the test measures.
(function () {
  const DETECTOR = 'detect-headless';
  const VERSION = 'infosimples/detect-headless@880f31907d6d';
  const WATCHDOG_MS = 30000;
  const SETTLE_MS = 5000;

  const { finish: pmFinish, fail: pmFail } = pmResult(DETECTOR, VERSION, WATCHDOG_MS);  // result.js, shared by the pages

  function text(id) {
    const el = document.getElementById(id);
    return el ? el.textContent.replace(/\s+/g, ' ').trim() : '';
  }

  function settled() {
    return /Permission/.test(text('permission-result')) && /Broken image/.test(text('image-result'));
  }

  function verdictOf(row) {
    if (row.id === 'image') {
      const m = /width (\d+) and height (\d+)/.exec(text('image-result'));
      if (m) return m[1] === '0' && m[2] === '0' ? 'headless' : 'headful';
    }
    for (const cls of ['headless', 'headful', 'undefined']) {
      if (row.classList.contains(cls)) return cls;
    }
    return 'undefined';
  }

  function read() {
    const rows = Array.from(document.querySelectorAll('table tr[id]'));
    if (!rows.length) throw new Error('detect-headless produced no rows');
    const checks = rows.map((row) => {
      const verdict = verdictOf(row);
      return {
        name: row.cells[0].textContent.trim(),
        passed: verdict !== 'headless',
        severity: null,
        detail: verdict + ': ' + (text(row.id + '-result') || '(no result)'),
      };
    });
    return {
      checks,
      summary: {
        headless: checks.filter((c) => !c.passed).map((c) => c.name),
        undefined: checks.filter((c) => c.detail.startsWith('undefined')).map((c) => c.name),
      },
    };
  }

  const started = performance.now();
  const poll = setInterval(() => {
    if (!settled() && performance.now() - started < SETTLE_MS) return;
    clearInterval(poll);
    try {
      pmFinish(read());
    } catch (err) {
      pmFail(err);
    }
  }, 100);
})();
