// The DOM side of the platform layer (an emscripten --js-library).
//
// Index
//   WB            shared state and helpers
//   start-up      resize observer, device pixel ratio, hash, colour scheme, page lifecycle
//   text fields   the mirrored <input>/<textarea> is the field's editor: pointer focus, selection, limits; clipboard
//   storage       localStorage, with quota and unavailability reported, never thrown
//   planner store IndexedDB: chunked records, read-merge-write under a Web Lock, quarantine
//   semantics     the DOM mirror of the semantics tree, diffed by node id
//   misc          title, cursor, announcements, links, downloads, ready, fatal errors

mergeInto(LibraryManager.library, {
  $WB: {
    host: null, canvas: null, sem: null, live: null,
    nodes: null,        // Map: node id -> element of the semantics mirror
    // A file to keep. exact: the text's UTF-16 units as they are, lone surrogates
    // included (encoded as their 3-byte sequences; a Blob would replace them).
    saveFile: function(name, mime, text, exact) {
      var data = text;
      if (exact && /[\ud800-\udfff]/.test(text)) {
        var out = [];
        for (var i = 0; i < text.length; i++) {
          var c = text.charCodeAt(i);
          if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
            var d = text.charCodeAt(i + 1);
            if (d >= 0xdc00 && d < 0xe000) {
              c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
              i++;
            }
          }
          if (c < 0x80) out.push(c);
          else if (c < 0x800) out.push(0xc0 | c >> 6, 0x80 | c & 63);
          else if (c < 0x10000) out.push(0xe0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63);
          else out.push(0xf0 | c >> 18, 0x80 | c >> 12 & 63, 0x80 | c >> 6 & 63, 0x80 | c & 63);
        }
        data = new Uint8Array(out);
      }
      var a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([data], {type: mime}));
      a.download = name;
      document.body.appendChild(a);
      a.click();
      setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    },
    describe: function(e) { return (e && e.name ? e.name + ': ' + e.message : String(e && e.message || e)); },
    withCString: function(str, fn) {
      var len = lengthBytesUTF8(str) + 1;
      var ptr = _malloc(len);
      stringToUTF8(str, ptr, len);
      try { return fn(ptr, len - 1); } finally { _free(ptr); }  // the byte length: text may hold NULs
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
    // Where keyboard focus is: 0 outside the workbook, 1 the page itself or the
    // canvas, 2 a mirrored control, 3 a mirrored text field (or another input),
    // 4 a radio button (its group's arrow keys are the browser's).
    focusKind: function() {
      var a = document.activeElement;
      if (!a || a === document.body || a === WB.canvas) return 1;
      if (WB.sem && WB.sem.contains(a)) {
        if (a.type === 'radio') return 4;
        return (a.tagName === 'TEXTAREA' || a.tagName === 'INPUT') ? 3 : 2;
      }
      return 0;
    },
    createSemElement: function(role, level) {
      var tags = {heading: 'h' + Math.min(Math.max(level, 1), 6), text: 'p', paragraph: 'p', textrun: 'span',
        link: 'a', button: 'button',
        checkbox: 'input', radio: 'input', textbox: 'input', textarea: 'textarea', main: 'main',
        navigation: 'nav', region: 'section', list: 'ul', listitem: 'li', slider: 'input'};
      var el = document.createElement(tags[role] || 'div');
      if (role === 'checkbox' || role === 'radio') el.type = role;
      if (role === 'slider') el.type = 'range';
      if (role === 'textbox') el.type = 'text';
      if (role === 'link') el.href = '#';
      if (['dialog', 'status', 'progressbar', 'radiogroup', 'group', 'table', 'row', 'columnheader', 'rowheader',
           'cell'].indexOf(role) >= 0) el.setAttribute('role', role);
      el.__props = {};
      return el;
    },
    // Writes only what changed: an idle workbook makes no DOM writes.
    updateSemElement: function(el, role, flags, x, y, w, h, name, value, desc, max) {
      var p = el.__props;
      var box = x + ',' + y + ',' + w + ',' + h;
      p.max = max;
      if (p.box !== box) {
        p.box = box;
        p.rect = [x, y, w, h];
        el.style.left = x + 'px'; el.style.top = y + 'px'; el.style.width = w + 'px'; el.style.height = h + 'px';
      }
      if (p.name !== name) {
        p.name = name;
        // Roles whose name does not come from their content (a progressbar's text is not its name).
        var labelled = ['main', 'navigation', 'region', 'list', 'radiogroup', 'group', 'dialog', 'table', 'row',
                        'textbox', 'textarea', 'slider', 'checkbox', 'radio', 'progressbar'].indexOf(role) >= 0;
        // Paragraphs, list items and row headers hold their text in children (text runs, links).
        if (role === 'paragraph' || role === 'listitem' || role === 'rowheader') {}
        else if (!labelled) el.textContent = name;
        else if (name) el.setAttribute('aria-label', name);
        else el.removeAttribute('aria-label');
      }
      if ((role === 'textbox' || role === 'textarea') && p.value !== value) {
        p.value = value;
        // Only a change the app made itself is written back (writing resets the
        // element's undo history); never in the middle of an IME composition.
        if (el.value !== value && !(WB.comp && el === document.activeElement)) el.value = value;
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
        var attrs = [[8, 'aria-disabled', 'true'], [16, 'aria-invalid', 'true'], [64, 'aria-current', 'page']];
        attrs.forEach(function(a) { if (flags & a[0]) el.setAttribute(a[1], a[2]); else el.removeAttribute(a[1]); });
        // A disclosure button: 4 open, 2 closed, neither not a disclosure.
        if (flags & 6) el.setAttribute('aria-expanded', flags & 4 ? 'true' : 'false'); else el.removeAttribute('aria-expanded');
        // Scrolled wholly out of view: under the controls in view (style.css).
        el.classList.toggle('wb-out', !!(flags & 256));
        if (flags & 512) el.setAttribute('data-skip-target', ''); else el.removeAttribute('data-skip-target');
        if (flags & 1024) el.setAttribute('data-grid', ''); else el.removeAttribute('data-grid');
      }
    },
    // --- text fields: the mirrored element is the editor (see ui/text_field.cpp).
    isTextField: function(el) {
      return !!(el && el.dataset && (el.dataset.role === 'textbox' || el.dataset.role === 'textarea'));
    },
    // Offsets cross the bridge as UTF-8 bytes (the model's strings); the DOM counts UTF-16 units.
    u16to8: function(s, i) { return lengthBytesUTF8(s.slice(0, i)); },
    u8to16: function(s, n) {
      var bytes = 0, i = 0;
      while (i < s.length && bytes < n) {
        var c = s.codePointAt(i);
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        i += c >= 0x10000 ? 2 : 1;
      }
      return i;
    },
    comp: null,          // IME composition in the focused field: {start} in UTF-16 units, and its text
    editSent: '',
    // Tells the app which field holds DOM focus and where its selection is (only when that changed).
    sendEdit: function() {
      var el = document.activeElement;
      if (!WB.isTextField(el) || !WB.sem.contains(el)) {
        if (WB.editSent !== '0') { WB.editSent = '0'; _wb_sem_edit(0, 0, 0, 0, 0, 0); }
        return;
      }
      var v = el.value, a = el.selectionStart | 0, b = el.selectionEnd | 0;
      var cs = 0, ce = 0;
      if (WB.comp) { cs = WB.u16to8(v, WB.comp.start); ce = cs + lengthBytesUTF8(WB.comp.text); }
      var args = [Number(el.dataset.semId), WB.u16to8(v, a), WB.u16to8(v, b), el.selectionDirection === 'backward' ? 1 : 0, cs, ce];
      var key = args.join(',');
      if (key === WB.editSent) return;
      WB.editSent = key;
      _wb_sem_edit.apply(null, args);
    },
    // The mirrored text field drawn under a point (CSS px in the workbook), or null.
    fieldAt: function(x, y) {
      var hit = null;
      WB.sem.querySelectorAll('[data-role=textbox],[data-role=textarea]').forEach(function(el) {
        var b = el.__props.rect;
        if (b && x >= b[0] && y >= b[1] && x < b[0] + b[2] && y < b[1] + b[3]) hit = el;
      });
      return hit;
    },
    // Focus from the pointer: the app already has the press (it places the caret), so
    // the focus is not sent back as a request to move ImGui's focus.
    pointerFocus: false,
    focusField: function(el) {
      if (document.activeElement === el) return;
      WB.pointerFocus = true;
      try { el.focus({preventScroll: true}); } finally { WB.pointerFocus = false; }
    },
    // A press at (clientX, clientY): on a field, focus its editor now, inside the
    // user's gesture (a phone opens its keyboard only then); elsewhere, a field
    // that had focus gives it up to the canvas.
    pointerDown: function(cx, cy) {
      _wb_sem_focus_visible(0);  // a pointer user sees no focus ring (as :focus-visible)
      var r = WB.host.getBoundingClientRect();
      var el = WB.fieldAt(cx - r.left, cy - r.top);
      if (el) { WB.focusField(el); return true; }
      if (WB.isTextField(document.activeElement)) WB.canvas.focus({preventScroll: true});
      return false;
    },
    // The mirror's keyboard stops, in page order.
    focusables: function() {
      return Array.prototype.filter.call(WB.sem.querySelectorAll('a[href], button, input, textarea'), function(el) {
        return !el.disabled && el.dataset.semId;
      });
    },
    // Focus on an element that is no Tab stop (a heading, a verdict): the app
    // or a skip link puts it there; it stays out of the Tab order.
    focusText: function(el, scroll) {
      if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
      el.focus({preventScroll: !scroll});
    },
    isControl: function(role) {
      return ['button', 'link', 'textbox', 'textarea', 'checkbox', 'radio', 'slider'].indexOf(role) >= 0;
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
    WB.sem = document.getElementById('wb-semantics');
    WB.live = document.getElementById('wb-live');
    WB.nodes = new Map();
    new ResizeObserver(function() { WB.resize(); }).observe(WB.host);
    WB.watchDpr();
    window.addEventListener('hashchange', function() {
      WB.withCString(location.hash, function(p) { _wb_on_hash(p); });
    });
    var dark = window.matchMedia('(prefers-color-scheme: dark)');
    dark.addEventListener('change', function() { _wb_on_color_scheme(dark.matches ? 1 : 0); _wb_on_forced_colors(); });
    window.matchMedia('(forced-colors: active)').addEventListener('change', function() { _wb_on_forced_colors(); });
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
      // Over the limit (state.h: kMaxBackupBytes for a backup, 32 MB for an import): say so without reading it.
      if (f.size > (WB.filePurpose ? 32 : 256) * 1024 * 1024) {
        WB.withCString(f.name, function(n) { WB.withCString('', function(t) { _wb_on_file(WB.filePurpose | 0, n, t, 0); }); });
        return;
      }
      f.text().then(function(text) {
        // With its length: a NUL in the file must not end it.
        WB.withCString(f.name, function(n) { WB.withCString(text, function(t, len) { _wb_on_file(WB.filePurpose | 0, n, t, len); }); });
      });
    });

    // Text fields. A press on a field focuses its mirrored element at once (see
    // pointerDown); the browser then edits it, and its value and selection are
    // reported to the app, which draws them.
    WB.host.addEventListener('mousedown', function(e) {
      if (e.button === 0 && WB.pointerDown(e.clientX, e.clientY)) e.preventDefault();  // keep the focus just given
    }, true);
    var touch0 = null;
    WB.host.addEventListener('touchstart', function(e) {
      var t = e.touches[0];
      touch0 = e.touches.length === 1 ? {x: t.clientX, y: t.clientY} : null;
    }, {capture: true, passive: true});
    WB.host.addEventListener('touchend', function(e) {
      var t = e.changedTouches[0];
      if (touch0 && t && Math.abs(t.clientX - touch0.x) < 10 && Math.abs(t.clientY - touch0.y) < 10) WB.pointerDown(t.clientX, t.clientY);
      touch0 = null;
    }, {capture: true, passive: true});
    document.addEventListener('selectionchange', function() { WB.sendEdit(); });
    WB.sem.addEventListener('select', function() { WB.sendEdit(); });
    WB.sem.addEventListener('focusout', function(e) {
      if (!WB.isTextField(e.relatedTarget)) { WB.comp = null; WB.sendEdit(); }
    });
    WB.sem.addEventListener('compositionstart', function(e) {
      var el = e.target;
      WB.comp = {start: Math.min(el.selectionStart, el.selectionEnd), text: ''};
    });
    WB.sem.addEventListener('compositionupdate', function(e) {
      if (WB.comp) { WB.comp.text = e.data || ''; WB.sendEdit(); }
    });
    WB.sem.addEventListener('compositionend', function() { WB.comp = null; WB.sendEdit(); });
    // Limits: an edit that would take a field past its most characters is refused
    // whole, and the field says why (what was there stays).
    WB.sem.addEventListener('beforeinput', function(e) {
      var el = e.target;
      if (!WB.isTextField(el) || !e.cancelable) return;
      var max = el.__props.max | 0;
      var add = e.data != null ? e.data : (e.dataTransfer ? e.dataTransfer.getData('text/plain') : '');
      if (!max || !add) return;
      var wanted = el.value.length - Math.abs(el.selectionEnd - el.selectionStart) + add.length;
      if (wanted > max) {
        e.preventDefault();
        _wb_sem_refused(Number(el.dataset.semId), wanted, max);
      }
    });
    WB.sem.addEventListener('keydown', function(e) {
      var el = e.target;
      if (e.key === 'Enter' && !e.isComposing && el.dataset && el.dataset.role === 'textbox') _wb_sem_submit(Number(el.dataset.semId));
      // A calendar's days: the app moves by day, week and month (codes: wb::GridKey).
      if (el.type === 'radio' && el.closest('[data-grid]') && !e.altKey && !e.ctrlKey && !e.metaKey) {
        var code = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', 'Escape',
                    'Enter'].indexOf(e.key) + 1;
        if (code > 0) {
          e.preventDefault();
          e.stopPropagation();
          _wb_sem_key(Number(el.dataset.semId), code);
        }
      }
    });
    // A phone's on-screen keyboard covers the bottom of the window: the workbook
    // then fits the part left visible, and the focused field scrolls into it.
    if (window.visualViewport) {
      var vv = window.visualViewport;
      var fit = function() {
        var covered = vv.height < window.innerHeight - 1;
        WB.host.style.top = covered ? vv.offsetTop + 'px' : '';
        WB.host.style.height = covered ? vv.height + 'px' : '';
        WB.host.style.bottom = covered ? 'auto' : '';
      };
      vv.addEventListener('resize', fit);
      vv.addEventListener('scroll', fit);
    }

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
    WB.host.addEventListener('scroll', function() { WB.host.scrollTop = 0; WB.host.scrollLeft = 0; });
    // A mouse press on a mirrored element is the canvas's business (the event
    // bubbles to the host, where ImGui gets it); keep DOM focus where it is, or
    // the focus request would move ImGui's focus in the middle of the click.
    WB.sem.addEventListener('mousedown', function(e) { e.preventDefault(); });
    WB.sem.addEventListener('focusin', function(e) {
      var el = e.target.closest('[data-sem-id]');
      if (!el) return;
      if (WB.isTextField(el)) WB.sendEdit();
      var visible = false;
      try { visible = el.matches(':focus-visible'); } catch (err) {}
      _wb_sem_focus_visible(visible && !WB.pointerFocus ? 1 : 0);
      if (WB.pointerFocus) return;  // the app has the press itself
      _wb_sem_focus(WB.isControl(el.dataset.role) ? Number(el.dataset.semId) : 0);
    });
    WB.sem.addEventListener('input', function(e) {
      var el = e.target;
      if (!el.dataset || !el.dataset.semId) return;
      var max = el.__props.max | 0;
      if (max && el.value.length > max) {  // an edit that could not be refused before (IME): cut, and say so
        _wb_sem_refused(Number(el.dataset.semId), el.value.length, max);
        el.value = el.value.slice(0, max);
      }
      // Control characters (a paste can carry them) have no place in a name or a note:
      // removed here, where typed text enters the model; tab and newline stay in text areas.
      var stray = el.tagName === 'TEXTAREA' ? /[\x00-\x08\x0b-\x1f\ufffe\uffff]/g : /[\x00-\x1f\ufffe\uffff]/g;
      if (stray.test(el.value)) el.value = el.value.replace(stray, '');
      WB.withCString(el.value, function(p) { _wb_sem_set_value(Number(el.dataset.semId), p); });
      WB.sendEdit();
    });
    document.getElementById('wb-skip').addEventListener('click', function(e) {
      e.preventDefault();
      var main = WB.sem.querySelector('[data-role="main"] h1, [data-role="main"]');
      if (main) WB.focusText(main, true);
    });
    // "Skip to the quiz": onto the quiz's first control (the app scrolls it into view).
    document.getElementById('wb-skip-quiz').addEventListener('click', function(e) {
      e.preventDefault();
      var quiz = WB.sem.querySelector('[data-skip-target]');
      var first = quiz && WB.focusables().filter(function(el) { return quiz.contains(el); })[0];
      if (first) first.focus();
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
  // Under forced colors, the system's palette as RGBA bytes (ImU32, red lowest):
  // Canvas, CanvasText, LinkText, Highlight, HighlightText, ButtonFace, ButtonText, GrayText.
  wb_js_forced_colors: function(out) {
    if (!window.matchMedia || !window.matchMedia('(forced-colors: active)').matches) return 0;
    var probe = document.createElement('span');
    probe.style.forcedColorAdjust = 'none';
    document.body.appendChild(probe);
    ['Canvas', 'CanvasText', 'LinkText', 'Highlight', 'HighlightText', 'ButtonFace', 'ButtonText', 'GrayText'].forEach(function(k, i) {
      probe.style.color = k;
      var m = getComputedStyle(probe).color.match(/[\d.]+/g) || [0, 0, 0];
      HEAPU32[(out >> 2) + i] = ((+m[0]) | (+m[1] << 8) | (+m[2] << 16) | (255 << 24)) >>> 0;
    });
    probe.remove();
    return 1;
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

  // --- text fields --------------------------------------------------------------
  wb_js_focus_kind__deps: ['$WB'],
  wb_js_focus_kind: function() { return WB.focusKind(); },
  // The app placed the caret or a selection with the pointer (UTF-8 offsets).
  wb_js_sem_select__deps: ['$WB'],
  wb_js_sem_select: function(id, start, end, backward) {
    var el = WB.nodes.get(String(id >>> 0));  // C passes ids as int32
    if (!WB.isTextField(el)) return;
    WB.focusField(el);
    var v = el.value;
    try { el.setSelectionRange(WB.u8to16(v, start), WB.u8to16(v, end), backward ? 'backward' : 'forward'); } catch (e) {}
    WB.sendEdit();
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
    var early = WBDB.early && WBDB.early.name === WBDB.name && !WBDB.settingAside ? WBDB.early.all : null;
    WBDB.early = null;
    (WBDB.settingAside || Promise.resolve()).then(function() { return WBDB.open(); }).then(function(db) {
      // Stored records want the planner's code: fetch it while they are read.
      WBDB.request(db.transaction('planner', 'readonly').objectStore('planner').count()).then(function(n) {
        if (n > 0) WB.plannerCode(true).catch(function() {});
      }, function() {});
      return (early || WBDB.getAll(db, 'planner')).then(function(all) {
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
        if (quarantine) {
          WBDB.damaged = all;
          WBDB.keepDamaged();
          return WBDB.keeping;
        }
      });
    }).catch(function(e) {
      var msg = (e && e.message) || String(e);
      // Told once the planner's code is here; if it never comes, the planner already says so.
      return WB.plannerCode().then(function() {
        WB.withCString(msg, function(m) { _wb_planner_loaded(2, m); });
      }, function() {});
    }).finally(function() { WBDB.raw = null; });
  },
  // Words in scripts the module's fonts lack (ui/text_runs.h): the browser's own
  // text engine shapes and orders them and finds a system font; the app keeps
  // the images. A character no font has is drawn as a box naming its code point.
  wb_js_run_measure__deps: ['$WBText'],
  wb_js_run_measure: function(ptr, len, face, px, rtl) {
    var c = WBText.context(1, 1);
    c.font = WBText.font(face, px);
    c.direction = rtl ? 'rtl' : 'ltr';
    return c.measureText(UTF8ToString(ptr, len)).width;
  },
  wb_js_run_draw__deps: ['$WBText', '$GL'],
  wb_js_run_draw: function(ptr, len, face, px, rtl, rgb, tex, x, y, w, h, penX, baseline) {
    var text = UTF8ToString(ptr, len);
    var c = WBText.context(w, h);
    c.clearRect(0, 0, w, h);
    var colour = '#' + ('00000' + rgb.toString(16)).slice(-6);
    c.fillStyle = colour;
    c.strokeStyle = colour;
    c.font = WBText.font(face, px);
    c.direction = rtl ? 'rtl' : 'ltr';
    c.textAlign = 'left';
    // Characters no font has: in the room the browser measured for them (its
    // missing-glyph box), a box naming the code point; the rest as written.
    var missing = [], at = 0;
    for (var ch of text) {
      var cp = ch.codePointAt(0);
      if (!(cp <= 0x24F || WBText.attached(cp) || WBText.canDraw(cp))) missing.push({cp: cp, at: at});
      at += ch.length;
    }
    if (!missing.length) {
      c.fillText(text, penX, baseline);
    } else {
      var from = 0, x0 = penX;
      var drawTo = function(end) {
        var part = text.slice(from, end);
        if (part) c.fillText(part, x0, baseline);
        x0 += c.measureText(part).width;
      };
      missing.forEach(function(m) {
        drawTo(m.at);
        var ch = String.fromCodePoint(m.cp), cw = c.measureText(ch).width;
        WBText.box(c, m.cp, x0, cw, baseline, px);
        c.font = WBText.font(face, px);
        x0 += cw;
        from = m.at + ch.length;
      });
      drawTo(text.length);
    }
    var pixels = c.getImageData(0, 0, w, h);
    GLctx.bindTexture(GLctx.TEXTURE_2D, GL.textures[tex]);
    GLctx.texSubImage2D(GLctx.TEXTURE_2D, 0, x, y, GLctx.RGBA, GLctx.UNSIGNED_BYTE, pixels);
    return missing.length;
  },
  $WBText: {
    ctx: null, probe: null, drawable: null, notdef: null,  // drawable: code point -> bool, made at first use
    font: function(face, px) {
      return (face === 2 ? 'italic ' : '') + (face === 1 ? 'bold ' : '') + px + 'px sans-serif';
    },
    context: function(w, h) {
      if (!WBText.ctx) WBText.ctx = document.createElement('canvas').getContext('2d', {willReadFrequently: true});
      var cv = WBText.ctx.canvas;
      if (cv.width < w || cv.height < h) {
        cv.width = Math.max(cv.width, w);
        cv.height = Math.max(cv.height, h);
      }
      return WBText.ctx;
    },
    // Marks, joiners, selectors and tags have no glyph of their own to check.
    attached: function(cp) {
      return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
        (cp >= 0x2060 && cp <= 0x206F) || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0000 && cp <= 0xE01EF) ||
        cp === 0xFEFF || /\p{M}/u.test(String.fromCodePoint(cp));
    },
    // The pixels of one character: a character no font has draws as the
    // missing-glyph box, the same pixels as a code point nobody assigns.
    pixels: function(ch) {
      if (!WBText.probe) {
        WBText.probe = document.createElement('canvas').getContext('2d', {willReadFrequently: true});
        WBText.probe.canvas.width = WBText.probe.canvas.height = 24;
      }
      var c = WBText.probe;
      c.clearRect(0, 0, 24, 24);
      c.font = '16px sans-serif';
      c.fillStyle = '#000';
      c.fillText(ch, 0, 18);
      return {width: c.measureText(ch).width, data: c.getImageData(0, 0, 24, 24).data};
    },
    canDraw: function(cp) {
      if (!WBText.drawable) WBText.drawable = new Map();
      var known = WBText.drawable.get(cp);
      if (known !== undefined) return known;
      if (!WBText.notdef) WBText.notdef = WBText.pixels(String.fromCodePoint(0x10FFFD));
      var mine = WBText.pixels(String.fromCodePoint(cp)), n = WBText.notdef;
      var same = mine.width === n.width;
      for (var i = 3; same && i < mine.data.length; i += 4) same = mine.data[i] === n.data[i];
      WBText.drawable.set(cp, !same);
      return !same;
    },
    box: function(c, cp, x, width, baseline, px) {
      var hex = cp.toString(16).toUpperCase().padStart(4, '0'), top = baseline - px * 0.78, h = px * 0.92;
      c.lineWidth = Math.max(1, px / 16);
      c.strokeRect(x + 1, top, Math.max(2, width - 2), h);
      var size = Math.min(px * 0.42, (width - 2) / (hex.length * 0.62));  // the code point fits the box
      c.font = Math.max(4, size) + 'px sans-serif';
      c.direction = 'ltr';
      c.textAlign = 'center';
      c.fillText(hex, x + width / 2, top + h * 0.62);
      c.textAlign = 'left';
    },
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
  $WBDB__deps: ['$WB'],
  $WBDB__postset: 'WBDB.readEarly();',
  $WBDB: {
    db: null, raw: null, saving: false, again: false, bc: null, early: null, damaged: null, keeping: null, settingAside: null,
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
    // The planner's records, read while the module compiles (the main thread is free
    // then; at main() it is busy with the first frame): wb_js_planner_load takes them
    // if it opens the same database. Not in a frame or a window another opened: a
    // course system's, where the database is the learner's (lms_bridge.js).
    readEarly: function() {
      try { if (window.parent !== window || window.opener || !window.indexedDB) return; }
      catch (e) { return; }  // storage blocked: the load says so
      var all = WBDB.open().then(function(db) { return WBDB.getAll(db, 'planner'); });
      all.catch(function() {});  // the load reads again, and says what went wrong
      WBDB.early = {name: WBDB.name, all: all};
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
    // Keeps records as they were found, dated, beside any kept before (never over
    // them). Resolves once they are stored; rejects when they could not be.
    keepAside: function(kind, records) {
      var at = Date.now();
      var key = 'kept/' + new Date(at).toISOString() + '/' + kind + '/' + Math.random().toString(36).slice(2, 8);
      return WBDB.open().then(function(db) {
        return new Promise(function(resolve, reject) {
          var tx = db.transaction('quarantine', 'readwrite');
          tx.objectStore('quarantine').put({kind: kind, at: at, records: records}, key);
          tx.oncomplete = resolve;
          tx.onerror = function() { reject(tx.error); };
          tx.onabort = function() { reject(tx.error || new Error('keeping the copy was aborted')); };
        });
      });
    },
    // The planner's damaged records, until a copy is kept: no save may write over them.
    keepDamaged: function() {
      var records = {};
      WBDB.damaged.forEach(function(v, k) { records[k] = v; });
      WBDB.keeping = WBDB.keepAside('planner', records).then(function() {
        WBDB.damaged = null;
      }, function(e) {
        WB.withCString(WB.describe(e), function(m) { _wb_planner_saved(3, m); });  // the app says why nothing is saved
      }).finally(function() {
        WBDB.keeping = null;
        if (WBDB.again && !WBDB.damaged) { WBDB.again = false; WBDB.save(); }
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
      if (WBDB.saving || WBDB.keeping) { WBDB.again = true; return; }
      if (WBDB.damaged) {  // the copy could not be kept yet: try again, and save only once it is
        WBDB.again = true;
        WBDB.keepDamaged();
        return;
      }
      WBDB.saving = true;
      (window.__wbStats || (window.__wbStats = {})).planner_saving = 1;
      var written = [];
      WBDB.withLock(function() {
        return WBDB.open().then(function(db) {
          var dirty = function() { return UTF8ToString(_wb_planner_dirty_keys()).split(',').filter(Boolean); };
          var read = {}, t0 = 0;
          // Read what is stored at the keys to write and merge it; a merge that moved
          // our new records to other ids (another tab had used theirs) dirties more
          // keys, which are read too before anything is written over them.
          var readMerge = function(keys) {
            keys.forEach(function(k) { read[k] = 1; });
            return WBDB.get(db, keys).then(function(stored) {
              t0 = performance.now();
              WBDB.merge(stored);
              var more = dirty().filter(function(k) { return !read[k]; });
              return more.length ? readMerge(more) : null;
            });
          };
          var keys = dirty();
          if (!keys.length) return;
          return readMerge(keys).then(function() {
            // Encode at the last moment, in the same task as the puts: edits made
            // after this point mark their chunk dirty again for the next save.
            keys = dirty();
            var tx = db.transaction('planner', 'readwrite'), s = tx.objectStore('planner');
            try {
              keys.forEach(function(k) {
                var text = WB.withCString(k, function(kp) { return UTF8ToString(_wb_planner_encode(kp)); });
                if (text === '') s.delete(k); else s.put(text, k);
                written.push(k);
              });
            } catch (e) {
              tx.abort();  // all of this save or none of it: a restore depends on it
              throw e;
            }
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
        window.__wbStats.planner_saving = 0;
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
  // id, parent, role, level, flags, max chars, x, y, w, h, name, value, desc.
  // Texts carry ESC, the separators and NUL escaped as ESC + 0..3 (core/mirror_wire.h;
  // tests/fuzz/mirror_wire.cpp checks this reading against the writer).
  wb_js_sem_update__deps: ['$WB'],
  wb_js_sem_update: function(p) {
    var text = UTF8ToString(p);
    var chars = ['\x1b', '\x1e', '\x1f', '\0'];
    var unescape = function(t) {
      return t.indexOf('\x1b') < 0 ? t : t.replace(/\x1b([0-3])/g, function(m, d) { return chars[+d]; });
    };
    var records = [];
    var seen = new Set();
    (text ? text.split('\x1e') : []).forEach(function(r) {
      if (!r) return;
      var f = r.split('\x1f');
      records.push(f);
      seen.add(f[0]);
    });
    // Focus must never fall to <body>: when the focused control goes away, note
    // the last focusable element before it that stays; its successor takes focus.
    var active = document.activeElement;
    var lost = active && active !== WB.sem && WB.sem.contains(active) && !seen.has(active.dataset.semId);
    var anchor = null;
    var mainName = function() { var m = WB.sem.querySelector('main'); return m ? m.getAttribute('aria-label') : null; };
    var pageBefore = mainName();
    if (lost) {
      var before = WB.focusables();
      for (var k = 0; k < before.length && before[k] !== active; k++)
        if (seen.has(before[k].dataset.semId)) anchor = before[k];
    }
    // Gone nodes leave first, so that placing the others never has to move one:
    // moving an element (the focused field) takes DOM focus from it.
    WB.nodes.forEach(function(el, id) {
      if (!seen.has(id)) { el.remove(); WB.nodes.delete(id); }
    });
    var lastChild = new Map();   // parent element -> last child placed this update
    for (var i = 0; i < records.length; i++) {
      var f = records[i];
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
      var parent = f[1] !== '0' && WB.nodes.get(f[1]) || WB.sem;
      var prev = lastChild.get(parent) || null;
      var wanted = prev ? prev.nextSibling : parent.firstChild;
      if (el.parentNode !== parent || el !== wanted) parent.insertBefore(el, wanted);
      lastChild.set(parent, el);
      WB.updateSemElement(el, role, flags, +f[6], +f[7], +f[8], +f[9], unescape(f[10]), unescape(f[11]), unescape(f[12]), +f[5]);
      // Radios of one group share a name: one Tab stop, arrows move within it.
      if (role === 'radio' && el.name !== 'wb-group-' + f[1]) el.name = 'wb-group-' + f[1];
    }
    // The quiz's skip link is there only while the page has a quiz.
    var skipQuiz = document.getElementById('wb-skip-quiz');
    var hasQuiz = !!WB.sem.querySelector('[data-skip-target]');
    if (skipQuiz.hidden === hasQuiz) skipQuiz.hidden = !hasQuiz;
    // Navigation from a control that stays (a top bar button, a contents link): the
    // new page's heading takes focus, as when the control goes away.
    var main = WB.sem.querySelector('main');
    var navigated = !lost && pageBefore !== null && mainName() !== pageBefore && active && active !== WB.sem &&
                    WB.sem.contains(active) && !(main && main.contains(active));
    if (navigated) {
      var heading = (main && main.querySelector('h1')) || WB.sem.querySelector('h1');
      if (heading) WB.focusText(heading);
    }
    if (lost && (!document.activeElement || document.activeElement === document.body)) {
      // A new page: its heading (where a sighted reader looks first). Otherwise the
      // control after the last one that stayed, but never a text field (typing,
      // or a phone's keyboard, must not start on its own).
      var h1 = WB.sem.querySelector('main h1') || WB.sem.querySelector('h1');
      var next = null;
      if (mainName() === pageBefore || !h1) {
        var now = WB.focusables().filter(function(el) { return !WB.isTextField(el) || el === anchor; });
        next = now[anchor ? now.indexOf(anchor) + 1 : 0] || anchor;
      }
      if (next) next.focus({preventScroll: true});
      else if (h1) WB.focusText(h1);
    }
  },

  // The app moved focus (e.g. into the search field): follow it in the DOM.
  wb_js_sem_focus_element__deps: ['$WB'],
  wb_js_sem_focus_element: function(id) {
    var el = WB.nodes.get(String(id >>> 0));  // C passes ids as int32
    if (!el) return;
    if (WB.isControl(el.dataset.role)) el.focus({preventScroll: true});
    else WB.focusText(el);  // text (a verdict, a score) the app put focus on
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
    WB.saveFile(UTF8ToString(name), UTF8ToString(mime), UTF8ToString(data));
  },
  // Damaged answers, kept aside before anything may be written over them: the text
  // exactly as stored (read here, not through the module, whose UTF-8 would
  // replace a lone surrogate), in IndexedDB beside earlier copies. Answers through
  // _wb_state_kept(1) or (0, why); then the app may write over the original.
  wb_js_keep_state_aside__deps: ['$WB', '$WBDB'],
  wb_js_keep_state_aside: function(k, legacy) {
    var key = UTF8ToString(k), legacyKey = UTF8ToString(legacy), raw = null;
    try { raw = WB.storage().getItem(key); } catch (e) {}
    if (raw === null) { _wb_state_kept(1, 0); return; }
    var records = {};
    records[key] = raw;
    WBDB.keepAside('state', records).catch(function(e) {
      // No database here (or it refused): the older place, if it is free.
      try {
        if (WB.storage().getItem(legacyKey) === null) { WB.storage().setItem(legacyKey, raw); return; }
      } catch (e2) {}
      throw e;
    }).then(function() { _wb_state_kept(1, 0); }, function(e) {
      WB.withCString(WB.describe(e), function(m) { _wb_state_kept(0, m); });
    });
  },
  // Safe mode (web/boot.js: two aborted starts in a row): this learner's stored
  // answers and planner records are kept aside whole, as stored, then removed, so
  // the workbook starts fresh; the planner's load waits for it. Answers through
  // _wb_state_kept; if the copy fails nothing is removed.
  wb_js_safe_mode: function() { return Module.wbSafeMode ? 1 : 0; },
  wb_js_set_aside_all__deps: ['$WB', '$WBDB'],
  wb_js_set_aside_all: function(k) {
    var key = UTF8ToString(k), records = {state: null, planner: {}};
    try { records.state = WB.storage().getItem(key); } catch (e) {}
    WBDB.settingAside = WBDB.open().then(function(db) {
      return WBDB.getAll(db, 'planner').then(function(all) {
        all.forEach(function(v, k) { records.planner[k] = v; });
        return WBDB.keepAside('safe-mode', records);
      }).then(function() {
        return new Promise(function(resolve, reject) {
          var tx = db.transaction('planner', 'readwrite');
          tx.objectStore('planner').clear();
          tx.oncomplete = resolve;
          tx.onerror = function() { reject(tx.error); };
        });
      });
    }).then(function() {
      try { WB.storage().removeItem(key); } catch (e) {}
      _wb_state_kept(1, 0);
    }, function(e) {
      WB.withCString(WB.describe(e), function(m) { _wb_state_kept(0, m); });
      throw e;  // the planner is not loaded over records that were not kept: it says why
    });
  },
  // Every kept copy of one kind ('state', 'planner' or 'safe-mode'), one file each, named by when it
  // was kept: a state copy is the stored text byte for byte; a planner copy maps each
  // record's key to its text. `legacy` (state): the copy earlier versions kept in
  // localStorage; `original`: the damaged text itself, when keeping it failed.
  wb_js_download_kept__deps: ['$WB', '$WBDB'],
  wb_js_download_kept: function(kindPtr, legacyPtr, originalPtr) {
    var kind = UTF8ToString(kindPtr), legacy = legacyPtr ? UTF8ToString(legacyPtr) : '', original = originalPtr ? UTF8ToString(originalPtr) : '';
    var base = kind === 'state' ? 'networking-workbook-unreadable-data' :
               kind === 'planner' ? 'networking-workbook-unreadable-planner' : 'networking-workbook-set-aside';
    var files = [];
    var extra = function() {
      try {
        var old = legacy && WB.storage().getItem(legacy);
        if (old) files.push({name: base + '.json', text: old});
        var now = original && WB.storage().getItem(original);
        if (now) files.push({name: base + '-not-yet-kept.json', text: now});
      } catch (e) {}
    };
    WBDB.open().then(function(db) { return WBDB.getAll(db, 'quarantine'); }).then(function(all) {
      var older = {};
      all.forEach(function(v, k) {
        if (v && typeof v === 'object' && v.kind) {
          if (v.kind !== kind) return;
          var stamp = new Date(v.at).toISOString().replace(/[:.]/g, '-');
          var texts = Object.keys(v.records).map(function(r) { return v.records[r]; });
          files.push({name: base + '-' + stamp + '.json', text: kind === 'state' ? texts[0] : JSON.stringify(v.records)});
        } else if (kind === 'planner') {
          older[k] = v;  // kept by earlier versions: the records themselves
        }
      });
      if (Object.keys(older).length) files.push({name: base + '.json', text: JSON.stringify(older)});
    }, function() {}).then(function() {
      if (kind === 'state') extra();
      files.forEach(function(f) { WB.saveFile(f.name, 'application/json', f.text, true); });
    });
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
