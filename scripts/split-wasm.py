#!/usr/bin/env python3
"""Splits the linked module in two: what the first frame needs, and the planner.

The reader, quizzes and settings need none of the planner's code (its model,
storage, imports, exports and views: a third of the module), so that code goes
to workbook.deferred.wasm, which the page loads after its first frame
(web/boot.js). binaryen's wasm-split does the splitting; this script chooses
the functions: every function of ours defined in an object file of one of the
given sources and in no other object file (so a template or inline function
the rest of the program also uses stays in the primary module).

A call into a split-out function before the deferred module has arrived goes
to a placeholder, and web/boot.js then loads it synchronously: correct, only slower.

  split-wasm.py ORIG.wasm PRIMARY.wasm DEFERRED.wasm GLUE.js OBJECT_DIR SOURCE...

ORIG.wasm must carry function names (link with --profiling-funcs); the outputs
carry none. GLUE.js (emcc's JavaScript) gets the deferred part's checksum. SOURCE is a path relative to the project root, as CMake names its
object files (OBJECT_DIR/**/<SOURCE>.o).
"""
import os
import re
import subprocess
import sys
import tempfile

MIN_SPLIT_BYTES = 64
PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def defined_functions(obj):
    """Demangled names of the functions an object file defines."""
    out = subprocess.run(['emnm', '--defined-only', '-C', obj], check=True, capture_output=True, text=True).stdout
    names = set()
    for line in out.splitlines():
        parts = line.split(' ', 2)  # address, type, name
        if len(parts) == 3 and parts[1] in 'TtWw':
            names.add(parts[2])
    return names


def leb128(data, i):
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7f) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def body_sizes(wasm):
    """Code bytes of each function, by function index (imported functions have none)."""
    data = open(wasm, 'rb').read()
    i, imported, sizes = 8, 0, {}
    while i < len(data):
        section, i = data[i], i + 1
        length, i = leb128(data, i)
        end = i + length
        if section == 2:  # imports: count the functions
            count, j = leb128(data, i)
            for _ in range(count):
                for _ in range(2):  # module and field names
                    n, j = leb128(data, j)
                    j += n
                kind, j = data[j], j + 1
                if kind == 0:
                    imported += 1
                    _, j = leb128(data, j)
                elif kind == 1:  # table: element type, limits
                    flags, j = leb128(data, j + 1)
                    _, j = leb128(data, j)
                    if flags & 1:
                        _, j = leb128(data, j)
                elif kind == 2:  # memory: limits
                    flags, j = leb128(data, j)
                    _, j = leb128(data, j)
                    if flags & 1:
                        _, j = leb128(data, j)
                elif kind == 3:  # global: type, mutability
                    j += 2
                elif kind == 4:  # tag: attribute, type
                    _, j = leb128(data, j + 1)
        elif section == 10:  # code
            count, j = leb128(data, i)
            for k in range(count):
                n, j = leb128(data, j)
                sizes[imported + k] = n
                j += n
        i = end
    return sizes


def module_functions(wasm):
    """Maps each function's demangled name to binaryen's spelling of it and its code size."""
    out = subprocess.run(['wasm-opt', '--all-features', '--print-function-map', wasm, '-o', os.devnull],
                         check=True, capture_output=True, text=True)
    sizes = body_sizes(wasm)
    names = {}
    for line in (out.stdout + out.stderr).splitlines():
        index, sep, name = line.partition(':')
        if sep and index.isdigit():
            demangled = re.sub(r'\\([0-9a-f]{2})', lambda m: chr(int(m.group(1), 16)), name)
            names[demangled] = (name, sizes.get(int(index), 0))
    return names


def call_graph(wasm):
    """Who calls whom (binaryen's spellings), and the functions called from outside
    the code: exported, in the table (called indirectly), the start function."""
    text = subprocess.run(['wasm-dis', '--all-features', wasm], check=True, capture_output=True, text=True).stdout
    callers, outside, current = {}, set(), None
    for line in text.splitlines():
        s = line.lstrip()
        if s.startswith('(func $'):
            current = s[len('(func $'):].split(None, 1)[0]
        elif s.startswith('(call $'):
            callee = s[len('(call $'):].split(None, 1)[0].rstrip(')')
            callers.setdefault(callee, set()).add(current)
        elif s.startswith(('(elem ', '(export ', '(start ')):
            outside.update(name.rstrip(')') for name in re.findall(r'\$(\S+)', s))
    return callers, outside


