// The course system (SCORM 1.2 / 2004) side of the platform (an emscripten
// --js-library next to web_bridge.js). Finds the LMS's API object, calls it,
// and never throws into the app: every failure becomes an error code.
//
// Discovery, as the SCORM run-time environment describes it: this window and
// up to 10 parents, then the opener and up to 10 of its parents. An object is
// taken for the version its methods belong to, whatever its name: some LMSs
// install one object with only the SCORM 1.2 methods as both API and
// API_1484_11. A 2004 API (Initialize, GetValue, SetValue, Commit) is preferred
// over a 1.2 one (LMSInitialize, LMSGetValue, LMSSetValue, LMSCommit) in the
// same window. Cross-origin windows are skipped (reading them throws).
// Finish/Terminate, GetLastError and GetErrorString may be missing: the
// session then simply ends with the last commit, and errors come from SetValue
// and Commit returning "false" and from reading values back.

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
    has: function(name) {
      try { return WBLMS.api && typeof WBLMS.api[WBLMS.fn(name)] === 'function'; } catch (e) { return false; }
    },
    call: function(name, args) {
      try {
        var f = WBLMS.api[WBLMS.fn(name)];
        return typeof f === 'function' ? String(f.apply(WBLMS.api, args || [])) : 'false';
      } catch (e) { return 'false'; }
    },
    lastError: function() {
      if (!WBLMS.has('GetLastError')) return 0;
      var code = parseInt(WBLMS.call('GetLastError'), 10);
      return isNaN(code) ? 101 : code;
    },
    // The version whose methods `obj` has (2004 first), or 0.
    versionOf: function(obj) {
      var all = function(names) { return names.every(function(n) { return typeof obj[n] === 'function'; }); };
      try {
        if (!obj || (typeof obj !== 'object' && typeof obj !== 'function')) return 0;
        if (all(['Initialize', 'GetValue', 'SetValue', 'Commit'])) return 2004;
        if (all(['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit'])) return 12;
      } catch (e) {}
      return 0;
    },
    // The first usable API found from win up its parents.
    search: function(win) {
      for (var i = 0; win && i <= 10; i++) {
        try {
          var a = win.API_1484_11, b = win.API;
          var va = WBLMS.versionOf(a), vb = WBLMS.versionOf(b);
          if (va === 2004) return {api: a, version: 2004};
          if (vb === 2004) return {api: b, version: 2004};
          if (vb === 12) return {api: b, version: 12};
          if (va === 12) return {api: a, version: 12};
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
    // Does the LMS hold exactly what was set? Text (status, suspend_data) must be the same string,
    // character for character: a prefix, the same length or an old value is not what was written.
    // A score may come back in the LMS's own notation ("100" as "100.00"): the same number, exactly.
    same: function(element, got, want) {
      if (got === want) return true;
      if (!/score\.raw$/.test(element)) return false;
      var num = /^-?\d+(\.\d+)?$/;
      return num.test(got) && num.test(want) && Number(got) === Number(want);
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

  // Reads one data model element; "" when the LMS has none or refuses.
  wb_js_lms_get__deps: ['$WBLMS'],
  wb_js_lms_get: function(p) {
    var element = UTF8ToString(p), value = '';
    if (WBLMS.api) {
      value = WBLMS.call('GetValue', [element]);
      if (WBLMS.lastError() !== 0) value = '';
    }
    return WBLMS.cstr(value);
  },

  // Where the package is served from: the course, as far as this page can tell.
  wb_js_lms_course__deps: ['$WBLMS'],
  wb_js_lms_course: function() {
    var path = '';
    try { path = location.pathname.replace(/[^\/]*$/, ''); } catch (e) {}
    return WBLMS.cstr(path);
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
    if (commit && WBLMS.has('Commit') && WBLMS.call('Commit', ['']) !== 'true') first = first || WBLMS.lastError() || 101;
    if (terminate) {
      WBLMS.terminated = true;
      // An LMS without Finish/Terminate: the last commit ended it.
      if (WBLMS.has('Terminate') && WBLMS.call('Terminate', ['']) !== 'true') first = first || WBLMS.lastError() || 101;
    }
    return first;
  },

  // values: "element\x1fvalue\x1e" records the LMS should now hold. Reads each back;
  // when one differs, every value is forgotten as sent (the next send sets them all again).
  // Returns how many differ.
  wb_js_lms_verify__deps: ['$WBLMS'],
  wb_js_lms_verify: function(p) {
    if (!WBLMS.api || WBLMS.terminated) return 0;
    var records = UTF8ToString(p).split('\x1e'), wrong = 0;
    for (var i = 0; i < records.length; i++) {
      if (!records[i]) continue;
      var at = records[i].indexOf('\x1f');
      var element = records[i].slice(0, at), value = records[i].slice(at + 1);
      var got = WBLMS.call('GetValue', [element]);
      if (!WBLMS.same(element, got, value)) wrong++;
    }
    // It lost what it said it took: nothing it "accepted" can be trusted, so all is set again next time.
    if (wrong) WBLMS.sent.clear();
    return wrong;
  },

  wb_js_lms_error_text__deps: ['$WBLMS'],
  wb_js_lms_error_text: function(code) {
    var text = WBLMS.has('GetErrorString') ? WBLMS.call('GetErrorString', [String(code)]) : '';
    return WBLMS.cstr(text === 'false' ? '' : text);
  },

  // Which device copy the workbook uses (web_bridge.js's planner database follows it):
  // "" = the standalone workbook's; else a learner's in a course; null-like "-" = none.
  wb_js_storage_scope__deps: ['$WBDB'],
  wb_js_storage_scope: function(p) {
    var scope = UTF8ToString(p);
    var name = scope === '-' ? null : scope === '' ? 'networking-workbook' : 'networking-workbook/' + scope;
    if (name !== WBDB.name) WBDB.db = null;  // a database opened early (WBDB.early) is not this learner's
    WBDB.name = name;
    // Whose stored data this is, for the page web/boot.js shows if the module stops.
    window.__wbScope = name ? {stateKey: scope === '' ? 'networking-workbook/state' : 'networking-workbook/' + scope + '/state', db: name} : null;
  },
});
