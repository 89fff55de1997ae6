// Our adapter (not part of BotD): runs @fingerprintjs/botd and writes the uniform result.
import { load } from './vendor/botd.esm.js';

const DETECTOR = 'botd';
const VERSION = '2.0.0';
const WATCHDOG_MS = 45000;

const { finish: pmFinish, fail: pmFail } = pmResult(DETECTOR, VERSION, WATCHDOG_MS);  // result.js, shared by the pages

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
