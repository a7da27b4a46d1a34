// Shell for the baseline (Dear ImGui's unmodified example_glfw_opengl3), in a
// file of its own because the benchmark server's CSP allows no inline script.
// Plays the part of ImGui's shell_minimal.html (with shell.css): the Module
// object for the full-window canvas. Adds the readiness flag our own page
// raises after its first frame, so both pages are timed to the same point.
(function () {
  'use strict';
  var canvas = document.getElementById('canvas');
  // As shell_minimal.html: no context menu over the canvas; keep a lost context restorable.
  canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
  canvas.addEventListener('webglcontextlost', function (e) { e.preventDefault(); });

  window.Module = {
    canvas: canvas,
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); },
    // Runs just before main(). main() asks for its first frame through
    // requestAnimationFrame (emscripten_set_main_loop, fps 0): wrap the next
    // request once, and raise the flag after that callback has drawn.
    onRuntimeInitialized: function () {
      var raf = window.requestAnimationFrame;
      window.requestAnimationFrame = function (cb) {
        window.requestAnimationFrame = raf;
        return raf.call(window, function (t) {
          cb(t);
          window.__appReady = true;
        });
      };
    },
  };
})();
