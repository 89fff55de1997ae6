// Our adapter (not part of CreepJS). CreepJS renders its report into the DOM and, once every test
// has run and the report is drawn, copies its result to window.Fingerprint (a JSON clone). That
// assignment is the "finished" signal: we wait for it and read the lies and the headless block
// from it, which is more robust than scraping the rendered text.
(function () {
  const DETECTOR = 'creepjs';
  const VERSION = 'abrahamjuliot/creepjs@e3180674a78f (docs/creep.js, 2026-03-23)';
  const WATCHDOG_MS = 55000;

  const { finish: pmFinish, fail: pmFail } = pmResult(DETECTOR, VERSION, WATCHDOG_MS);  // result.js, shared by the pages

  function traits(group, prefix, severity, checks) {
    const fired = [];
    Object.keys(group || {}).forEach((key) => {
      if (key.startsWith('$')) return;
      const on = !!group[key];
      if (on) fired.push(key);
      checks.push({ name: prefix + ': ' + key, passed: !on, severity: on ? severity : null, detail: String(group[key]) });
    });
    return fired;
  }

  function read(fp) {
    const checks = [];
    const lies = (fp.lies && fp.lies.data) || {};
    const lieNames = Object.keys(lies).filter((key) => !key.startsWith('$')).sort();
    lieNames.forEach((api) => {
      const reasons = [].concat(lies[api] || []);
      checks.push({ name: 'lie: ' + api, passed: false, severity: 'high', detail: reasons.join('; ') });
    });
    const h = fp.headless;
    if (!h) throw new Error('CreepJS finished without its headless block');
    const headlessTraits = traits(h.headless, 'headless', 'high', checks);
    const likeHeadlessTraits = traits(h.likeHeadless, 'like headless', 'low', checks);
    const stealthTraits = traits(h.stealth, 'stealth', 'medium', checks);
    const worker = fp.workerScope || {};
    return {
      checks,
      summary: {
        lies: lieNames.length,
        lie_entries: (fp.lies && fp.lies.totalLies) || 0,
        lie_names: lieNames,
        headless_percent: h.headlessRating,
        headless_traits: headlessTraits,
        like_headless_percent: h.likeHeadlessRating,
        like_headless_traits: likeHeadlessTraits,
        stealth_percent: h.stealthRating,
        stealth_traits: stealthTraits,
        chromium: !!h.chromium,
        worker_user_agent: worker.userAgent || null,
        trash: (fp.trash && fp.trash.trashBin && fp.trash.trashBin.length) || 0,
        captured_errors: (fp.capturedErrors && fp.capturedErrors.data && fp.capturedErrors.data.length) || 0,
      },
    };
  }

  const poll = setInterval(() => {
    const fp = window.Fingerprint;
    if (!fp) return;
    clearInterval(poll);
    try {
      pmFinish(read(fp));
    } catch (err) {
      pmFail(err);
    }
  }, 200);
})();
