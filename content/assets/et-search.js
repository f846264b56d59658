/* The search dialog by keyboard, and its results announced (issue 20).
 *
 * The search is a dialog holding the field and a plain list of links: results
 * are links to pages, so they stay in the Tab order and in a screen reader's
 * list of links (a combobox with a listbox would take them out of both).
 *
 * - From the field, Tab and Shift+Tab move through the results and back; the
 *   dialog stays open while focus is inside it and closes when focus leaves.
 *   Material closes search on Tab and moves focus to the field on any other
 *   key (Shift too, which breaks Shift+Tab): those keys are kept from its
 *   window listener while search is open. Its arrow keys still work.
 * - Material takes its result links out of the Tab order (tabindex=-1); they
 *   are put back as they are rendered. Material renders the first ten results
 *   and more as the list is scrolled to its end: Tab on the last one shown
 *   scrolls it there and moves on to the next result when it is rendered.
 * - Escape closes the dialog and returns focus to the control that opened it:
 *   the search button on small screens, the field itself on wide ones (where
 *   the field is the control in the header; typing in it opens the results).
 * - A polite live region (role=status) says how many results there are, in the
 *   page's language with its plural forms (data-et-results: CLDR form → text,
 *   chosen with Intl.PluralRules), or that there are none. The count is that of
 *   Material's search worker's answer, read from its messages (this script runs
 *   before Material's bundle, which starts the worker).
 * Stores nothing; without JavaScript there is no search.
 */
