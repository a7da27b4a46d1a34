// Offline and installed (issue #8), page side: registers the service worker,
// shows the connection status (online, offline, installed) and offers a new
// version when one has installed. It never reloads on its own: only the
// learner's "Reload" switches versions, so no session runs two of them.
(function () {
  'use strict';
  var status = document.getElementById('wb-net');
  var statusText = document.getElementById('wb-net-text');
  var bar = document.getElementById('wb-update-bar');
  var reloadButton = document.getElementById('wb-update-reload');
  // "Later" hides the offer; the next update check (the page shown again) brings it back.
  document.getElementById('wb-update-later').onclick = function () { bar.hidden = true; };
  var standalone = window.matchMedia ? window.matchMedia('(display-mode: standalone)') : null;
  var installedHere = false;  // "appinstalled" seen in this tab
  var build = '';
  var offlineReady = false;

  function render() {
    var online = navigator.onLine !== false;
    var installed = installedHere || !!(standalone && standalone.matches);
    status.dataset.state = online ? 'online' : 'offline';
    status.dataset.installed = installed ? 'yes' : 'no';
    if (build) status.dataset.build = build;
    // T(key): a content/strings.json text, put in by the build (scripts/web-text.mjs).
    statusText.textContent = (installed ? T('web.installed') + ' · ' : '') + (online ? T('web.online') : T('web.offline'));
    status.title = (online ? T('web.connected') : T('web.no_network')) +
      (offlineReady ? ' ' + T('web.saved_for_offline') : '') + (build ? ' ' + T('web.version').replace('{build}', build) : '');
  }
  window.addEventListener('online', render);
  window.addEventListener('offline', render);
  window.addEventListener('appinstalled', function () { installedHere = true; render(); });
  if (standalone && standalone.addEventListener) standalone.addEventListener('change', render);
  render();

  // Which build this page runs: served from the same build's cache as the page.
  fetch('build-info.json', {cache: 'no-cache'})
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (info) { if (info && info.build) { build = info.build; render(); } })
    .catch(function () {});

  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  var sw = navigator.serviceWorker;
  var reloading = false;
  var outdated = false;  // a newer version was found: this page stays on its own until reloaded

  function offer(reg) {
    outdated = true;
    bar.hidden = false;
    reloadButton.onclick = function () {
      if (reloading) return;
      reloading = true;
      var waiting = reg && reg.waiting;
      // No worker waiting: the new one is already in charge (switched by another tab,
      // or this page was the first visit, which no worker controls, so nothing
      // held the new one back).
      if (!waiting) return location.reload();
      // Reload once the new version is in charge: "activated" covers a page no
      // worker controls, controllerchange the rest.
      var once = function () { if (once.done) return; once.done = true; location.reload(); };
      waiting.addEventListener('statechange', function () {
        if (waiting.state === 'activated') once();
        if (waiting.state === 'redundant') reloading = false;  // replaced by a newer one: offered next
      });
      sw.addEventListener('controllerchange', once);
      waiting.postMessage({type: 'SKIP_WAITING'});
    };
  }

  // Offer a newer version already found (or waiting beside the running one), then
  // ask the server for a newer one. (A first install passes through "installed"
  // too, but with no active worker beside it: nothing to offer.)
  function check(reg) {
    if (outdated || (reg.waiting && reg.active)) offer(reg);
    if (navigator.onLine !== false) reg.update().catch(function () {});  // offline or server gone: try later
  }

  function start() {
    if (start.done) return;
    start.done = true;
    sw.register('./sw.js', {scope: './'}).then(function (reg) {
      reg.addEventListener('updatefound', function () {
        var w = reg.installing;
        if (!w) return;
        w.addEventListener('statechange', function () {
          if (w.state === 'installed' && reg.active) offer(reg);
        });
      });
      sw.ready.then(function () { offlineReady = true; render(); });
      check(reg);
      document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'visible') check(reg); });
      window.addEventListener('online', function () { check(reg); });
      // Another tab switched to the new version: this page still runs the old one.
      sw.addEventListener('controllerchange', function () { if (!reloading) offer(reg); });
    }).catch(function (e) {
      console.warn('The workbook cannot be saved for offline use here: ' + e.message);
    });
  }
  // Register once the workbook runs, so saving it for offline use does not compete
  // with its first download; a page that never starts still registers (and so can
  // receive a fixed version) a while after load.
  window.addEventListener('wb-ready', start);
  if (window.__appReady) start();
  window.addEventListener('load', function () { setTimeout(start, 5000); });
})();
