/* wsp /censo/consultar/: posts the form as multipart data over XHR and shows the JSON reply in #success
 * (the real page does the same with jQuery). */
(function () {
  "use strict";

  var MSG_CAPTCHA = "Marque el cuadro de verificación «No soy un robot».";
  var MSG_ERROR = "Ocurrió un error. Intente de nuevo.";

  // Client telemetry, like the F5 script on the real host: an automated browser gives itself away.
  function telemetry() {
    if (navigator.webdriver) {
      document.cookie = "sim_wd=1; path=/";
    }
  }

  function captchaAnswer(form) {
    var field = document.getElementById("g-recaptcha-response") || form.querySelector('[name="g-recaptcha-response"]');
    return field ? field.value : "";
  }

  function start() {
    telemetry();
    var form = document.getElementById("form");
    var button = document.getElementById("enviar");
    var success = document.getElementById("success");

    function showText(text) {
      success.textContent = text;
    }

    function handle(text) {
      var reply;
      try {
        reply = JSON.parse(text);
      } catch (error) {
        showText(MSG_ERROR);
        return;
      }
      if (reply && reply.success === true && reply.data) {
        success.innerHTML = reply.data.message;
      } else if (reply && reply.reload) {
        window.location.reload();
      } else if (reply && reply.data && reply.data.message) {
        showText(reply.data.message);
      } else {
        showText(MSG_ERROR);
      }
    }

    function submit() {
      telemetry();
      var answer = captchaAnswer(form);
      if (!answer) {
        showText(MSG_CAPTCHA);
        return;
      }
      var data = new FormData();
      data.append("nuip", document.getElementById("nuip").value);
      data.append("tipo", document.getElementById("tipo").value);
      data.append("token", document.getElementById("token").value);
      data.append("g-recaptcha-response", answer);
      button.disabled = true;
      success.textContent = "";
      fetch(form.getAttribute("action") || window.location.pathname, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-Requested-With": "XMLHttpRequest" },
      })
        .then(function (response) {
          return response.text();
        })
        .then(handle)
        .catch(function () {
          showText(MSG_ERROR);
        })
        .then(function () {
          button.disabled = false;
          if (window.grecaptcha) {
            window.grecaptcha.reset();
          }
        });
    }

    button.addEventListener("click", submit);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submit();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
