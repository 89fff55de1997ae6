// Browser-profile checks, run INSIDE the browser under test. Each check is recorded with what was
// seen; window.PROFILE_REPORT = {done, checks: [{name, ok, seen}]}. The server echoes the HTTP
// headers it received (/echo) and remembers those of requests the page cannot see itself
// (the navigation, the service worker's script) under /recorded.
"use strict";
const checks = [];
function check(name, ok, seen) { checks.push({name, ok: !!ok, seen}); }
const noHeadless = (s) => typeof s === "string" && !/headless/i.test(s);

function webglStrings(canvas) {
  const gl = canvas.getContext("webgl");
  if (!gl) return null;
  const ext = gl.getExtension("WEBGL_debug_renderer_info");
  return ext ? {vendor: gl.getParameter(ext.UNMASKED_VENDOR_WEBGL), renderer: gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)}
             : {vendor: gl.getParameter(gl.VENDOR), renderer: gl.getParameter(gl.RENDERER)};
}

const WORKER_SOURCE = `
  const out = {ua: navigator.userAgent, webdriver: navigator.webdriver, platform: navigator.platform,
               brands: navigator.userAgentData ? navigator.userAgentData.brands.map(b => b.brand + "/" + b.version) : null,
               language: navigator.language};
  try {
    const gl = new OffscreenCanvas(4, 4).getContext("webgl");
    const ext = gl.getExtension("WEBGL_debug_renderer_info");
    out.webgl = {vendor: gl.getParameter(ext.UNMASKED_VENDOR_WEBGL), renderer: gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)};
  } catch (e) { out.webgl = null; }
  postMessage(out);`;

function dedicatedWorker() {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(new Blob([WORKER_SOURCE], {type: "text/javascript"}));
    const w = new Worker(url);
    w.onmessage = (e) => { resolve(e.data); w.terminate(); };
  });
}

async function serviceWorker() {
  const reg = await navigator.serviceWorker.register("/sw.js", {scope: "/"});
  await navigator.serviceWorker.ready;
  const worker = reg.active || reg.waiting || reg.installing;
  return new Promise((resolve) => {
    navigator.serviceWorker.addEventListener("message", (e) => resolve(e.data), {once: true});
    worker.postMessage("report");
  });
}

