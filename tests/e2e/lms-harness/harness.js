// The LMS side for the end-to-end test: a scorm-again API (1.2 or 2004) on
// this window, the unzipped package's launch page in a same-origin iframe.
// Every call is recorded; any error scorm-again reports is kept in `errors`.
// `failing` makes SetValue and Commit refuse (error 101) until turned off.
// `stale` makes SetValue and Commit answer true (GetLastError 0) while keeping
// nothing: the next GetValue returns the old value (an LMS whose saves fail on
// its server). `mangle` makes the LMS keep suspend_data with every character
// beyond ASCII turned into '?' (a charset fault): SetValue says true, and what
// it holds has the same length but is not what was written. launch()'s options: `both12` installs one object with only the
// SCORM 1.2 methods as both API and API_1484_11; `noFinish` leaves
// LMSFinish/Terminate out of the installed object; `override` maps elements to
// what GetValue returns for them, whatever scorm-again holds.
(function () {
  'use strict';
  var NAMES = {
    12: ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
    2004: ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'],
  };
  var h = window.harness = { api: null, version: 0, calls: [], errors: [], logErrors: [], failing: false, stale: false, mangle: false, forced: null };

  h.launch = function (version, cmi, src, options) {
    options = options || {};
    h.version = version;
    h.calls = [];
    var settings = {
      autocommit: false, lmsCommitUrl: false, logLevel: 4,
      onLogMessage: function (level, msg) { if (level >= 4 || level === 'ERROR') h.logErrors.push(String(msg)); },
    };
    var api = version === 12 ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
    if (cmi) api.loadFromJSON(cmi);
    var names = NAMES[version];
    names.forEach(function (name) {
      var original = api[name].bind(api);
      api[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        var isError = name === names[5] || name === names[6] || name === names[7];
        if (isError && h.forced !== null) {
          if (name === names[5]) return h.forced;
          return original.apply(null, args);
        }
        if (!isError) h.forced = null;
        if (name === names[2] && options.override && Object.prototype.hasOwnProperty.call(options.override, args[0])) {
          h.calls.push({ fn: name, args: args.map(String) });
          return options.override[args[0]];  // what a careless LMS hands back, whatever it stored
        }
        h.calls.push({ fn: name, args: args.map(String) });
        if (h.failing && (name === names[3] || name === names[4])) {
          h.forced = '101';
          return 'false';
        }
        if (h.stale && (name === names[3] || name === names[4])) return 'true';
        if (h.mangle && name === names[3] && args[0] === 'cmi.suspend_data') args[1] = String(args[1]).replace(/[^\x00-\x7f]/g, '?');
        var result = original.apply(null, args);
        var code = String(api.lastErrorCode);
        // 403 on GetValue is SCORM 2004's answer "nothing stored yet" (the workbook reads suspend_data,
        // location and score whatever cmi.entry says), not a fault of the caller.
        if (!isError && code !== '0' && !(name === names[2] && code === '403')) h.errors.push({ fn: name, args: args.map(String), code: code, result: String(result) });
        return result;
      };
    });
    delete window.API;
    delete window.API_1484_11;
    var installed = api;
    if (options.both12 || options.noFinish) {
      // A plain object with only this version's methods (the wrapped ones above).
      installed = {};
      names.forEach(function (name) { installed[name] = api[name]; });
      if (options.noFinish) delete installed[names[1]];
    }
    if (options.both12) { window.API = installed; window.API_1484_11 = installed; }
    else if (version === 12) window.API = installed; else window.API_1484_11 = installed;
    h.api = api;
    document.getElementById('sco').src = src;
  };
  h.count = function (name) { return h.calls.filter(function (c) { return c.fn === name; }).length; };
  h.get = function (element) { return String(h.api.getCMIValue(element)); };
  // What the LMS would store (write-only elements included), as plain JSON.
  h.stored = function () { return h.api.renderCMIToJSONObject(); };
})();
