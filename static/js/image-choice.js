/* The thumbnail beside a chosen picture of the image library (backoffice/widgets.py):
   when the choice changes (picked in the library's pop-up, added there, or typed as a
   number), the library says which picture that is, and the thumbnail and its name follow. */
// The admin loads it in the page's head: it waits for the form.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";

  function follow(preview) {
    var input = document.getElementById(preview.dataset.for);
    if (!input) {
      return;
    }

    function show(choice) {
      preview.hidden = !choice;
      if (!choice) {
        return;
      }
      var image = preview.querySelector("img");
      if (!image) {
        image = document.createElement("img");
        image.alt = "";
        preview.prepend(image);
      }
      image.src = choice.thumbnail;
      image.width = choice.width;
      image.height = choice.height;
      var caption = preview.querySelector("figcaption");
      var link = caption.querySelector("a") || caption.appendChild(document.createElement("a"));
      link.href = choice.url;
      link.textContent = choice.label;
    }

    function update() {
      var number = input.value.trim();
      if (!/^[0-9]+$/.test(number)) {
        show(null);
        return;
      }
      var url = new URL(preview.dataset.chooser, window.location.href);
      url.searchParams.set("id", number);
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          show(data.results[0] || null);
        });
    }

    input.addEventListener("input", update);
    // The admin's pop-ups announce a choice with a jQuery event.
    window.django.jQuery(input).on("change", update);
  }

  document.querySelectorAll(".image-choice-preview").forEach(follow);
});
