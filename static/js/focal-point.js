/* The focal point of a picture in the image library's admin: a click on the picture sets
   the two numbers (per cent across and down) and a mark shows the point. Without
   JavaScript the picture stays hidden and the numbers are typed in. */
// The admin loads it in the page's head: it waits for the form.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";

  var picker = document.querySelector(".focal-point-picker");
  var across = document.getElementById("id_focal_x");
  var down = document.getElementById("id_focal_y");
  if (!picker || !across || !down) {
    return;
  }
  var image = picker.querySelector("img");
  var mark = picker.querySelector(".focal-point-mark");

  function place() {
    // A picture is never mirrored, not even on a right-to-left page: left stays left.
    mark.style.left = Number(across.value) + "%";
    mark.style.top = Number(down.value) + "%";
  }

  image.addEventListener("click", function (event) {
    var box = image.getBoundingClientRect();
    across.value = Math.round(((event.clientX - box.left) / box.width) * 100);
    down.value = Math.round(((event.clientY - box.top) / box.height) * 100);
    place();
  });
  across.addEventListener("input", place);
  down.addEventListener("input", place);
  picker.hidden = false;
  place();
});
