/* Keyboard and screen reader support around Material's drawer and search.
 *
 * Material opens both with hidden checkboxes (#__drawer, #__search) toggled by
 * <label for> elements that a keyboard cannot reach. The theme override
 * (hooks/generator_adapter/theme/) renders real buttons instead; this script makes them work,
 * keeps aria-expanded true to the state, closes both with Escape and gives
 * focus back to the button that opened them. It stores nothing.
 */
(function () {
  "use strict";

  var toggles = {
    drawer: document.getElementById("__drawer"),
    search: document.getElementById("__search")
  };
  if (!toggles.drawer || !toggles.search) return;

  var drawer = document.getElementById("et-drawer");
  var query = document.querySelector("[data-md-component=search-query]");

  function opener(name) {
    return document.querySelector("[data-et-open=" + name + "]");
  }

  /* A control is shown: not display:none, at this width. */
  function shown(element) {
    return !!element && element.getClientRects().length > 0;
  }

  /* Material listens to "change" on the checkboxes; click() fires it. */
  function setOpen(name, open) {
    if (toggles[name].checked !== open) toggles[name].click();
  }

  function syncExpanded(name) {
    var button = opener(name);
    if (button) button.setAttribute("aria-expanded", String(toggles[name].checked));
  }

  /* Back from bfcache or with restored form state, a panel must start closed
     (Material used autocomplete="off" for this, which is invalid on checkboxes). */
  function resetToggles() {
    setOpen("drawer", false);
    setOpen("search", false);
    syncExpanded("drawer");
    syncExpanded("search");
  }
  resetToggles();
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) resetToggles();
  });

  Object.keys(toggles).forEach(function (name) {
    toggles[name].addEventListener("change", function () {
      syncExpanded(name);
      // Closed with focus inside or lost: back to the button that opens it.
      if (!toggles[name].checked) {
        window.setTimeout(function () { returnFocus(name); }, 0);
      }
    });
  });

  function returnFocus(name) {
    var button = opener(name);
    var active = document.activeElement;
    var panel = name === "drawer" ? drawer : document.getElementById("et-search");
    var lost = !active || active === document.body || (panel && panel.contains(active));
    if (lost && shown(button)) button.focus();
  }

  function firstControl(container) {
    return container && container.querySelector("button, a[href], input");
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var open = target && target.closest("[data-et-open]");
    var close = target && target.closest("[data-et-close]");
    if (open) {
      var name = open.getAttribute("data-et-open");
      if (name === "search") {
        setOpen("search", true);
        if (query) query.focus();  // Material keeps search open while the query has focus
      } else {
        setOpen(name, !toggles[name].checked);
        if (toggles[name].checked) {
          var first = firstControl(drawer);
          if (first) first.focus();
        }
      }
    } else if (close) {
      setOpen(close.getAttribute("data-et-close"), false);
    }
  });

  // Escape closes the drawer (et-search.js closes the search and returns focus to its opener).
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggles.drawer.checked) {
      setOpen("drawer", false);
    }
  });

  // Tabbing out of the open drawer closes it, so focus never sits behind it.
  if (drawer) {
    drawer.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (toggles.drawer.checked && next && !drawer.contains(next)) setOpen("drawer", false);
    });
  }
})();
