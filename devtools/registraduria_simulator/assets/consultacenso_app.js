/* consultacenso: fills the elections from the JSON API, posts the lookup as JSON and renders the reply
 * into #resultado. */
(function () {
  "use strict";

  var API = "/consultacenso/back/api/";
  var MSG_CAPTCHA = "Marque el cuadro de verificación «No soy un robot».";
  var MSG_ERROR = "Ocurrió un error. Intente de nuevo.";

  function telemetry() {
    if (navigator.webdriver) {
      document.cookie = "sim_wd=1; path=/";
    }
  }

  // The API's key case varies: read keys case-insensitively.
  function lowerKeys(value) {
    var out = {};
    if (value && typeof value === "object") {
      Object.keys(value).forEach(function (key) {
        out[key.toLowerCase()] = value[key];
      });
    }
    return out;
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

  function render(target, reply) {
    target.textContent = "";
    var top = lowerKeys(reply);
    if (top.ok === false) {
      target.appendChild(element("div", "alert alert-danger", text(top.mensaje || top.error) || MSG_ERROR));
      return;
    }
    if (top.ok === true && top.encontrado === false) {
      target.appendChild(element("div", "alert alert-warning", text(top.mensaje)));
      return;
    }
    if (top.ok === true && top.encontrado === true && top.data) {
      var data = lowerKeys(top.data);
      if (top.novedad) {
        target.appendChild(
          table([
            ["NUIP", data.nuip],
            ["NOVEDAD", top.descripcion || top.novedad],
            ["RESOLUCIÓN", data.resolucion],
            ["FECHA NOVEDAD", data.fecha_novedad],
          ])
        );
        return;
      }
      var rows = [
        ["NUIP", data.nuip],
        ["DEPARTAMENTO", data.nom_depto],
        ["MUNICIPIO", data.nom_mun],
      ];
      if (data.zona) {
        rows.push(["ZONA", data.zona]);
      }
      rows.push(["PUESTO", data.nom_puesto], ["DIRECCIÓN", data.direccion], ["MESA", data.mesa]);
      target.appendChild(table(rows));
      var notice = element("div", "alert alert-info");
      notice.appendChild(element("strong", "", "Señor Ciudadano:"));
      notice.appendChild(document.createTextNode(" recuerde presentar su cédula de ciudadanía el día de la elección."));
      target.appendChild(notice);
      return;
    }
    if (top.ok === true && top.resultado) {
      var section = element("section", "resultado-nuevo");
      var list = element("dl");
      var result = top.resultado;
      Object.keys(result).forEach(function (key) {
        list.appendChild(element("dt", "", key));
        list.appendChild(element("dd", "", text(result[key])));
      });
      section.appendChild(list);
      target.appendChild(section);
      return;
    }
    target.appendChild(element("div", "alert alert-danger", MSG_ERROR));
  }

  function loadElections(select) {
    fetch(API + "elecciones", { credentials: "same-origin" })
      .then(function (response) {
        return response.json();
      })
      .then(function (reply) {
        (reply.data || []).forEach(function (election) {
          var option = element("option", "", election.nombre);
          option.value = String(election.id);
          select.appendChild(option);
        });
      })
      .catch(function () {
        var option = element("option", "", "LUGAR DE VOTACION ACTUAL");
        option.value = "0";
        select.appendChild(option);
      });
  }

  function start() {
    telemetry();
    var form = document.getElementById("consultaForm");
    var select = document.getElementById("eleccion");
    var button = document.getElementById("submitBtn");
    var loading = document.getElementById("loading");
    var target = document.getElementById("resultado");
    loadElections(select);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      telemetry();
      var field = document.getElementById("g-recaptcha-response");
      var answer = field ? field.value : "";
      if (!answer) {
        target.textContent = "";
        target.appendChild(element("div", "alert alert-warning", MSG_CAPTCHA));
        return;
      }
      var payload = {
        documento: document.getElementById("documento").value,
        eleccionId: Number(select.value || 0),
        captchaToken: answer,
      };
      button.disabled = true;
      loading.hidden = false;
      fetch(API + "consulta", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(payload),
      })
        .then(function (response) {
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
          render(target, reply);
        })
        .catch(function () {
          target.textContent = "";
          target.appendChild(element("div", "alert alert-danger", MSG_ERROR));
        })
        .then(function () {
          button.disabled = false;
          loading.hidden = true;
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
