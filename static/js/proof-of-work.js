// The proof of work a form asks for under abuse (accounts/proof_of_work.py): loads the vendored
// ALTCHA widget and its PBKDF2 worker, then puts a widget that starts at once in each placeholder.
// The widget is created only after its worker is registered, so it never starts without one.
const config = document.getElementById("pow-script").dataset;
await import(config.altcha);
await import(config.i18n);
globalThis.$altcha.algorithms.set("PBKDF2/SHA-256", () => new Worker(config.worker));
for (const slot of document.querySelectorAll("[data-pow-challenge]")) {
  const widget = document.createElement("altcha-widget");
  widget.setAttribute("challenge", slot.dataset.powChallenge);
  widget.setAttribute("name", "altcha");
  widget.setAttribute("language", "es-419");
  widget.setAttribute("auto", "onload");
  widget.setAttribute("configuration", JSON.stringify({ hideFooter: true, hideLogo: true }));
  slot.replaceWith(widget);
}
