// The course system (SCORM 1.2 / 2004) side of the platform (an emscripten
// --js-library next to web_bridge.js). Finds the LMS's API object, calls it,
// and never throws into the app: every failure becomes an error code.
//
// Discovery, as the SCORM run-time environment describes it: this window and
// up to 10 parents, then the opener and up to 10 of its parents; API_1484_11
// (2004) is preferred over API (1.2) in the same window. Cross-origin windows
// are skipped (reading them throws).

mergeInto(LibraryManager.library, {
  $WBLMS: {
    api: null, version: 0,
    sent: null,            // Map: element -> the value the LMS last accepted
    terminated: false,
    fn: function(name) {   // version-specific name of a call
      var v12 = {Initialize: 'LMSInitialize', Terminate: 'LMSFinish', GetValue: 'LMSGetValue', SetValue: 'LMSSetValue',
                 Commit: 'LMSCommit', GetLastError: 'LMSGetLastError', GetErrorString: 'LMSGetErrorString'};
      return WBLMS.version === 12 ? v12[name] : name;
    },
    call: function(name, args) {
      try {
        var f = WBLMS.api[WBLMS.fn(name)];
        return typeof f === 'function' ? String(f.apply(WBLMS.api, args || [])) : 'false';
      } catch (e) { return 'false'; }
    },
    lastError: function() {
      var code = parseInt(WBLMS.call('GetLastError'), 10);
      return isNaN(code) ? 101 : code;
    },
    // The first element of {API_1484_11, API} found from win up its parents.
    search: function(win) {
      for (var i = 0; win && i <= 10; i++) {
        try {
          if (win.API_1484_11 && typeof win.API_1484_11.Initialize === 'function') return {api: win.API_1484_11, version: 2004};
          if (win.API && typeof win.API.LMSInitialize === 'function') return {api: win.API, version: 12};
        } catch (e) { /* another origin */ }
        var parent = null;
        try { parent = win.parent; } catch (e) {}
        if (!parent || parent === win) break;
        win = parent;
      }
      return null;
    },
    cstr: function(s) {
      var len = lengthBytesUTF8(s) + 1;
      var p = _malloc(len);
      stringToUTF8(s, p, len);
      return p;
    },
  },

  wb_js_lms_start__deps: ['$WBLMS'],
  wb_js_lms_start: function() {
    var found = WBLMS.search(window);
    if (!found) { try { found = window.opener && WBLMS.search(window.opener); } catch (e) { found = null; } }
    if (!found) return 0;
    WBLMS.api = found.api;
    WBLMS.version = found.version;
    WBLMS.sent = new Map();
    var ok = WBLMS.call('Initialize', ['']) === 'true';
    if (!ok) ok = WBLMS.call('Initialize', ['']) === 'true';  // once more: some LMSs are slow to get ready
    if (!ok) {
      WBLMS.terminated = true;  // nothing is sent; the API stays for GetErrorString
      return -(WBLMS.lastError() || 101);
    }
    // Commit when the page is hidden (it may never come back); end the session when it is left.
    document.addEventListener('visibilitychange', function() {
      if (document.visibilityState === 'hidden') _wb_lms_flush(0);
    });
    window.addEventListener('pagehide', function() { _wb_lms_flush(1); });
    return WBLMS.version;
  },

  // Reads what the LMS stored for this learner: "suspend_data" only on a resume
  // (reading it otherwise is an error in SCORM 2004).
  wb_js_lms_get__deps: ['$WBLMS'],
  wb_js_lms_get: function(p) {
    var what = UTF8ToString(p), value = '';
    if (WBLMS.api && what === 'suspend_data') {
      var entry = WBLMS.call('GetValue', [WBLMS.version === 12 ? 'cmi.core.entry' : 'cmi.entry']);
      if (WBLMS.lastError() === 0 && entry === 'resume') {
        value = WBLMS.call('GetValue', ['cmi.suspend_data']);
        if (WBLMS.lastError() !== 0) value = '';
      }
    }
    return WBLMS.cstr(value);
  },

  // values: "element\x1fvalue\x1e" records. Sets those the LMS does not have yet,
  // then commits, then ends the session (once). Returns 0, or the first error code.
  wb_js_lms_send__deps: ['$WBLMS'],
  wb_js_lms_send: function(p, commit, terminate) {
    if (!WBLMS.api || WBLMS.terminated) return 0;
    var records = UTF8ToString(p).split('\x1e');
    var first = 0;
    for (var i = 0; i < records.length; i++) {
      if (!records[i]) continue;
      var at = records[i].indexOf('\x1f');
      var element = records[i].slice(0, at), value = records[i].slice(at + 1);
      if (WBLMS.sent.get(element) === value) continue;
      if (WBLMS.call('SetValue', [element, value]) === 'true') WBLMS.sent.set(element, value);
      else first = first || WBLMS.lastError() || 101;
    }
    if (commit && WBLMS.call('Commit', ['']) !== 'true') first = first || WBLMS.lastError() || 101;
    if (terminate) {
      WBLMS.terminated = true;
      if (WBLMS.call('Terminate', ['']) !== 'true') first = first || WBLMS.lastError() || 101;
    }
    return first;
  },

  wb_js_lms_error_text__deps: ['$WBLMS'],
  wb_js_lms_error_text: function(code) {
    var text = WBLMS.api ? WBLMS.call('GetErrorString', [String(code)]) : '';
    return WBLMS.cstr(text === 'false' ? '' : text);
  },
});
