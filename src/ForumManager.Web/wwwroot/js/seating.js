// Drag a guest on the seat map onto an empty seat (a move) or onto another guest (a swap). The drop fills and posts the
// page's own move form, antiforgery token and plan version included, so the server does exactly what the form without
// this script does. Pointer events rather than HTML drag and drop, which SVG shapes do not take part in.
(function () {
  "use strict";
  var map = document.querySelector("[data-testid=seat-map]");
  var form = document.getElementById("seat-drop");
  if (!map || !form) {
    return;
  }

  var source = null;
  var target = null;

  // The head of the room (table 1, or the head table) stands in the middle at the top: start with it in view.
  var box = map.parentElement;
  box.scrollLeft = Math.max(0, (box.scrollWidth - box.clientWidth) / 2);

  function seatAt(x, y) {
    var element = document.elementFromPoint(x, y);
    return element && element.closest ? element.closest("g.seat") : null;
  }

  function mark(seat) {
    if (target === seat) {
      return;
    }

    if (target) {
      target.classList.remove("seat--drop");
    }

    target = seat && seat !== source ? seat : null;
    if (target) {
      target.classList.add("seat--drop");
    }
  }

  map.addEventListener("pointerdown", function (event) {
    var seat = event.target.closest ? event.target.closest("g.seat") : null;
    if (!seat || !seat.getAttribute("data-person") || event.button !== 0) {
      return;
    }

    event.preventDefault();
    source = seat;
    source.classList.add("seat--dragging");
  });

  document.addEventListener("pointermove", function (event) {
    if (source) {
      mark(seatAt(event.clientX, event.clientY));
    }
  });

  document.addEventListener("pointerup", function (event) {
    if (!source) {
      return;
    }

    var from = source;
    var to = seatAt(event.clientX, event.clientY);
    from.classList.remove("seat--dragging");
    mark(null);
    source = null;
    if (!to || to === from) {
      return;
    }

    form.elements.Person.value = from.getAttribute("data-person");
    form.elements.Table.value = to.getAttribute("data-table");
    form.elements.Seat.value = to.getAttribute("data-seat");
    form.submit();
  });

  document.addEventListener("pointercancel", function () {
    if (source) {
      source.classList.remove("seat--dragging");
    }

    mark(null);
    source = null;
  });
})();
