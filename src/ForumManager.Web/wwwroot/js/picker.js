// A searchable picker over a <select multiple data-picker>: a search box that filters by any part of a name, in any
// script and without regard to accents or case, and the chosen as chips with a remove button. The select stays in
// the form and carries the choice, so without this script the page works as before.
(function () {
  "use strict";
  var MaxShown = 50;
  var counter = 0;

  // "Müller" is found by "muller", "WANG Xiao-ming" by "wang xiaoming".
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[-‐‑·・\s]+/g, " ").toLowerCase().trim();
  }

  function matches(name, query) {
    var words = query.split(" ");
    var squeezed = name.replace(/ /g, "");
    for (var i = 0; i < words.length; i++) {
      if (words[i] && name.indexOf(words[i]) < 0 && squeezed.indexOf(words[i]) < 0) {
        return false;
      }
    }

    return true;
  }

  function make(tag, className, text) {
    var element = document.createElement(tag);
    if (className) {
      element.className = className;
    }

    if (text !== undefined) {
      element.textContent = text;
    }

    return element;
  }

  // One polite live region for every picker of the page: what was found, added or removed is read out.
  var status = null;

  function enhance(select) {
    if (!status) {
      status = make("p", "visually-hidden");
      status.setAttribute("aria-live", "polite");
      document.body.append(status);
    }

    var id = "picker-" + (++counter);
    var label = document.querySelector("label[for='" + select.id + "']");
    var words = select.dataset;
    var options = Array.prototype.slice.call(select.options).map(function (option) {
      return { option: option, key: fold(option.textContent) };
    });

    var box = make("div", "picker");
    var chips = make("ul", "picker-chips");
    chips.setAttribute("aria-label", words.pickerChosen + (label ? " " + label.textContent : ""));
    var input = make("input", "picker-search");
    input.type = "text";
    input.id = id + "-search";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id + "-list");
    input.setAttribute("autocomplete", "off");
    input.placeholder = words.pickerSearch;
    var list = make("ul", "picker-list");
    list.id = id + "-list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    if (label) {
      label.htmlFor = input.id;
      list.setAttribute("aria-label", label.textContent);
    }

    box.append(chips, input, list);
    select.hidden = true;
    select.after(box);

    var active = -1;
    var shown = [];

    function renderChips() {
      chips.replaceChildren();
      options.forEach(function (entry) {
        if (!entry.option.selected) {
          return;
        }

        var chip = make("li", "chip");
        chip.append(make("span", null, entry.option.textContent));
        var remove = make("button", "chip-remove", "×");
        remove.type = "button";
        remove.setAttribute("aria-label", words.pickerRemove.replace("{0}", entry.option.textContent));
        remove.addEventListener("click", function () {
          entry.option.selected = false;
          renderChips();
          renderList();
          status.textContent = words.pickerRemoved.replace("{0}", entry.option.textContent);
          input.focus();
        });
        chip.append(remove);
        chips.append(chip);
      });
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      active = index;
      shown.forEach(function (item, i) {
        item.element.classList.toggle("active", i === index);
      });
      if (index >= 0 && shown[index]) {
        input.setAttribute("aria-activedescendant", shown[index].element.id);
        shown[index].element.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function renderList() {
      var query = fold(input.value);
      if (!query) {
        close();
        list.replaceChildren();
        shown = [];
        return;
      }

      var found = options.filter(function (entry) { return matches(entry.key, query); });
      shown = found.slice(0, MaxShown).map(function (entry, i) {
        var item = make("li", "picker-option", entry.option.textContent);
        item.id = id + "-option-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", entry.option.selected ? "true" : "false");
        item.addEventListener("mousedown", function (event) {
          // Keeps the focus in the search box, so the list stays open for the next name.
          event.preventDefault();
        });
        item.addEventListener("click", function () { choose(entry); });
        return { entry: entry, element: item };
      });
      list.replaceChildren.apply(list, shown.map(function (item) { return item.element; }));
      if (shown.length === 0) {
        list.append(make("li", "picker-empty", words.pickerNone));
      }

      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = words.pickerFound.replace("{0}", String(found.length));
      highlight(shown.length > 0 ? 0 : -1);
    }

    function choose(entry) {
      entry.option.selected = !entry.option.selected;
      renderChips();
      status.textContent = (entry.option.selected ? words.pickerAdded : words.pickerRemoved).replace("{0}", entry.option.textContent);
      input.value = "";
      renderList();
      input.focus();
    }

    input.addEventListener("input", renderList);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (list.hidden) {
          renderList();
        }

        if (shown.length > 0) {
          var step = event.key === "ArrowDown" ? 1 : -1;
          highlight((active + step + shown.length) % shown.length);
        }

        event.preventDefault();
      } else if (event.key === "Enter") {
        // Enter chooses; it never submits the session form half-filled.
        event.preventDefault();
        if (active >= 0 && shown[active]) {
          choose(shown[active].entry);
        }
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      } else if (event.key === "Backspace" && input.value === "") {
        var last = chips.lastElementChild;
        if (last) {
          last.querySelector("button").focus();
        }
      }
    });
    input.addEventListener("blur", close);

    renderChips();
  }

  Array.prototype.forEach.call(document.querySelectorAll("select[multiple][data-picker]"), enhance);
})();