async function run() {
  const ua = navigator.userAgent;
  const uaMajor = (ua.match(/Chrome\/(\d+)/) || [])[1];
  const uaData = navigator.userAgentData;
  const brands = uaData ? uaData.brands.map(b => b.brand + "/" + b.version) : [];
  const high = uaData ? await uaData.getHighEntropyValues(["platform", "fullVersionList", "architecture"]) : {};
  const echo = await (await fetch("/echo?from=page")).json();
  const dw = await dedicatedWorker();
  const sw = await serviceWorker();
  const recorded = await (await fetch("/recorded")).json();
  const nav = recorded["/profile/"] || {};
  const swScript = recorded["/sw.js"] || {};
  const pageGl = webglStrings(document.createElement("canvas"));

  // 1. navigator.webdriver hidden, everywhere.
  check("webdriver_page", navigator.webdriver === false, navigator.webdriver);
  check("webdriver_worker", dw.webdriver !== true, String(dw.webdriver));
  check("webdriver_service_worker", sw.webdriver !== true, String(sw.webdriver));
  // 2. No HeadlessChrome anywhere: JS user agents, client-hint brands, HTTP headers.
  check("ua_page", noHeadless(ua) && /Chrome\/\d+/.test(ua), ua);
  check("ua_worker", noHeadless(dw.ua), dw.ua);
  check("ua_service_worker", noHeadless(sw.ua), sw.ua);
  check("brands_page", brands.length > 0 && brands.every(noHeadless), brands);
  check("brands_service_worker", Array.isArray(sw.brands) && sw.brands.every(noHeadless), sw.brands);
  check("http_ua_navigation", noHeadless(nav["user-agent"]), nav["user-agent"]);
  check("http_ua_fetch", noHeadless(echo["user-agent"]), echo["user-agent"]);
  check("http_ua_service_worker_script", noHeadless(swScript["user-agent"]), swScript["user-agent"]);
  check("http_ua_service_worker_fetch", noHeadless(sw.echo["user-agent"]), sw.echo["user-agent"]);
  check("http_sec_ch_ua", noHeadless(nav["sec-ch-ua"]) && noHeadless(echo["sec-ch-ua"]), [nav["sec-ch-ua"], echo["sec-ch-ua"]]);
  // 3. Platform, user agent and client hints agree (one Linux desktop Chrome of one version).
  const uaLinux = /\(X11; Linux x86_64\)/.test(ua);
  check("platform_matches_ua", uaLinux && navigator.platform.startsWith("Linux"), [ua, navigator.platform]);
  check("platform_worker_matches", dw.platform === navigator.platform, dw.platform);
  check("client_hint_platform", uaData && uaData.platform === "Linux" && high.platform === "Linux", uaData && uaData.platform);
  check("http_client_hint_platform", nav["sec-ch-ua-platform"] === '"Linux"' && echo["sec-ch-ua-platform"] === '"Linux"', nav["sec-ch-ua-platform"]);
  check("client_hint_mobile", uaData && uaData.mobile === false && echo["sec-ch-ua-mobile"] === "?0", echo["sec-ch-ua-mobile"]);
  const chromiumBrand = uaData && uaData.brands.find(b => /Chrom/.test(b.brand));
  check("brand_version_matches_ua", chromiumBrand && chromiumBrand.version === uaMajor, [chromiumBrand, uaMajor]);
  const fullChromium = (high.fullVersionList || []).find(b => /Chrom/.test(b.brand));
  check("full_version_matches_ua", fullChromium && fullChromium.version.split(".")[0] === uaMajor, high);
  check("ua_same_everywhere", dw.ua === ua && sw.ua === ua && nav["user-agent"] === ua && echo["user-agent"] === ua && swScript["user-agent"] === ua, [dw.ua, sw.ua]);
  check("vendor", navigator.vendor === "Google Inc.", navigator.vendor);
  // WebGL: whatever the page reports, a worker's own WebGL reports the same (no faked vendor).
  check("webgl_consistent", pageGl && dw.webgl && pageGl.vendor === dw.webgl.vendor && pageGl.renderer === dw.webgl.renderer, [pageGl, dw.webgl]);
  check("webgl_not_faked_intel", pageGl && !(/Intel/.test(pageGl.vendor) && /SwiftShader/.test(dw.webgl ? dw.webgl.renderer : "")), pageGl);
  // 4. es-CO and America/Bogota.
  check("language", navigator.language === "es-CO" && navigator.languages[0] === "es-CO", navigator.languages);
  check("language_workers", dw.language === "es-CO" && sw.language === "es-CO", [dw.language, sw.language]);
  check("http_accept_language", /^es-CO/.test(nav["accept-language"] || "") && /^es-CO/.test(echo["accept-language"] || "")
        && /^es-CO/.test(swScript["accept-language"] || "") && /^es-CO/.test(sw.echo["accept-language"] || ""),
        [nav["accept-language"], echo["accept-language"], swScript["accept-language"], sw.echo["accept-language"]]);
  const acceptLanguages = [nav["accept-language"], echo["accept-language"], swScript["accept-language"],
                           sw.echo["accept-language"]];
  check("http_accept_language_same", new Set(acceptLanguages).size === 1, acceptLanguages);
  const intlLocale = Intl.DateTimeFormat().resolvedOptions().locale;
  check("intl_locale", intlLocale === navigator.language, [intlLocale, navigator.language]);
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  check("timezone", tz === "America/Bogota" && new Date(2026, 0, 1).getTimezoneOffset() === 300, tz);
  check("timezone_service_worker", sw.timezone === "America/Bogota", sw.timezone);

  // A desktop window: the screen has a work area (a panel takes part of it), the window fits in that
  // area, and the page is smaller than the window (tab strip and toolbar above it).
  const sizes = [screen.width, screen.height, screen.availWidth, screen.availHeight, outerWidth, outerHeight,
                 innerWidth, innerHeight];
  check("screen_work_area", screen.availHeight < screen.height && screen.availWidth <= screen.width, sizes);
  check("window_in_work_area", outerWidth <= screen.availWidth && outerHeight <= screen.availHeight, sizes);
  check("page_inside_window", innerHeight < outerHeight && innerWidth <= outerWidth, sizes);

  document.getElementById("report").textContent = checks.map(c => (c.ok ? "✔ " : "✘ ") + c.name).join("\n");
  publish({done: true, checks});
}

// Published in the DOM too: a driver whose evaluate runs in an isolated world (patchright) shares the
// DOM with the page, not its globals.
function publish(report) {
  window.PROFILE_REPORT = report;
  document.getElementById("result").textContent = JSON.stringify(report);
  document.documentElement.dataset.done = "1";
}

run().catch((e) => { publish({done: true, error: String(e), checks}); });
