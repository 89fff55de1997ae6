// Ours, not part of any detector: the result protocol every detector page here follows. When its
// detector has finished, a page writes one JSON object as the text of
// <script type="application/json" id="pm-result"> and then sets <html data-pm-done="1">: read through
// the DOM, never through window variables (patchright evaluates scripts in an isolated world).
// pmResult(detector, version, watchdogMs) returns {finish, fail}; with no result after watchdogMs
// the page fails by itself.
window.pmResult = function (detector, version, watchdogMs) {
  function finish(result) {
    const root = document.documentElement;
    if (root.dataset.pmDone) return;
    const out = Object.assign({ detector, version, checks: [], summary: {}, error: null }, result);
    const el = document.createElement('script');
    el.type = 'application/json';
    el.id = 'pm-result';
    el.textContent = JSON.stringify(out);
    document.body.appendChild(el);
    const view = document.getElementById('pm-view');
    if (view) view.textContent = JSON.stringify(out, null, 2);
    root.dataset.pmDone = '1';
  }
  function fail(err) {
    finish({ error: String((err && err.message) || err) });
  }
  setTimeout(() => fail('timed out after ' + watchdogMs + ' ms'), watchdogMs);
  return { finish, fail };
};
