// Service worker of the profile page: reports what a service worker sees (its own user agent,
// client hints, language, zone) and the headers of a request it makes itself.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (e) => e.waitUntil(self.clients.claim()));
self.addEventListener("message", async (e) => {
  const echo = await (await fetch("/echo?from=service-worker")).json();
  e.source.postMessage({
    ua: navigator.userAgent,
    webdriver: navigator.webdriver,
    brands: navigator.userAgentData ? navigator.userAgentData.brands.map(b => b.brand + "/" + b.version) : null,
    language: navigator.language,
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    echo,
  });
});
