// Starts the workbook: checks what the browser can do, shows download progress,
// and turns any failure into a human message instead of a blank canvas.
// No inline script anywhere: the page runs under script-src 'self'.
// T(key) is the text of a content/strings.json key, put in by the build
// (scripts/web-text.mjs); fill() puts values into its {placeholders}.
(function () {
  'use strict';
  var errorBox = document.getElementById('wb-error');
  var loading = document.getElementById('wb-loading');

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? String(values[k]) : m; });
  }
  function showError(message) {
    var text = {webgl2: T('web.no_webgl2'), wasm: T('web.no_wasm')}[message] || message;
    document.getElementById('wb-error-text').textContent = text;
    errorBox.hidden = false;
    loading.style.display = 'none';
  }
  window.wbShowError = showError;

  // Crash-safe start. Each abort is counted (with what it was) until the workbook
  // has run for 30 s; after two in a row the next start is in safe mode: the
  // module sets the stored data aside (kept, downloadable) and starts fresh.
  var STARTS = 'networking-workbook/starts';  // not learner data: counts and the last failure
  function readStarts() {
    try { return JSON.parse(localStorage.getItem(STARTS)) || {aborts: 0}; } catch (e) { return {aborts: 0}; }
  }
  function writeStarts(s) { try { localStorage.setItem(STARTS, JSON.stringify(s)); } catch (e) {} }
  var safeMode = (readStarts().aborts | 0) >= 2;
  window.addEventListener('wb-ready', function () {
    if (safeMode) writeStarts({aborts: 0, last: readStarts().last});  // what stopped it is set aside now
    setTimeout(function () {
      var s = readStarts();
      if (s.aborts) { s.aborts = 0; writeStarts(s); }
    }, 30000);
  });

  // The module stopped: a plain page saying so, that saved work is safe, with a
  // reload and a download of this learner's stored data (window.__wbScope, set by
  // the module once it knows whose data it is: never another learner's).
  var crashed = false;
  function showCrash(what) {
    if (crashed) return;
    crashed = true;
    var s = readStarts();
    s.aborts = (s.aborts | 0) + 1;
    s.last = {at: new Date().toISOString(), what: String(what || 'Aborted()').slice(0, 300)};
    writeStarts(s);
    document.getElementById('wb-error-title').textContent = T('web.stopped_title');
    showError(fill(T('web.stopped'), {what: s.last.what}) + ' ' +
              (s.aborts >= 2 ? fill(T('web.stopped_again'), {n: s.aborts}) : T('web.if_it_stops_again')));
    canvas.style.display = 'none';
    var sem = document.getElementById('wb-semantics');
    if (sem) sem.style.display = 'none';
    document.getElementById('wb-error-actions').hidden = false;
    document.getElementById('wb-download-stored').hidden = !window.__wbScope;
    document.getElementById('wb-reload').focus();
  }
  document.getElementById('wb-reload').addEventListener('click', function () { location.reload(); });
  document.getElementById('wb-download-stored').addEventListener('click', function () {
    var scope = window.__wbScope;
    if (!scope) return;
    var out = {format: 'networking-workbook-stored-data', saved_at: new Date().toISOString(), state: null, planner: {}};
    try { out.state = localStorage.getItem(scope.stateKey); } catch (e) {}
    var done = function () {
      var a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([JSON.stringify(out)], {type: 'application/json'}));
      a.download = 'networking-workbook-stored-data.json';
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    };
    if (!scope.db || !window.indexedDB) return done();
    var req = indexedDB.open(scope.db, 1);
    req.onerror = done;
    req.onsuccess = function () {
      var db = req.result;
      if (!db.objectStoreNames.contains('planner')) { db.close(); return done(); }
      var st = db.transaction('planner').objectStore('planner');
      var keys = st.getAllKeys(), vals = st.getAll();
      vals.onerror = done;
      vals.onsuccess = function () {  // requests end in order: the keys are in
        keys.result.forEach(function (k, i) { out.planner[k] = vals.result[i]; });
        db.close();
        done();
      };
    };
  });

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') return showError('wasm');
  // The check creates the module's own context on its canvas, handed over below
  // (-sGL_PREINITIALIZED_CONTEXT): a WebGL context is slow to create, so only
  // one is made. The attributes are main()'s in web_main.cpp.
  var canvas = document.getElementById('canvas');
  var gl = canvas.getContext('webgl2', {alpha: false, depth: false, stencil: false, antialias: false});
  if (!gl) return showError('webgl2');

  window.addEventListener('error', function (e) {
    if (!window.__appReady && !crashed) showError(fill(T('web.stopped_starting'), {what: e.message || T('web.unknown_error')}));
  });

  var bar = document.getElementById('wb-progress');
  var barText = document.getElementById('wb-progress-text');
  function progress(done, total) {
    if (total > 0) {
      bar.value = Math.min(100, Math.round(done * 100 / total));
      barText.textContent = fill(T('web.progress_of'), {done: Math.round(done / 1024), total: Math.round(total / 1024)});
    } else {
      bar.removeAttribute('value');
      barText.textContent = fill(T('web.progress'), {done: Math.round(done / 1024)});
    }
  }

  // Fetch the module ourselves to report progress, then compile it while it streams.
  function fetchWithProgress(url) {
    return fetch(url, {credentials: 'same-origin'}).then(function (res) {
      if (!res.ok) throw new Error(fill(T('web.http_failed'), {file: url, status: res.status}));
      var total = Number(res.headers.get('Content-Length')) || 0;
      if (!res.body || !window.ReadableStream) return res;
      var done = 0;
      var reader = res.body.getReader();
      var stream = new ReadableStream({
        pull: function (ctrl) {
          return reader.read().then(function (r) {
            if (r.done) return ctrl.close();
            done += r.value.byteLength;
            progress(done, total);
            ctrl.enqueue(r.value);
          });
        },
      });
      return new Response(stream, {headers: {'Content-Type': 'application/wasm'}});
    });
  }

  // The planner's code is a second module, workbook.deferred.wasm (scripts/split-wasm.py),
  // instantiated against the first one's exports. web_bridge.js asks for it
  // (Module.wbLoadDeferred) after the first frame, or as soon as stored planner records
  // are found; a start on a planner page fetches it at once, as that frame needs it.
  var deferredUrl = 'workbook.deferred.wasm';
  var deferred = {bytes: null, fetching: null, loading: null, instance: null};
  var stats = window.__wbStats || (window.__wbStats = {});
  stats.deferred_sync_loads = 0;
  function fetchDeferred() {
    if (!deferred.fetching) {
      deferred.fetching = fetch(deferredUrl, {credentials: 'same-origin'}).then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.arrayBuffer();
      }).then(function (b) { deferred.bytes = b; return b; });
    }
    return deferred.fetching;
  }
  // The glue names the size and FNV-1a hash of its own deferred part
  // (scripts/split-wasm.py): a part from another build could link and run the wrong
  // code, as happens when the site is updated while a page without the offline
  // copy is open.
  function checkDeferred(bytes) {
    var want = window.Module && window.Module.wbDeferredCheck;
    if (!want) return bytes;
    var b = new Uint8Array(bytes), h = 0x811c9dc5;
    for (var i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 0x01000193) >>> 0;
    if (b.length + ':' + ('0000000' + h.toString(16)).slice(-8) !== want) {
      var e = new Error('other-version');  // not shown: deferredError() says it
      e.otherVersion = true;
      throw e;
    }
    return bytes;
  }
  function deferredError(e) {
    if (e && e.otherVersion) {
      return new Error(T('web.planner_updated'));
    }
    return new Error(fill(T('web.planner_download_failed'), {what: deferredUrl + ': ' + ((e && e.message) || e)}));
  }
  // Resolves once the planner's functions are in place; rejects with a message for the learner.
  function loadDeferred() {
    if (!deferred.loading) {
      var t0 = performance.now();
      deferred.loading = fetchDeferred().then(function (b) {
        if (deferred.instance) return;
        return WebAssembly.instantiate(checkDeferred(b), {primary: window.Module.asm}).then(function (r) {
          if (!deferred.instance) deferred.instance = r.instance;
        });
      }).then(function () { stats.deferred_load_ms = performance.now() - t0; },
              function (e) { throw deferredError(e); });
    }
    return deferred.loading;
  }
  // The glue calls this (-sSPLIT_MODULE) when code reaches a planner function before the
  // module has arrived. It must be in place when the call returns, so it is loaded here
  // synchronously: from the bytes if they are in, else by a synchronous request.
  function loadDeferredNow(file, imports) {
    if (deferred.instance) return;
    var bytes = deferred.bytes;
    if (!bytes) {
      var xhr = new XMLHttpRequest();
      var why = '';
      try {
        xhr.open('GET', deferredUrl, false);
        xhr.overrideMimeType('text/plain; charset=x-user-defined');  // bytes as chars: no arraybuffer when synchronous
        xhr.send();
        if (xhr.status !== 200) why = 'HTTP ' + xhr.status;
      } catch (e) { why = e.message || 'offline'; }
      if (why) {
        var err = deferredError(new Error(why));
        showError(err.message);
        throw err;
      }
      var text = xhr.responseText;
      bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
    }
    try {
      checkDeferred(bytes);
    } catch (e) {
      var mismatch = deferredError(e);
      showError(mismatch.message);
      throw mismatch;
    }
    deferred.instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
    stats.deferred_sync_loads++;
  }
  if (/^#\/planner/.test(location.hash)) fetchDeferred().catch(function () {});

  window.Module = {
    wbLoadDeferred: loadDeferred,
    loadSplitModule: loadDeferredNow,
    canvas: canvas,
    preinitializedWebGLContext: gl,
    instantiateWasm: function (imports, done) {
      var url = 'workbook.wasm';
      fetchWithProgress(url)
        .then(function (res) {
          return WebAssembly.instantiateStreaming
            ? WebAssembly.instantiateStreaming(res, imports)
            : res.arrayBuffer().then(function (b) { return WebAssembly.instantiate(b, imports); });
        })
        .then(function (r) { done(r.instance, r.module); })
        .catch(function (e) {
          if (crashed) return;  // main() stopped: showCrash said so
          showError(fill(T('web.download_failed_because'), {what: e.message}));
        });
      return {};
    },
    wbSafeMode: safeMode,
    onAbort: showCrash,
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); },
  };

  var s = document.createElement('script');
  s.src = 'workbook.js';
  s.onerror = function () { showError(T('web.download_failed')); };
  document.body.appendChild(s);
})();
