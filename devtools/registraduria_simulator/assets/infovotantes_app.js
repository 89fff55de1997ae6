/* Infovotantes: calls the citizen API with the captcha token as Bearer and renders the reply. */
(function () {
  "use strict";

  var MSG_CAPTCHA = "Marque el cuadro de verificación «No soy un robot».";
  var MSG_ERROR = "Ocurrió un error. Intente de nuevo.";

  function telemetry() {
    if (navigator.webdriver) {
      document.cookie = "sim_wd=1; path=/";
    }
  }

  function text(value) {
    return value === null || value === undefined ? "" : String(value);
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (content !== undefined) {
      node.textContent = content;
    }
    return node;
  }

  function table(rows) {
    var node = element("table", "table");
    node.id = "consulta";
    var head = node.createTHead().insertRow();
    var body = node.createTBody().insertRow();
    rows.forEach(function (row) {
      head.appendChild(element("th", "", row[0]));
      var cell = element("td", "", text(row[1]));
      cell.setAttribute("data-th", row[0]);
      body.appendChild(cell);
    });
    return node;
  }

  function render(target, status, reply) {
    target.textContent = "";
    var data = reply && reply.data;
    if (reply && reply.status === true && data && data.is_in_census === true) {
      var place = data.place_address || {};
      var rows = [
        ["NUIP", data.identification],
        ["DEPARTAMENTO", place.state],
        ["MUNICIPIO", place.town],
      ];
      if (place.zone) {
        rows.push(["ZONA", place.zone]);
      }
      rows.push(["PUESTO", data.stand], ["DIRECCIÓN", place.address], ["MESA", data.table]);
      target.appendChild(table(rows));
      return;
    }
    if (reply && reply.status === true && data && data.novelty && data.novelty.length) {
      var novelty = data.novelty[0];
      target.appendChild(
        table([
          ["NUIP", data.identification],
          ["NOVEDAD", novelty.description || novelty.name],
          ["RESOLUCIÓN", novelty.resolution],
          ["FECHA NOVEDAD", novelty.date],
        ])
      );
      return;
    }
    var kind = status === 404 ? "alert alert-warning" : "alert alert-danger";
    target.appendChild(element("div", kind, text(reply && reply.message) || MSG_ERROR));
  }

  function start() {
    telemetry();
    var app = document.getElementById("app");
    var input = document.getElementById("identification");
    var button = document.getElementById("consultar");
    var target = document.getElementById("resultado");

    button.addEventListener("click", function () {
      telemetry();
      var field = document.getElementById("g-recaptcha-response");
      var answer = field ? field.value : "";
      if (!answer) {
        target.textContent = "";
        target.appendChild(element("div", "alert alert-warning", MSG_CAPTCHA));
        return;
      }
      button.disabled = true;
      var status = 0;
      fetch(app.getAttribute("data-api") + "citizen/get-information", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Authorization: "Bearer " + answer },
        body: JSON.stringify({
          identification: input.value,
          identification_type: "CC",
          election_code: app.getAttribute("data-election-code"),
          module: "polling_place",
          platform: "web",
        }),
      })
        .then(function (response) {
          status = response.status;
          return response.text();
        })
        .then(function (body) {
          var reply;
          try {
            reply = JSON.parse(body);
          } catch (error) {
            target.textContent = "";
            target.appendChild(element("div", "alert alert-danger", MSG_ERROR));
            return;
          }
          render(target, status, reply);
        })
        .catch(function () {
          target.textContent = "";
          target.appendChild(element("div", "alert alert-danger", MSG_ERROR));
        })
        .then(function () {
          button.disabled = false;
          if (window.grecaptcha) {
            window.grecaptcha.reset();
          }
        });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