(function () {
  "use strict";

  var dialog = document.getElementById("et-search");
  var toggle = document.getElementById("__search");
  var status = document.getElementById("et-search-status");
  var configElement = document.getElementById("__config");
  if (!dialog || !toggle || !status || !configElement) return;
  var query = dialog.querySelector("[data-md-component=search-query]");
  var list = dialog.querySelector(".md-search-result__list");
  var scrollwrap = dialog.querySelector(".md-search__scrollwrap");
  if (!query || !list || !scrollwrap) return;

  var lang = document.documentElement.lang || "nb";
  var forms = {};
  try {
    forms = JSON.parse(status.getAttribute("data-et-results") || "{}");
  } catch (error) {
    forms = {};
  }
  var noResults = status.getAttribute("data-et-none") || "";
  var plural = typeof Intl === "object" && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
  // Latin digits in every language, as the site's dates and amounts (README, "Languages").
  var number = typeof Intl === "object" && Intl.NumberFormat
    ? new Intl.NumberFormat(lang, { numberingSystem: "latn" }) : null;

  var total = 0;  // documents in the worker's last answer (Material shows them as list items)

  function isOpen() {
    return toggle.checked;
  }

  /* Material listens to "change" on the checkbox; click() fires it (as et-a11y.js does). */
  function setOpen(open) {
    if (toggle.checked !== open) toggle.click();
  }

  function shown(element) {
    return !!element && element.getClientRects().length > 0;
  }

  function opener() {
    var button = document.querySelector("[data-et-open=search]");
    return shown(button) ? button : query;
  }

  // --- the count, spoken -----------------------------------------------------------

  function countText(count) {
    if (count === 0) return noResults;
    var form = plural ? plural.select(count) : (count === 1 ? "one" : "other");
    var text = forms[form] || forms.other || "";
    return text.replace(/\{count\}/g, number ? number.format(count) : String(count));
  }

  function announce(count) {
    var text = query.value.trim() ? countText(count) : "";
    if (status.textContent !== text) status.textContent = text;
  }

  function config() {
    try {
      return JSON.parse(configElement.textContent);
    } catch (error) {
      return null;
    }
  }

  var settings = config();
  var workerUrl = "";
  try {
    workerUrl = settings && typeof settings.search === "string" ? new URL(settings.search, document.baseURI).href : "";
  } catch (error) {
    workerUrl = "";
  }

  // Material's worker answers a query with {type: 3 (result), data: {items: [...]}}.
  var PreviousWorker = window.Worker;
  if (workerUrl && typeof PreviousWorker === "function") {
    var ObservedWorker = function (url, options) {
      var worker = options === undefined ? new PreviousWorker(url) : new PreviousWorker(url, options);
      var resolved = "";
      try {
        resolved = new URL(String(url), document.baseURI).href;
      } catch (error) {
        resolved = "";
      }
      if (resolved === workerUrl) {
        worker.addEventListener("message", function (event) {
          var message = event.data;
          if (message && message.type === 3 && message.data && Array.isArray(message.data.items)) {
            total = message.data.items.length;
            announce(total);
          }
        });
      }
      return worker;
    };
    ObservedWorker.prototype = PreviousWorker.prototype;
    window.Worker = ObservedWorker;
  }

  // An emptied field says nothing (Material shows its "type to search" again).
  query.addEventListener("input", function () {
    if (!query.value.trim()) announce(0);
    // Typing in the field after Escape (wide screens: focus stayed there) opens the results again.
    if (!isOpen()) setOpen(true);
  });

  // --- results in the Tab order ----------------------------------------------------

  function resultItems() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__item"));
  }

  var waitingForMore = false;

  new MutationObserver(function (records) {
    var added = [];
    records.forEach(function (record) {
      Array.prototype.forEach.call(record.addedNodes, function (node) {
        if (node.nodeType === 1) added.push(node);
      });
    });
    added.forEach(function (node) {
      Array.prototype.forEach.call(node.querySelectorAll("[tabindex='-1']"), function (element) {
        element.removeAttribute("tabindex");
      });
    });
    if (waitingForMore && added.length) {
      waitingForMore = false;
      var link = added[0].querySelector("a[href]");
      if (link && dialog.contains(document.activeElement)) link.focus();
    }
  }).observe(list, { childList: true });

  function atBottom() {
    return scrollwrap.scrollTop + scrollwrap.clientHeight >= scrollwrap.scrollHeight - 16;
  }

  /* Material renders the next results when the list is scrolled near its end (after a move
     away from it): scroll there, up first if already there, each step on a scroll event. */
  function renderMore() {
    waitingForMore = true;
    var bottom = function () { scrollwrap.scrollTop = scrollwrap.scrollHeight; };
    if (atBottom() && scrollwrap.scrollTop > 0) {
      scrollwrap.addEventListener("scroll", bottom, { once: true });
      scrollwrap.scrollTop = 0;
    } else {
      bottom();
    }
  }

  /* The last focusable element shown in the rendered results, if focus is on it. */
  function onLastResult(element) {
    var items = resultItems();
    if (!items.length || !items[items.length - 1].contains(element)) return false;
    var focusable = Array.prototype.filter.call(
      items[items.length - 1].querySelectorAll("a[href], summary"), shown);
    return focusable[focusable.length - 1] === element;
  }

  // --- keys --------------------------------------------------------------------------

  // On document, bubbling: before Material's listener on window, after anything on the way.
  document.addEventListener("keydown", function (event) {
    if (!isOpen() || !dialog.contains(event.target)) return;
    var key = event.key;
    if (key === "Tab") {
      event.stopPropagation();  // Material would close search and throw the results away
      if (!event.shiftKey && onLastResult(event.target) && resultItems().length < total) {
        event.preventDefault();
        renderMore();
      }
    } else if (key === "Shift" || key === "Control" || key === "Alt" || key === "Meta") {
      event.stopPropagation();  // Material would move focus to the field (and spoil Shift+Tab)
    } else if (key === "Escape") {
      event.stopPropagation();
      event.preventDefault();
      var back = opener();
      setOpen(false);
      back.focus();
      if (back === query) keepClosed = true;
    }
  });

  // Focus moved out of the dialog (Tab past the last result, Shift+Tab before the field): close it.
  dialog.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (isOpen() && next instanceof Element && !dialog.contains(next)) setOpen(false);
  });

  /* Wide screens: focus returned to the field after Escape. Material opens search when the field
     gains focus; it stays closed until the reader does something in it. */
  var keepClosed = false;
  toggle.addEventListener("change", function () {
    if (toggle.checked && keepClosed && document.activeElement === query) {
      // Not from inside the click that opened it: a nested click() on the same checkbox is ignored.
      Promise.resolve().then(function () {
        if (keepClosed) setOpen(false);
      });
    }
  });
  ["keydown", "pointerdown", "input"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (type === "keydown" && event.key === "Escape") return;
      if (type === "input" && event.target !== query) return;  // the checkbox fires "input" too
      keepClosed = false;
    }, true);
  });
})();
