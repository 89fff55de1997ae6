// Our adapter (not part of BotD): runs @fingerprintjs/botd and writes the uniform result.
import { load } from './vendor/botd.esm.js';

const DETECTOR = 'botd';
const VERSION = '2.0.0';
const WATCHDOG_MS = 45000;

// Result protocol: one JSON object as the text of <script type="application/json" id="pm-result">,
// then <html data-pm-done="1">. Read through the DOM, never through window variables.
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
    // monitoring: false, so BotD does not call its CDN (pages only load from their own folder).
    const botd = await load({ monitoring: false });
    const verdict = botd.detect();
    const detections = botd.getDetections() || {};
    const checks = Object.keys(detections).sort().map((name) => {
      const d = detections[name] || {};
      return {
        name,
        passed: !d.bot,
        severity: d.bot ? 'high' : null,
        detail: d.bot ? 'bot: ' + d.botKind : 'not a bot',
      };
    });
    pmFinish({
      checks,
      summary: { bot: !!verdict.bot, bot_kind: verdict.bot ? verdict.botKind : null },
    });
  } catch (err) {
    pmFail(err);
  }
})();
