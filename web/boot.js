// Starts the workbook: checks what the browser can do, shows download progress,
// and turns any failure into a human message instead of a blank canvas.
// No inline script anywhere: the page runs under script-src 'self'.
(function () {
  'use strict';
  var errorBox = document.getElementById('wb-error');
  var loading = document.getElementById('wb-loading');

  function showError(message) {
    var text = {
      webgl2: 'Your browser could not start WebGL 2, which the workbook uses to draw. Turn on hardware acceleration in ' +
              'your browser settings, update your browser, or try another one (Chrome, Edge, Firefox or Safari 15+).',
      wasm: 'Your browser does not support WebAssembly, which the workbook needs. Please update your browser, or ' +
            'open the workbook in Chrome, Edge, Firefox or Safari.',
    }[message] || message;
    document.getElementById('wb-error-text').textContent = text;
    errorBox.hidden = false;
    loading.style.display = 'none';
  }
  window.wbShowError = showError;

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') return showError('wasm');
  // The check creates the module's own context on its canvas, handed over below
  // (-sGL_PREINITIALIZED_CONTEXT): a WebGL context is slow to create, so only
  // one is made. The attributes are main()'s in web_main.cpp.
  var canvas = document.getElementById('canvas');
  var gl = canvas.getContext('webgl2', {alpha: false, depth: false, stencil: false, antialias: false});
  if (!gl) return showError('webgl2');

  window.addEventListener('error', function (e) {
    if (!window.__appReady) showError('The workbook stopped while starting: ' + (e.message || 'unknown error') +
                                      '. Reloading the page usually helps.');
  });

  var bar = document.getElementById('wb-progress');
  var barText = document.getElementById('wb-progress-text');
  function progress(done, total) {
    if (total > 0) {
      bar.value = Math.min(100, Math.round(done * 100 / total));
      barText.textContent = Math.round(done / 1024) + ' of ' + Math.round(total / 1024) + ' KB';
    } else {
      bar.removeAttribute('value');
      barText.textContent = Math.round(done / 1024) + ' KB';
    }
  }

  // Fetch the module ourselves to report progress, then compile it while it streams.
  function fetchWithProgress(url) {
    return fetch(url, {credentials: 'same-origin'}).then(function (res) {
      if (!res.ok) throw new Error('could not download ' + url + ' (HTTP ' + res.status + ')');
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

  window.Module = {
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
        .catch(function (e) { showError('The workbook could not be downloaded: ' + e.message + '. Check your connection and reload.'); });
      return {};
    },
    onAbort: function (what) { showError('The workbook stopped unexpectedly (' + what + '). Reloading the page usually helps.'); },
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); },
  };

  var s = document.createElement('script');
  s.src = 'workbook.js';
  s.onerror = function () { showError('The workbook could not be downloaded. Check your connection and reload.'); };
  document.body.appendChild(s);
})();
