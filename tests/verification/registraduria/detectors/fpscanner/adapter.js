// Our adapter (not part of fpscanner): runs fpscanner 1.x's fast bot detection rules and writes the
// uniform result. Every rule appears as a check with fpscanner's own severity; hasCDP is the
// Runtime.enable / CDP leak (Error.prepareStackTrace read while console.log serialises an Error).
import FingerprintScanner from './vendor/fpScanner.es.js';

const DETECTOR = 'fpscanner';
const VERSION = '1.0.2';
const WATCHDOG_MS = 45000;

const { finish: pmFinish, fail: pmFail } = pmResult(DETECTOR, VERSION, WATCHDOG_MS);  // result.js, shared by the pages

// The signal behind each rule, shown as the check's detail.
function signalFor(name, s) {
  const a = s.automation || {};
  const dev = s.device || {};
  const br = s.browser || {};
  const gfx = s.graphics || {};
  const ctx = s.contexts || {};
  const loc = s.locale || {};
  const worker = ctx.webWorker || {};
  const iframe = ctx.iframe || {};
  const scr = dev.screenResolution || {};
  const table = {
    headlessChromeScreenResolution: { screen: [scr.width, scr.height], available: [scr.availableWidth, scr.availableHeight] },
    hasWebdriver: { webdriver: a.webdriver },
    hasWebdriverWritable: { webdriverWritable: a.webdriverWritable },
    hasSeleniumProperty: { selenium: a.selenium },
    hasCDP: { cdp: a.cdp },
    hasPlaywright: { playwright: a.playwright },
    hasImpossibleDeviceMemory: { memory: dev.memory },
    hasHighCPUCount: { cpuCount: dev.cpuCount },
    hasMissingChromeObject: { chrome: (br.features || {}).chrome, userAgent: br.userAgent },
    hasWebdriverIframe: { iframeWebdriver: iframe.webdriver },
    hasWebdriverWorker: { workerWebdriver: worker.webdriver },
    hasMismatchWebGLInWorker: { page: [(gfx.webGL || {}).vendor, (gfx.webGL || {}).renderer], worker: [worker.vendor, worker.renderer] },
    hasMismatchPlatformIframe: { page: dev.platform, iframe: iframe.platform },
    hasMismatchPlatformWorker: { page: dev.platform, worker: worker.platform },
    hasSwiftshaderRenderer: { renderer: (gfx.webGL || {}).renderer },
    hasUTCTimezone: { timezone: (loc.internationalization || {}).timezone },
    hasMismatchLanguages: { languages: loc.languages },
    hasInconsistentEtsl: { etsl: br.etsl, userAgent: br.userAgent },
    hasBotUserAgent: { userAgent: br.userAgent, worker: worker.userAgent },
    hasGPUMismatch: { renderer: (gfx.webGL || {}).renderer, webgpu: gfx.webgpu },
    hasPlatformMismatch: { platform: dev.platform, userAgent: br.userAgent },
  };
  return JSON.stringify(table[name] || {});
}

(async () => {
  try {
    const scanner = new FingerprintScanner();
    const fp = await scanner.collectFingerprint({ encrypt: false });
    const details = fp.fastBotDetectionDetails || {};
    const checks = Object.keys(details).map((name) => ({
      name,
      passed: !details[name].detected,
      severity: details[name].severity || null,
      detail: (details[name].detected ? 'detected ' : 'not detected ') + signalFor(name, fp.signals || {}),
    }));
    if (!('hasCDP' in details)) {
      throw new Error('fpscanner ran without its hasCDP rule');
    }
    const detected = checks.filter((c) => !c.passed);
    pmFinish({
      checks,
      summary: {
        fast_bot_detection: !!fp.fastBotDetection,
        detected: detected.map((c) => c.name),
        detected_high: detected.filter((c) => c.severity === 'high').map((c) => c.name),
        cdp: (fp.signals.automation || {}).cdp,
        fsid: fp.fsid,
      },
    });
  } catch (err) {
    pmFail(err);
  }
})();
