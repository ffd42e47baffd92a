// Kaiyuan preview (kaiyuan serve only; never part of a built site): live reload and the
// build-error overlay. Every text from the server is shown with textContent, never parsed as HTML.
//
// Browsers allow about six HTTP/1.1 connections per server, and each event stream holds one for
// as long as its page is open. So the tabs of one preview share a single stream: the tab holding
// the 'kaiyuan-live-reload' lock listens and passes each event on over a BroadcastChannel, and
// when it closes another tab takes over. Where the Web Locks API is missing (a page opened over a
// LAN address is not a secure context) each tab listens for itself. A page closes its stream as it
// is left, so navigating never leaves streams behind.
(function () {
  'use strict';
  var OVERLAY_ID = '__kaiyuan-overlay';
  var NAMES = ['hello', 'reload', 'css', 'error'];
  var seen = null;
  var lastError = null;
  var source = null;
  var channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('kaiyuan-live-reload') : null;
  var shared = channel && navigator.locks && typeof navigator.locks.request === 'function';

  function parse(text) {
    try {
      return JSON.parse(text);
    } catch (e) {
      return null;
    }
  }

  var handlers = {
    // A page that reconnects to a restarted server, or after builds it missed, reloads.
    hello: function (info) {
      var key = info.session + ':' + info.build;
      if (seen !== null && seen !== key) location.reload();
      // A page that loaded just before a build it did not hear of (it reloaded for the quick
      // refresh, and the full rebuild was announced before it listened) reloads now.
      var made = pageBuild();
      if (seen === null && made !== null && made < info.build) location.reload();
      seen = key;
      window.__kaiyuanConnected = true; // for tests: this page hears the server
      window.__kaiyuanBuild = info.build; // for tests: the last build this page heard of
    },
    // With 'pages' (URL paths) only the pages showing one of them reload, and tabs showing the 404
    // page (their address may be a page now); the others just learn the build, so they do not
    // reload again when they reconnect.
    reload: function (info) {
      if (!Array.isArray(info.pages) || notFound() || info.pages.some(showing)) {
        location.reload();
      } else {
        if (seen !== null) seen = seen.replace(/:\d+$/, ':' + info.build);
        window.__kaiyuanBuild = info.build;
      }
    },
    css: function (info) {
      if (seen !== null) seen = seen.replace(/:\d+$/, ':' + info.build);
      hideOverlay();
      swapStylesheets();
    },
    error: function (report) {
      showOverlay(report);
    }
  };

  /** True when this page is the one at URL path {@code path} ('dir/' and 'dir/index.html' alike). */
  function showing(path) {
    var here;
    try {
      here = decodeURIComponent(location.pathname);
    } catch (e) {
      return true;
    }
    var strip = function (p) { return String(p).replace(/\/index\.html$/, '/'); };
    return strip(here) === strip(path);
  }

  /** The navigation's entry, or null where the browser keeps none. */
  function navigation() {
    var entries = performance.getEntriesByType ? performance.getEntriesByType('navigation') : [];
    return entries && entries.length ? entries[0] : null;
  }

  /** True when this tab shows the site's 404 page: a missing address may be a page now. */
  function notFound() {
    var n = navigation();
    return n !== null && n.responseStatus === 404;
  }

  /** The build the server made this page in (its Server-Timing header), or null. */
  function pageBuild() {
    var n = navigation();
    var timing = n && n.serverTiming ? n.serverTiming : [];
    for (var i = 0; i < timing.length; i++) {
      if (timing[i].name === 'kaiyuan' && /^\d+$/.test(timing[i].description)) return Number(timing[i].description);
    }
    return null;
  }

  function dispatch(name, text) {
    var value = parse(text);
    if (value !== null && handlers.hasOwnProperty(name)) handlers[name](value);
  }

  /** Opens the event stream; events go to this page and, when shared, to the other tabs. */
  function listen() {
    var stream = new EventSource('/__kaiyuan/events');
    NAMES.forEach(function (name) {
      stream.addEventListener(name, function (event) {
        // EventSource's own 'error' (connection lost) carries no data: it reconnects by itself.
        if (typeof event.data !== 'string') return;
        if (name === 'error') lastError = event.data;
        else if (name !== 'hello') lastError = null;
        if (shared) channel.postMessage({ name: name, data: event.data });
        dispatch(name, event.data);
      });
    });
    return stream;
  }

  if (shared) {
    channel.onmessage = function (message) {
      var m = message.data || {};
      if (m.name === 'sync') {
        if (lastError !== null && source) channel.postMessage({ name: 'error', data: lastError });
      } else if (NAMES.indexOf(m.name) >= 0 && typeof m.data === 'string') {
        dispatch(m.name, m.data);
      }
    };
    navigator.locks.request('kaiyuan-live-reload', function () {
      source = listen();
      return new Promise(function (release) {
        window.addEventListener('pagehide', function () {
          source.close();
          release();
        });
      });
    });
    // a tab that does not listen itself asks whoever does for the current error, if any
    channel.postMessage({ name: 'sync' });
  } else {
    source = listen();
    window.addEventListener('pagehide', function () { source.close(); });
  }
  // back from the back/forward cache, the page has no stream and may be stale
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) location.reload();
  });

  function swapStylesheets() {
    document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (old) {
      var url = new URL(old.href);
      url.searchParams.set('kaiyuan-reload', String(Date.now()));
      var fresh = old.cloneNode(false);
      fresh.href = url.href;
      var done = function () { old.remove(); };
      fresh.addEventListener('load', done);
      fresh.addEventListener('error', done);
      old.after(fresh);
    });
  }

  function hideOverlay() {
    var old = document.getElementById(OVERLAY_ID);
    if (old) old.remove();
  }

  function el(tag, text, css) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (css) node.style.cssText = css;
    return node;
  }

  function showOverlay(report) {
    hideOverlay();
    var box = el('div', '', 'position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;' +
        'padding:24px;box-sizing:border-box;background:rgba(24,8,8,.94);color:#f6f6f6;' +
        'font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left;');
    box.id = OVERLAY_ID;
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-label', 'Kaiyuan build failed');
    var close = el('button', '\u00d7', 'position:absolute;top:12px;right:16px;font:inherit;font-size:20px;' +
        'background:none;color:inherit;border:0;cursor:pointer;');
    close.setAttribute('aria-label', 'Hide until the next build');
    close.addEventListener('click', hideOverlay);
    box.appendChild(close);
    box.appendChild(el('h2', String(report.summary || 'Build failed'),
        'margin:0 0 16px;font-size:16px;color:#ff8a80;'));
    (report.problems || []).forEach(function (p) {
      var item = el('div', '', 'margin:0 0 16px;white-space:pre-wrap;overflow-wrap:anywhere;');
      item.className = 'kaiyuan-problem';
      item.appendChild(el('div', String(p.where || ''), 'color:#9ecbff;'));
      item.appendChild(el('div', String(p.severity || 'error') + ': ' + String(p.message || ''), ''));
      if (p.hint) item.appendChild(el('div', 'hint: ' + String(p.hint), 'color:#c8e6c9;'));
      box.appendChild(item);
    });
    box.appendChild(el('p', 'The last good version of the site is still served; this goes away at the next good build.',
        'margin:16px 0 0;color:#bbb;'));
    (document.body || document.documentElement).appendChild(box);
  }
})();
