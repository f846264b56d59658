/* Search loads when the reader starts to use it (issue 9: page weight).
 * Material's bundle, loaded after this, requests search/search_index.json (XHR)
 * and starts its search worker (which loads lunr's files) at every page load.
 * Here the index request waits unsent and the worker is a stand-in that keeps
 * Material's listeners and messages; once search is used, the request is sent
 * and the real worker started with them, in order. A query typed meanwhile is
 * answered when the index is in (Material sends its latest query on "ready").
 * Used: focus in the search dialog (click, Tab, shortcuts f s /), a press on
 * the search button, the toggle opened, or ?q= / ?h= in the address.
 * Stores nothing; without JavaScript there is no search anyway.
 */
(function () {
  "use strict";

  var configElement = document.getElementById("__config");
  if (!configElement || typeof window.Worker !== "function" || typeof window.XMLHttpRequest !== "function") return;
  var config;
  try {
    config = JSON.parse(configElement.textContent);
  } catch (error) {
    return;
  }
  if (!config || typeof config.search !== "string" || typeof config.base !== "string") return;

  function resolve(url) {
    try {
      return new URL(String(url), document.baseURI).href;
    } catch (error) {
      return "";
    }
  }

  // The addresses Material computes.
  var indexUrl = new URL("search/search_index.json", resolve(config.base)).href;
  var workerUrl = resolve(config.search);

  var started = false;
  var waiting = [];

  function whenStarted(run) {
    if (started) run();
    else waiting.push(run);
  }

  function start() {
    if (started) return;
    started = true;
    triggers.forEach(function (trigger) {
      document.removeEventListener(trigger[0], trigger[1], true);
    });
    var run = waiting;
    waiting = [];
    run.forEach(function (task) { task(); });
  }

  var requestUrls = new WeakMap();
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    requestUrls.set(this, resolve(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (started || requestUrls.get(request) !== indexUrl) return send.apply(request, args);
    whenStarted(function () {
      if (request.readyState === XMLHttpRequest.OPENED) send.apply(request, args);
    });
  };

  // Material uses addEventListener, removeEventListener and postMessage; the rest in case.
  var RealWorker = window.Worker;

  function LazyWorker(url, options) {
    if (started || resolve(url) !== workerUrl) {
      return options === undefined ? new RealWorker(url) : new RealWorker(url, options);
    }
    var real = null;
    var calls = [];  // [method, arguments], in order
    var handlers = {};
    var terminated = false;

    function later(method) {
      return function () {
        if (real) return real[method].apply(real, arguments);
        if (method === "removeEventListener") {
          for (var i = calls.length - 1; i >= 0; i--) {
            var call = calls[i];
            if (call[0] === "addEventListener" && call[1][0] === arguments[0] && call[1][1] === arguments[1]) {
              calls.splice(i, 1);
              return undefined;
            }
          }
          return undefined;
        }
        calls.push([method, arguments]);
        return undefined;
      };
    }

    var standIn = {
      postMessage: later("postMessage"),
      addEventListener: later("addEventListener"),
      removeEventListener: later("removeEventListener"),
      dispatchEvent: function (event) {
        return real ? real.dispatchEvent(event) : true;
      },
      terminate: function () {
        terminated = true;
        if (real) real.terminate();
      }
    };
    ["onmessage", "onmessageerror", "onerror"].forEach(function (name) {
      Object.defineProperty(standIn, name, {
        get: function () { return real ? real[name] : (handlers[name] || null); },
        set: function (value) {
          if (real) real[name] = value;
          else handlers[name] = value;
        }
      });
    });

    whenStarted(function () {
      if (terminated) return;
      real = options === undefined ? new RealWorker(url) : new RealWorker(url, options);
      Object.keys(handlers).forEach(function (name) { real[name] = handlers[name]; });
      calls.forEach(function (call) { real[call[0]].apply(real, call[1]); });
      calls = [];
    });
    return standIn;
  }
  LazyWorker.prototype = RealWorker.prototype;
  window.Worker = LazyWorker;

  // Focus on the search button alone does not start it: a reader may be tabbing past.
  var DIALOG = "[data-md-component=search]";
  var OPENERS = DIALOG + ", [data-et-open=search], label[for=__search]";

  function within(event, selector) {
    return event.target instanceof Element && !!event.target.closest(selector);
  }

  var triggers = [
    ["focusin", function (event) { if (within(event, DIALOG)) start(); }],
    ["pointerdown", function (event) { if (within(event, OPENERS)) start(); }],
    ["click", function (event) { if (within(event, OPENERS)) start(); }],
    ["change", function (event) {
      if (event.target instanceof Element && event.target.id === "__search" && event.target.checked) start();
    }]
  ];
  triggers.forEach(function (trigger) {
    document.addEventListener(trigger[0], trigger[1], true);
  });

  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) start();
})();
