/* Asks before leaving a change form whose fields were changed and not saved.
   Loaded by templates/admin/change_form.html, which names the form in data-form.
   Each field's state is noted once the admin's widgets have built themselves (the
   choosers of many-to-many fields move their options on load) and compared when
   the page is about to be left: a field changed and changed back asks nothing.
   The rich-text editor writes into its textarea as one types, so it counts too.
   A form shown again after an error holds typed text that is not saved yet. */
(function () {
  "use strict";

  var form = document.getElementById(document.currentScript.dataset.form);
  if (!form) {
    return;
  }
  var unsavedFromStart = Boolean(form.querySelector(".errornote"));
  var noted = new Map();
  var sending = false;

  function state(field) {
    if (field.type === "checkbox" || field.type === "radio") {
      return String(field.checked);
    }
    if (field.type === "file") {
      return Array.from(field.files, function (file) { return file.name; }).join("/");
    }
    if (field.tagName === "SELECT") {
      var options = Array.from(field.options);
      // In a chooser's boxes, which options stand in a box is the choice.
      if (!field.classList.contains("filtered")) {
        options = options.filter(function (option) { return option.selected; });
      }
      return options.map(function (option) { return option.value; }).join("/");
    }
    return field.value;
  }

  function note(within) {
    Array.from(within.querySelectorAll("input, select, textarea")).forEach(function (field) {
      if (field.name && field.type !== "hidden" && !noted.has(field)) {
        noted.set(field, state(field));
      }
    });
  }

  function changed() {
    for (var [field, before] of noted) {
      if (form.contains(field) && state(field) !== before) {
        return true;
      }
    }
    return false;
  }

  window.addEventListener("load", function () {
    // After every other load handler, the choosers' among them.
    window.setTimeout(function () { note(form); }, 0);
  });
  // A row added to an inline starts as the empty row: only what is typed into it counts.
  document.addEventListener("formset:added", function (event) { note(event.target); });
  form.addEventListener("submit", function () { sending = true; });
  window.addEventListener("beforeunload", function (event) {
    if (!sending && (unsavedFromStart || changed())) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
