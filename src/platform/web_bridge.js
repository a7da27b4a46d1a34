// The DOM side of the platform layer (an emscripten --js-library).
//
// Index
//   WB            shared state and helpers
//   start-up      resize observer, device pixel ratio, hash, colour scheme, page lifecycle
//   text input    the hidden textarea for IME and on-screen keyboards; clipboard
//   storage       localStorage, with quota and unavailability reported, never thrown
//   semantics     the DOM mirror of the semantics tree, diffed by node id
//   misc          title, cursor, announcements, links, downloads, ready, fatal errors

mergeInto(LibraryManager.library, {
  $WB: {
    host: null, canvas: null, text: null, sem: null, live: null,
    nodes: null,        // Map: node id -> element of the semantics mirror
    withCString: function(str, fn) {
      var len = lengthBytesUTF8(str) + 1;
      var ptr = _malloc(len);
      stringToUTF8(str, ptr, len);
      try { return fn(ptr); } finally { _free(ptr); }
    },
    // The planner's code (workbook.deferred.wasm, see web/boot.js): asked for once the
    // first frame is up, so the chapter never waits for it, or at once (`now`) when
    // stored planner records are waiting for it. Resolves when it is in place.
    plannerCodePromise: null,
    plannerCode: function(now) {
      if (!WB.plannerCodePromise) {
        WB.plannerCodePromise = new Promise(function(resolve) {
          if (now || window.__appReady) resolve();
          else window.addEventListener('wb-ready', function() { resolve(); }, {once: true});
        }).then(function() {
          return Module['wbLoadDeferred'] && Module['wbLoadDeferred']();
        }).then(function() {
          _wb_planner_code(1, 0);
        }, function(e) {
          WB.withCString((e && e.message) || String(e), function(m) { _wb_planner_code(0, m); });
          throw e;
        });
      }
      return WB.plannerCodePromise;
    },
    newCString: function(str) {  // the caller (C) frees it
      var len = lengthBytesUTF8(str) + 1;
      var ptr = _malloc(len);
      stringToUTF8(str, ptr, len);
      return ptr;
    },
    // Where keyboard focus is: 0 outside the workbook, 1 the page itself, the
    // canvas or the hidden textarea, 2 a mirrored control, 3 a mirrored text field.
    focusKind: function() {
      var a = document.activeElement;
      if (!a || a === document.body || a === WB.canvas || a === WB.text) return 1;
      if (WB.sem && WB.sem.contains(a)) return (a.tagName === 'TEXTAREA' || a.tagName === 'INPUT') ? 3 : 2;
      return 0;
    },
    createSemElement: function(role, level) {
      var tags = {heading: 'h' + Math.min(Math.max(level, 1), 6), text: 'p', paragraph: 'p', textrun: 'span',
        link: 'a', button: 'button',
        checkbox: 'input', radio: 'input', textbox: 'input', textarea: 'textarea', main: 'main',
        navigation: 'nav', region: 'section', list: 'ul', listitem: 'li', slider: 'input', tab: 'button'};
      var el = document.createElement(tags[role] || 'div');
      if (role === 'checkbox' || role === 'radio') el.type = role;
      if (role === 'slider') el.type = 'range';
      if (role === 'textbox') el.type = 'text';
      if (role === 'link') el.href = '#';
      if (['dialog', 'status', 'progressbar', 'tablist', 'radiogroup', 'tab', 'group'].indexOf(role) >= 0) el.setAttribute('role', role);
      // The tree has no table or grid, and an ARIA row is invalid outside one
      // (axe: aria-required-parent/-children, critical): a row is a named group.
      if (role === 'row') el.setAttribute('role', 'group');
      el.__props = {};
      return el;
    },
    // Writes only what changed: an idle workbook makes no DOM writes.
    updateSemElement: function(el, role, flags, x, y, w, h, name, value, desc) {
      var p = el.__props;
      var box = x + ',' + y + ',' + w + ',' + h;
      if (p.box !== box) {
        p.box = box;
        el.style.left = x + 'px'; el.style.top = y + 'px'; el.style.width = w + 'px'; el.style.height = h + 'px';
      }
      if (p.name !== name) {
        p.name = name;
        // Roles whose name does not come from their content (a progressbar's text is not its name).
        var labelled = ['main', 'navigation', 'region', 'list', 'radiogroup', 'group', 'tablist', 'dialog',
                        'textbox', 'textarea', 'slider', 'checkbox', 'radio', 'progressbar', 'row'].indexOf(role) >= 0;
        // Paragraphs and list items hold their text in children (text runs, links).
        if (role === 'paragraph' || role === 'listitem') {}
        else if (!labelled) el.textContent = name;
        else if (name) el.setAttribute('aria-label', name);
        else el.removeAttribute('aria-label');
      }
      if ((role === 'textbox' || role === 'textarea') && p.value !== value) {
        p.value = value;
        if (el.value !== value) el.value = value;
      }
      if (role === 'progressbar' && p.value !== value) {
        p.value = value;
        // A percentage (0 to 100, the default range) or, failing that, words.
        if (value !== '' && isFinite(value)) { el.setAttribute('aria-valuenow', value); el.removeAttribute('aria-valuetext'); }
        else { el.removeAttribute('aria-valuenow'); if (value) el.setAttribute('aria-valuetext', value); else el.removeAttribute('aria-valuetext'); }
      }
      if (role === 'link' && p.value !== value) {
        p.value = value;
        el.setAttribute('href', /^(#\/|https?:)/.test(value) ? value : '#');
        if (/^https?:/.test(value)) el.setAttribute('target', '_blank'); else el.removeAttribute('target');
      }
      if (p.desc !== desc) {
        p.desc = desc;
        if (desc) el.setAttribute('aria-description', desc); else el.removeAttribute('aria-description');
      }
      if (p.flags !== flags) {
        p.flags = flags;
        if (role === 'checkbox' || role === 'radio') el.checked = !!(flags & 1);
        var attrs = [[8, 'aria-disabled', 'true'], [16, 'aria-invalid', 'true'], [64, 'aria-current', 'page'], [4, 'aria-expanded', 'true']];
        if (role === 'tab') el.setAttribute('aria-selected', flags & 2 ? 'true' : 'false');  // only tabs may carry it
        attrs.forEach(function(a) { if (flags & a[0]) el.setAttribute(a[1], a[2]); else el.removeAttribute(a[1]); });
      }
    },
    isControl: function(role) {
      return ['button', 'link', 'textbox', 'textarea', 'checkbox', 'radio', 'slider', 'tab'].indexOf(role) >= 0;
    },
    storage: function() {
      try { return window.localStorage; } catch (e) { return null; }  // blocked third-party storage throws
    },
    resize: function() {
      var dpr = window.devicePixelRatio || 1;
      var r = WB.host.getBoundingClientRect();
      // Backing store = CSS size x devicePixelRatio, so text is sharp at any zoom.
      var w = Math.max(1, Math.round(r.width * dpr)), h = Math.max(1, Math.round(r.height * dpr));
      if (WB.canvas.width !== w) WB.canvas.width = w;
      if (WB.canvas.height !== h) WB.canvas.height = h;
      _wb_on_resize();
    },
    watchDpr: function() {
      // Browser zoom changes devicePixelRatio; a media query on the current value fires once.
      var mq = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
      var onChange = function() { mq.removeEventListener('change', onChange); WB.resize(); WB.watchDpr(); };
      mq.addEventListener('change', onChange);
    },
  },

  // --- start-up ---------------------------------------------------------------
  wb_js_init__deps: ['$WB'],
  wb_js_init: function() {
    WB.host = document.getElementById('workbook');
    WB.canvas = document.getElementById('canvas');
    WB.text = document.getElementById('wb-text-input');
    WB.sem = document.getElementById('wb-semantics');
    WB.live = document.getElementById('wb-live');
    WB.nodes = new Map();
    new ResizeObserver(function() { WB.resize(); }).observe(WB.host);
    WB.watchDpr();
    window.addEventListener('hashchange', function() {
      WB.withCString(location.hash, function(p) { _wb_on_hash(p); });
    });
    var dark = window.matchMedia('(prefers-color-scheme: dark)');
    dark.addEventListener('change', function() { _wb_on_color_scheme(dark.matches ? 1 : 0); });
    // Save at once when the page is hidden or left: mobile browsers may never come back.
    document.addEventListener('visibilitychange', function() { if (document.visibilityState === 'hidden') _wb_save_now(); });
    window.addEventListener('pagehide', function() { _wb_save_now(); });
    // Another tab saved: merge its records into this one.
    window.addEventListener('storage', function(e) {
      if (e.key === null || /^networking-workbook\/(lms\/[^\/]*\/[^\/]*\/)?state$/.test(e.key)) _wb_on_storage_changed();
    });
    // A backup chosen for restoring: read it here, check it in the app.
    var file = document.getElementById('wb-file');
    file.addEventListener('change', function() {
      var f = file.files && file.files[0];
      if (!f) return;
      if (f.size > 32 * 1024 * 1024) {  // over the limit: say so without reading it
        WB.withCString(f.name, function(n) { WB.withCString('', function(t) { _wb_on_file(WB.filePurpose | 0, n, t); }); });
        return;
      }
      f.text().then(function(text) {
        WB.withCString(f.name, function(n) { WB.withCString(text, function(t) { _wb_on_file(WB.filePurpose | 0, n, t); }); });
      });
    });

    // Text typed into the hidden textarea goes to the focused ImGui field.
    var composing = false;
    WB.text.addEventListener('compositionstart', function() { composing = true; });
    WB.text.addEventListener('compositionend', function(e) {
      composing = false;
      if (e.data) WB.withCString(e.data, function(p) { _wb_on_text(p); });
      WB.text.value = '';
    });
    WB.text.addEventListener('input', function(e) {
      if (composing || e.isComposing) return;
      var v = WB.text.value;
      WB.text.value = '';
      if (v) WB.withCString(v, function(p) { _wb_on_text(p); });
    });
    document.addEventListener('paste', function(e) {
      if (WB.focusKind() !== 1) return;
      var t = (e.clipboardData && e.clipboardData.getData('text/plain')) || '';
      e.preventDefault();
      WB.withCString(t, function(p) { _wb_on_paste(p); });
    });

    // Semantics mirror: what a screen reader (or a keyboard) does to an element
    // reaches the app. Real mouse clicks (detail > 0) already went to the canvas.
    WB.sem.addEventListener('click', function(e) {
      var el = e.target.closest('[data-sem-id]');
      if (!el) return;
      e.preventDefault();  // the app follows links itself (one tab, one history entry)
      if (e.detail === 0) _wb_sem_activate(Number(el.dataset.semId));
    });
    // Focusing an element that is off the canvas makes the browser scroll the
    // mirror; the canvas cannot follow, so undo it: ImGui scrolls to the focused
    // control instead and the mirror moves with it on the next frame.
    WB.sem.addEventListener('scroll', function() { WB.sem.scrollTop = 0; WB.sem.scrollLeft = 0; });
    // A mouse press on a mirrored element is the canvas's business (the event
    // bubbles to the host, where ImGui gets it); keep DOM focus where it is, or
    // the focus request would move ImGui's focus in the middle of the click.
    WB.sem.addEventListener('mousedown', function(e) { e.preventDefault(); });
    WB.sem.addEventListener('focusin', function(e) {
      var el = e.target.closest('[data-sem-id]');
      if (!el) return;
      _wb_sem_focus(WB.isControl(el.dataset.role) ? Number(el.dataset.semId) : 0);
    });
    WB.sem.addEventListener('input', function(e) {
      var el = e.target;
      if (!el.dataset || !el.dataset.semId) return;
      WB.withCString(el.value, function(p) { _wb_sem_set_value(Number(el.dataset.semId), p); });
    });
    document.getElementById('wb-skip').addEventListener('click', function(e) {
      e.preventDefault();
      var main = WB.sem.querySelector('[data-role="main"] h1, [data-role="main"]');
      if (main) { main.setAttribute('tabindex', '-1'); main.focus(); }
    });
  },
  wb_js_dpr: function() { return window.devicePixelRatio || 1; },
  wb_js_now: function() { return Date.now(); },
  wb_js_stat: function(name, value) { (window.__wbStats || (window.__wbStats = {}))[UTF8ToString(name)] = value; },
  wb_js_today: function() { var d = new Date(); return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate(); },
  wb_js_tab_id__deps: ['$WB'],
  wb_js_tab_id: function() { return WB.newCString(Math.random().toString(36).slice(2, 10)); },
  wb_js_choose_file__deps: ['$WB'],
  wb_js_choose_file: function(purpose) {
    var input = document.getElementById('wb-file');
    WB.filePurpose = purpose;
    input.setAttribute('accept', purpose === 1 ? '.csv,.vcf,.vcard,text/csv,text/vcard' : '.json,application/json');
    input.value = '';
    input.click();
  },
  wb_js_request_persist: function() {
    if (!navigator.storage || !navigator.storage.persist) { _wb_on_persist(-1); return; }
    navigator.storage.persisted().then(function(already) {
      return already || navigator.storage.persist();
    }).then(function(granted) { _wb_on_persist(granted ? 1 : 0); }, function() { _wb_on_persist(-1); });
  },
  wb_js_css_size__deps: ['$WB'],
  wb_js_css_size: function(w, h) {
    var r = WB.host.getBoundingClientRect();
    HEAPF64[w >> 3] = r.width;
    HEAPF64[h >> 3] = r.height;
  },
  wb_js_prefers_dark: function() {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
  },
  wb_js_get_hash__deps: ['$WB'],
  wb_js_get_hash: function() { return location.hash ? WB.newCString(location.hash) : 0; },
  wb_js_push_hash: function(p) {
    var h = UTF8ToString(p);
    if (location.hash !== h) history.pushState(null, '', h);  // no hashchange: the app already moved
  },

  // --- text input -------------------------------------------------------------
  wb_js_focus_kind__deps: ['$WB'],
  wb_js_focus_kind: function() { return WB.focusKind(); },
  wb_js_text_input__deps: ['$WB'],
  wb_js_text_input: function(active, x, y, h) {
    if (active) {
      if (WB.focusKind() === 3) return;  // a mirrored field is the input already
      WB.text.style.left = x + 'px';
      WB.text.style.top = y + 'px';
      WB.text.style.height = Math.max(h, 1) + 'px';
      WB.text.focus({preventScroll: true});
    } else if (document.activeElement === WB.text) {
      WB.text.blur();
    }
  },
  wb_js_set_clipboard: function(p) {
    var t = UTF8ToString(p);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(function() {});
  },

  // --- storage ----------------------------------------------------------------
  wb_js_storage_available__deps: ['$WB'],
  wb_js_storage_available: function() {
    var s = WB.storage();
    if (!s) return 0;
    try { s.setItem('networking-workbook/probe', '1'); s.removeItem('networking-workbook/probe'); return 1; }
    catch (e) { return 0; }
  },
  wb_js_storage_get__deps: ['$WB'],
  wb_js_storage_get: function(k) {
    var s = WB.storage();
    if (!s) return 0;
    var v = null;
    try { v = s.getItem(UTF8ToString(k)); } catch (e) { return 0; }
    return v === null ? 0 : WB.newCString(v);
  },
  wb_js_storage_set__deps: ['$WB'],
  wb_js_storage_set: function(k, v) {
    var s = WB.storage();
    if (!s) return 2;
    try { s.setItem(UTF8ToString(k), UTF8ToString(v)); return 0; }
    catch (e) { return (e && (e.name === 'QuotaExceededError' || e.code === 22)) ? 1 : 2; }
  },

  // --- planner store (IndexedDB) ------------------------------------------------
  // The planner lives in IndexedDB, chunked: "meta" (everything but contacts)
  // and "c<N>" (contacts with id / 500 == N), so one edit rewrites one chunk.
  // Saves are read-merge-write under a Web Lock (when the browser has them) and
  // announced on a BroadcastChannel, so two tabs never lose each other's edits.
  wb_js_planner_load__deps: ['$WB', '$WBDB'],
  wb_js_planner_load: function() {
    WBDB.channel();
    var t0 = performance.now();
    WBDB.open().then(function(db) {
      // Stored records want the planner's code: fetch it while they are read.
      WBDB.request(db.transaction('planner', 'readonly').objectStore('planner').count()).then(function(n) {
        if (n > 0) WB.plannerCode(true).catch(function() {});
      }, function() {});
      return WBDB.getAll(db, 'planner').then(function(all) {
        (window.__wbStats || (window.__wbStats = {})).planner_read_ms = performance.now() - t0;
        return WB.plannerCode(all.size > 0).then(function() { return all; });
      }).then(function(all) {
        WBDB.raw = all;
        var n = 0;
        all.forEach(function(value, key) {
          n++;
          WB.withCString(key, function(k) { WB.withCString(String(value), function(v) { _wb_planner_part(k, v); }); });
        });
        var quarantine = _wb_planner_loaded(0, 0);
        (window.__wbStats || (window.__wbStats = {})).planner_load_ms = performance.now() - t0;
        if (quarantine) return WBDB.quarantine(db, all);
      });
    }).catch(function(e) {
      var msg = (e && e.message) || String(e);
      // Told once the planner's code is here; if it never comes, the planner already says so.
      return WB.plannerCode().then(function() {
        WB.withCString(msg, function(m) { _wb_planner_loaded(2, m); });
      }, function() {});
    }).finally(function() { WBDB.raw = null; });
  },
  // The fonts of other scripts (Greek, Cyrillic, more of Latin), not in the module:
  // fetched when learner text needs them. Their bytes stay in wasm memory for good
  // (the font atlas reads them at every rebuild). If they do not come, those
  // letters keep showing as "?".
  wb_js_fetch_extra_fonts__deps: ['$WB'],
  wb_js_fetch_extra_fonts: function() {
    var get = function(url) {
      return fetch(url, {credentials: 'same-origin'}).then(function(r) {
        if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
        return r.arrayBuffer();
      });
    };
    Promise.all([get('fonts/extra-regular.ttf'), get('fonts/extra-bold.ttf')]).then(function(fonts) {
      var ptrs = fonts.map(function(f) {
        var p = _malloc(f.byteLength);
        HEAPU8.set(new Uint8Array(f), p);
        return p;
      });
      _wb_extra_fonts(ptrs[0], fonts[0].byteLength, ptrs[1], fonts[1].byteLength);
    }).catch(function(e) {
      (window.__wbStats || (window.__wbStats = {})).extra_fonts_error = (e && e.message) || String(e);
    });
  },
  wb_js_planner_save__deps: ['$WB', '$WBDB'],
  wb_js_planner_save: function() { WBDB.save(); },
  wb_js_planner_download_quarantine__deps: ['$WB', '$WBDB'],
  wb_js_planner_download_quarantine: function() {
    WBDB.open().then(function(db) { return WBDB.getAll(db, 'quarantine'); }).then(function(all) {
      var doc = {};
      all.forEach(function(v, k) { doc[k] = v; });
      var blob = new Blob([JSON.stringify(doc)], {type: 'application/json'});
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'networking-workbook-unreadable-planner.json';
      document.body.appendChild(a);
      a.click();
      setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    });
  },
  $WBDB__deps: ['$WB'],
  $WBDB: {
    db: null, raw: null, saving: false, again: false, bc: null,
    name: 'networking-workbook',  // per LMS learner (wb_js_storage_scope in lms_bridge.js); null = not kept
    open: function() {
      if (WBDB.db) return WBDB.db;
      WBDB.db = new Promise(function(resolve, reject) {
        var req;
        if (!WBDB.name) { reject(new Error('your course system did not say who you are, so the planner is not kept in this browser')); return; }
        try { req = indexedDB.open(WBDB.name, 1); }
        catch (e) { reject(e); return; }  // no IndexedDB at all, or blocked in this frame
        req.onupgradeneeded = function() {
          req.result.createObjectStore('planner');
          req.result.createObjectStore('quarantine');  // damaged records, kept as found
        };
        req.onsuccess = function() { resolve(req.result); };
        req.onerror = function() { reject(req.error); };
        req.onblocked = function() { reject(new Error('another tab holds an older version of the database open')); };
      });
      WBDB.db.catch(function() { WBDB.db = null; });
      return WBDB.db;
    },
    request: function(r) {
      return new Promise(function(resolve, reject) { r.onsuccess = function() { resolve(r.result); }; r.onerror = function() { reject(r.error); }; });
    },
    getAll: function(db, store) {
      var tx = db.transaction(store, 'readonly'), s = tx.objectStore(store);
      return Promise.all([WBDB.request(s.getAllKeys()), WBDB.request(s.getAll())]).then(function(r) {
        var m = new Map();
        for (var i = 0; i < r[0].length; i++) m.set(String(r[0][i]), r[1][i]);
        return m;
      });
    },
    get: function(db, keys) {
      var tx = db.transaction('planner', 'readonly'), s = tx.objectStore('planner');
      return Promise.all(keys.map(function(k) { return WBDB.request(s.get(k)); })).then(function(vals) {
        var m = new Map();
        keys.forEach(function(k, i) { if (vals[i] !== undefined) m.set(k, vals[i]); });
        return m;
      });
    },
    // Keeps the records as they were found, once: an earlier quarantine is never replaced.
    quarantine: function(db, all) {
      return WBDB.getAll(db, 'quarantine').then(function(old) {
        if (old.size) return;
        var tx = db.transaction('quarantine', 'readwrite'), s = tx.objectStore('quarantine');
        all.forEach(function(v, k) { s.put(v, k); });
        return new Promise(function(resolve) { tx.oncomplete = resolve; tx.onerror = resolve; tx.onabort = resolve; });
      });
    },
    // Merges stored records into the app's planner (another tab wrote them).
    merge: function(stored) {
      stored.forEach(function(v, k) {
        WB.withCString(k, function(kp) { WB.withCString(String(v), function(vp) { _wb_planner_merge_part(kp, vp); }); });
      });
      _wb_planner_merge_done();
    },
    withLock: function(fn) {
      if (navigator.locks && navigator.locks.request) return navigator.locks.request((WBDB.name || '') + '-planner', fn);
      return Promise.resolve().then(fn);
    },
    save: function() {
      if (WBDB.saving) { WBDB.again = true; return; }
      WBDB.saving = true;
      var written = [];
      WBDB.withLock(function() {
        return WBDB.open().then(function(db) {
          var keys = UTF8ToString(_wb_planner_dirty_keys()).split(',').filter(Boolean);
          if (!keys.length) return;
          return WBDB.get(db, keys).then(function(stored) {
            var t0 = performance.now();
            WBDB.merge(stored);
            // Encode at the last moment, in the same task as the puts: edits made
            // after this point mark their chunk dirty again for the next save.
            keys = UTF8ToString(_wb_planner_dirty_keys()).split(',').filter(Boolean);
            var tx = db.transaction('planner', 'readwrite'), s = tx.objectStore('planner');
            keys.forEach(function(k) {
              var text = WB.withCString(k, function(kp) { return UTF8ToString(_wb_planner_encode(kp)); });
              if (text === '') s.delete(k); else s.put(text, k);
              written.push(k);
            });
            // Main-thread time of this save: merge, encode, hand to IndexedDB.
            (window.__wbStats || (window.__wbStats = {})).save_ms = performance.now() - t0;
            return new Promise(function(resolve, reject) {
              tx.oncomplete = resolve;
              tx.onerror = function() { reject(tx.error); };
              tx.onabort = function() { reject(tx.error || new Error('the save was aborted')); };
            });
          });
        });
      }).then(function() {
        _wb_planner_saved(0, 0);
        if (written.length && WBDB.bc) WBDB.bc.postMessage({keys: written});
      }, function(e) {
        var quota = e && (e.name === 'QuotaExceededError' || /quota/i.test(e.message || ''));
        WB.withCString((e && (e.name + ': ' + e.message)) || String(e), function(m) { _wb_planner_saved(quota ? 1 : 2, m); });
      }).finally(function() {
        WBDB.saving = false;
        if (WBDB.again) { WBDB.again = false; WBDB.save(); }
      });
    },
    channel: function() {
      if (WBDB.bc || typeof BroadcastChannel === 'undefined') return;
      WBDB.bc = new BroadcastChannel((WBDB.name || '') + '-planner');
      WBDB.bc.onmessage = function(e) {
        var keys = (e.data && e.data.keys) || [];
        if (!keys.length) return;
        WBDB.open().then(function(db) { return WBDB.get(db, keys); }).then(function(stored) { WBDB.merge(stored); });
      };
    },
  },

  // --- semantics ----------------------------------------------------------------
  // One node a record ('\x1e'), fields split by '\x1f':
  // id, parent, role, level, flags, x, y, w, h, name, value, desc.
  wb_js_sem_update__deps: ['$WB'],
  wb_js_sem_update: function(p) {
    var text = UTF8ToString(p);
    var seen = new Set();
    var lastChild = new Map();   // parent element -> last child placed this update
    var records = text ? text.split('\x1e') : [];
    for (var i = 0; i < records.length; i++) {
      if (!records[i]) continue;
      var f = records[i].split('\x1f');
      var id = f[0], role = f[2], level = +f[3], flags = +f[4];
      var key = role + (level || '');
      var el = WB.nodes.get(id);
      if (!el || el.__key !== key) {
        if (el) el.remove();
        el = WB.createSemElement(role, level);
        el.__key = key;
        el.dataset.semId = id;
        el.dataset.role = role;
        WB.nodes.set(id, el);
      }
      seen.add(id);
      var parent = f[1] !== '0' && WB.nodes.get(f[1]) || WB.sem;
      var prev = lastChild.get(parent) || null;
      var wanted = prev ? prev.nextSibling : parent.firstChild;
      if (el.parentNode !== parent || el !== wanted) parent.insertBefore(el, wanted);
      lastChild.set(parent, el);
      WB.updateSemElement(el, role, flags, +f[5], +f[6], +f[7], +f[8], f[9], f[10], f[11]);
    }
    WB.nodes.forEach(function(el, id) {
      if (!seen.has(id)) { el.remove(); WB.nodes.delete(id); }
    });
  },

  // The app moved focus (e.g. into the search field): follow it in the DOM.
  wb_js_sem_focus_element__deps: ['$WB'],
  wb_js_sem_focus_element: function(id) {
    var el = WB.nodes.get(String(id));
    if (el) el.focus({preventScroll: true});
  },

  // --- misc -------------------------------------------------------------------
  wb_js_set_title: function(p) { document.title = UTF8ToString(p); },
  wb_js_set_cursor__deps: ['$WB'],
  wb_js_set_cursor: function(p) { WB.host.style.cursor = UTF8ToString(p); },
  wb_js_announce__deps: ['$WB'],
  wb_js_announce: function(p) {
    var t = UTF8ToString(p);
    // Clear first so the same words are announced again when repeated.
    WB.live.textContent = '';
    setTimeout(function() { WB.live.textContent = t; }, 50);
  },
  wb_js_open_url: function(p) {
    var url = UTF8ToString(p);
    if (/^https?:\/\//.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
  },
  wb_js_download: function(name, mime, data) {
    var blob = new Blob([UTF8ToString(data)], {type: UTF8ToString(mime)});
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  },
  wb_js_app_ready: function() {
    document.documentElement.classList.add('wb-ready');
    window.__appReady = true;
    window.dispatchEvent(new Event('wb-ready'));
    WB.plannerCode().catch(function() {});  // the planner's module, now that the chapter shows
  },
  wb_js_fatal: function(p) {
    if (window.wbShowError) window.wbShowError(UTF8ToString(p));
  },
});
