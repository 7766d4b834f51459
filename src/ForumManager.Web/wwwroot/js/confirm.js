// Asks before an irreversible action in a dialog on the page itself. The form is first posted without "confirm": the
// server then does nothing and answers with its confirmation step, which this script shows in a <dialog>; the step's
// own form (every field again, plus confirm=true) does the action. Without this script the same step is a page.
(function () {
  "use strict";

  // A form marked data-confirm-when="Name=Value" asks only when that field has that value, exactly as its handler does;
  // any other choice goes straight to the server as usual.
  function needsConfirmation(form) {
    var when = form.getAttribute("data-confirm-when");
    if (!when) {
      return true;
    }

    var at = when.indexOf("=");
    return new FormData(form).getAll(when.substring(0, at)).indexOf(when.substring(at + 1)) >= 0;
  }

  function submitNatively(form) {
    form.setAttribute("data-confirm-skip", "");
    HTMLFormElement.prototype.submit.call(form);
  }

  function show(step, opener) {
    var dialog = document.createElement("dialog");
    dialog.className = "confirm-dialog";
    dialog.setAttribute("aria-labelledby", "confirm-question");
    var content = document.importNode(step, true);
    // The dialog itself is now what the step's role described.
    content.removeAttribute("role");
    dialog.appendChild(content);
    dialog.addEventListener("close", function () {
      dialog.remove();
      if (opener) {
        opener.focus();
      }
    });
    dialog.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("[data-confirm-back]")) {
        event.preventDefault();
        dialog.close();
      }
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    var back = dialog.querySelector("[data-confirm-back]");
    if (back) {
      back.focus();
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-confirm") || form.hasAttribute("data-confirm-skip")
        || typeof HTMLDialogElement !== "function" || !window.fetch || !needsConfirmation(form)) {
      return;
    }

    event.preventDefault();
    var opener = event.submitter || document.activeElement;
    var body = new URLSearchParams(new FormData(form));
    fetch(form.action, { method: "POST", body: body, credentials: "same-origin", redirect: "manual" })
      .then(function (response) {
        // A redirect means the server had nothing to ask, and may have done what was asked: show the page as it now is,
        // never post again.
        if (response.type === "opaqueredirect") {
          window.location.assign(window.location.href);
          return undefined;
        }

        // A refusal (an expired form, a record gone) did nothing: the ordinary post shows it as the server words it.
        if (!response.ok) {
          return null;
        }

        return response.text();
      })
      .then(function (html) {
        if (html === undefined) {
          return;
        }

        var step = html ? new DOMParser().parseFromString(html, "text/html").querySelector("[data-confirm-step]") : null;
        if (step) {
          show(step, opener);
        } else {
          submitNatively(form);
        }
      })
      .catch(function () {
        submitNatively(form);
      });
  });
})();
