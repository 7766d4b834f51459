// Drag a session to another room or time on the programme grid. Without this script every session keeps its own
// move form, so nothing depends on it.
(function () {
  "use strict";
  var grid = document.querySelector("[data-testid=grid]");
  var form = document.getElementById("grid-move");
  if (!grid || !form) {
    return;
  }

  var dragged = null;
  grid.addEventListener("dragstart", function (event) {
    var cell = event.target.closest ? event.target.closest("td.session") : null;
    if (!cell) {
      return;
    }

    dragged = cell.getAttribute("data-session");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", dragged);
  });

  grid.addEventListener("dragover", function (event) {
    if (dragged && event.target.closest && event.target.closest("td[data-room]")) {
      event.preventDefault();
    }
  });

  grid.addEventListener("drop", function (event) {
    var target = event.target.closest ? event.target.closest("td[data-room]") : null;
    if (!dragged || !target) {
      return;
    }

    event.preventDefault();
    form.elements.id.value = dragged;
    form.elements.roomId.value = target.getAttribute("data-room");
    form.elements.start.value = target.getAttribute("data-start");
    form.submit();
  });
})();
