// Our adapter (not part of fpscanner): collects a fingerprint with fp-collect, analyses it with
// fpscanner 0.1.5's analyseFingerprint and writes the uniform result. A test passes unless
// fpscanner calls it INCONSISTENT; UNSURE passes (the detail says so).
(function () {
  const DETECTOR = 'fpscanner-0.1.5';
  const VERSION = '0.1.5 (fpcollect 1.0.4)';
  const WATCHDOG_MS = 45000;

  const { finish: pmFinish, fail: pmFail } = pmResult(DETECTOR, VERSION, WATCHDOG_MS);  // result.js, shared by the pages

  function short(value) {
    let text;
    try {
      text = typeof value === 'string' ? value : JSON.stringify(value);
    } catch (err) {
      text = String(value);
    }
    text = text === undefined ? 'undefined' : text;
    return text.length > 300 ? text.slice(0, 300) + '...' : text;
  }

  (async () => {
    try {
      const scanner = module.exports;
      if (!scanner || typeof scanner.analyseFingerprint !== 'function') throw new Error('fpscanner 0.1.5 did not load');
      if (typeof fpCollect === 'undefined') throw new Error('fp-collect did not load');
      const fingerprint = await fpCollect.generateFingerprint();
      const results = scanner.analyseFingerprint(fingerprint);
      const words = { [scanner.CONSISTENT]: 'CONSISTENT', [scanner.UNSURE]: 'UNSURE', [scanner.INCONSISTENT]: 'INCONSISTENT' };
      // Several tests report no data ({}); show the fingerprint fields they decide on instead.
      const inputs = {
        WEBDRIVER: ['webDriver', 'webDriverValue'],
        HEADCHR_CHROME_OBJ: ['hasChrome'],
        HEADCHR_PERMISSIONS: ['permissions'],
        HEADCHR_IFRAME: ['iframeChrome'],
        CHR_DEBUG_TOOLS: ['debugTool'],
        CHR_BATTERY: ['battery'],
        CHR_MEMORY: ['deviceMemory', 'userAgent'],
        MQ_SCREEN: ['screenMediaQuery'],
        SEQUENTUM: ['sequentum'],
      };
      const checks = Object.keys(results).map((key) => {
        const r = results[key];
        let data = r.data;
        if (inputs[key] && (!data || Object.keys(data).length === 0)) {
          data = {};
          inputs[key].forEach((field) => { data[field] = fingerprint[field]; });
        }
        return {
          name: r.name || key,
          passed: r.consistent !== scanner.INCONSISTENT,
          severity: null,
          detail: (words[r.consistent] || String(r.consistent)) + ': ' + short(data),
        };
      });
      pmFinish({
        checks,
        summary: {
          inconsistent: checks.filter((c) => c.detail.startsWith('INCONSISTENT')).map((c) => c.name),
          unsure: checks.filter((c) => c.detail.startsWith('UNSURE')).map((c) => c.name),
        },
      });
    } catch (err) {
      pmFail(err);
    }
  })();
})();