def function_name(demangled):
    """The qualified name of a demangled signature, without return type and parameters:
    "void std::sort<...>(...)" -> "std::sort<...>"."""
    depth = 0
    for i, c in enumerate(demangled):
        if c in '<(':
            if c == '(' and depth == 0:
                demangled = demangled[:i]
                break
            depth += 1
        elif c in '>)':
            depth -= 1
    depth, cut = 0, 0
    for i, c in enumerate(demangled):  # the return type ends at the last space outside <>
        if c == '<':
            depth += 1
        elif c == '>':
            depth -= 1
        elif c == ' ' and depth == 0:
            cut = i + 1
    return demangled[cut:]


def main(argv):
    if len(argv) < 6:
        sys.exit(__doc__)
    orig, primary, deferred, glue, obj_dir, sources = argv[0], argv[1], argv[2], argv[3], argv[4], argv[5:]
    suffixes = tuple('/' + s + '.o' for s in sources)
    split, kept, matched = set(), set(), set()
    for root, _, files in os.walk(obj_dir):
        for f in files:
            if not f.endswith('.o'):
                continue
            path = os.path.join(root, f)
            # An object whose source was moved or deleted is stale (not linked): it must not
            # keep the functions it happened to define in the primary module.
            rel = path.split('.dir/', 1)[-1][:-len('.o')]
            if '.dir/' in path and not os.path.exists(os.path.join(PROJECT, rel)):
                continue
            if path.endswith(suffixes):
                split |= defined_functions(path)
                matched.add(next(s for s in sources if path.endswith('/' + s + '.o')))
            else:
                kept |= defined_functions(path)
    missing = sorted(set(sources) - matched)
    if missing:
        sys.exit('split-wasm: no object file for ' + ', '.join(missing) + ' under ' + obj_dir)
    in_module = module_functions(orig)
    # Candidates: functions of ours (or instantiated on our types) that only the given
    # sources define, and not tiny ones. The system libraries are not among the object
    # files and call some header functions (std::char_traits<char>::copy) that only a
    # split object happens to define; and the optimizer merges identical functions
    # (std::get_temporary_buffer<SocialPlan> with the results page's own), so a name
    # does not prove who calls a function.
    ours = re.compile(r'wb::|nlohmann::|\(anonymous namespace\)')
    spelled = {spelling: n for n, (spelling, size) in in_module.items()
               if n in split and n not in kept and size >= MIN_SPLIT_BYTES and ours.search(n)}
    # The planner's own functions (wb::...) are its entry points, and may be called from
    # the primary module (through a placeholder until the deferred module is in). Any
    # other candidate, a library template, is split only if every caller is split too.
    callers, outside = call_graph(orig)
    entry = {f for f, n in spelled.items() if function_name(n).startswith('wb::')}
    chosen = set(spelled)
    changed = True
    while changed:
        changed = False
        for f in list(chosen):
            if f not in entry and (f in outside or not callers.get(f, set()) <= chosen):
                chosen.discard(f)
                changed = True
    chosen = sorted(chosen)
    if len(chosen) < 100:
        # Names that do not match (a toolchain that spells them differently) would
        # silently split nothing: stop instead.
        sys.exit(f'split-wasm: only {len(chosen)} functions matched; are the names in {orig}?')
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False) as f:
        f.write('\n'.join(chosen) + '\n')
        listing = f.name
    try:
        subprocess.run(['wasm-split', '--split', orig, '--split-funcs=@' + listing, '-o1', primary, '-o2', deferred,
                        '--export-prefix=%', '--enable-mutable-globals', '--enable-sign-ext'], check=True)
    finally:
        os.unlink(listing)
    # The two parts only work together: a deferred part from another build could link
    # (export names are numbered) and run the wrong code. The glue carries the size and
    # FNV-1a hash of its own part, which web/boot.js checks before instantiating it.
    data = open(deferred, 'rb').read()
    check = 0x811c9dc5
    for byte in data:
        check = ((check ^ byte) * 0x01000193) & 0xffffffff
    with open(glue, 'a') as f:
        f.write(f'\nModule["wbDeferredCheck"]="{len(data)}:{check:08x}";\n')
    print(f'split-wasm: {len(chosen)} functions to {os.path.basename(deferred)} '
          f'({os.path.getsize(deferred) // 1024} KB); {os.path.basename(primary)} {os.path.getsize(primary) // 1024} KB')


if __name__ == '__main__':
    main(sys.argv[1:])
