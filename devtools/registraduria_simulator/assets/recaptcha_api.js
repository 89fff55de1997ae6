/* Simulated reCAPTCHA v2 checkbox (no Google servers involved).
 *
 * For every div.g-recaptcha it renders a "No soy un robot" checkbox, the hidden answer field
 * textarea#g-recaptcha-response and the hidden challenge iframe the real widget leaves in the page.
 * Ticking the box asks the simulator for a token (/recaptcha/api2/anchor) and writes it into the
 * textarea; the token expires after two minutes, like the real one.
 */
(function () {
  "use strict";

  var TOKEN_LIFETIME_MS = 120 * 1000;
  var widgets = [];

  function render(container) {
    if (container.getAttribute("data-sim-rendered")) {
      return;
    }
    container.setAttribute("data-sim-rendered", "1");
    var sitekey = container.getAttribute("data-sitekey") || "";
    var index = widgets.length;

    var anchor = document.createElement("div");
    anchor.className = "rc-anchor";
    var label = document.createElement("label");
    var checkbox = document.createElement("input");
    checkbox.type = "checkbox";
    checkbox.className = "recaptcha-checkbox";
    checkbox.id = index === 0 ? "recaptcha-anchor" : "recaptcha-anchor-" + index;
    label.appendChild(checkbox);
    label.appendChild(document.createTextNode(" No soy un robot"));
    var status = document.createElement("span");
    status.className = "rc-estado";
    status.setAttribute("aria-live", "polite");
    anchor.appendChild(label);
    anchor.appendChild(status);

    var textarea = document.createElement("textarea");
    textarea.id = index === 0 ? "g-recaptcha-response" : "g-recaptcha-response-" + index;
    textarea.name = "g-recaptcha-response";
    textarea.className = "g-recaptcha-response";
    textarea.style.display = "none";

    var iframe = document.createElement("iframe");
    iframe.title = "recaptcha challenge expires in two minutes";
    iframe.src = "about:blank";
    iframe.style.visibility = "hidden";
    iframe.style.position = "absolute";
    iframe.style.width = "0";
    iframe.style.height = "0";
    iframe.style.border = "0";

    container.appendChild(anchor);
    container.appendChild(textarea);
    container.appendChild(iframe);

    var widget = { checkbox: checkbox, textarea: textarea, status: status, timer: null };
    widgets.push(widget);

    checkbox.addEventListener("change", function () {
      if (!checkbox.checked) {
        reset(widget);
        return;
      }
      checkbox.disabled = true;
      status.textContent = "Verificando…";
      fetch("/recaptcha/api2/anchor?k=" + encodeURIComponent(sitekey), { credentials: "omit", cache: "no-store" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("anchor " + response.status);
          }
          return response.json();
        })
        .then(function (reply) {
          textarea.value = reply.token;
          checkbox.disabled = false;
          status.textContent = "Verificado";
          widget.timer = window.setTimeout(function () {
            reset(widget);
            status.textContent = "La verificación caducó. Marque la casilla de nuevo.";
          }, TOKEN_LIFETIME_MS);
        })
        .catch(function () {
          reset(widget);
          status.textContent = "No se pudo verificar. Intente de nuevo.";
        });
    });
  }

  function reset(widget) {
    if (widget.timer) {
      window.clearTimeout(widget.timer);
      widget.timer = null;
    }
    widget.textarea.value = "";
    widget.checkbox.checked = false;
    widget.checkbox.disabled = false;
    widget.status.textContent = "";
  }

  function renderAll() {
    var containers = document.querySelectorAll("div.g-recaptcha");
    for (var i = 0; i < containers.length; i++) {
      render(containers[i]);
    }
  }

  window.grecaptcha = {
    ready: function (callback) {
      callback();
    },
    getResponse: function (id) {
      var widget = widgets[id || 0];
      return widget ? widget.textarea.value : "";
    },
    reset: function (id) {
      if (id === undefined) {
        widgets.forEach(reset);
      } else if (widgets[id]) {
        reset(widgets[id]);
      }
    },
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  } else {
    renderAll();
  }
})();
