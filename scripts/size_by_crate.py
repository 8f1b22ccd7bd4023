#!/usr/bin/env python3
"""Where a wasm module's code goes, by crate: `make size` prints it for the first load.

Reads the function bodies and their names from a wasm file that still has its name section
(the one cargo builds, before wasm-bindgen and wasm-opt strip it: the sizes are before
wasm-opt's shrinking, so they show shares, not the bytes that travel). A function is counted
under the first crate its (mangled) name mentions: `latih_engine::lessons::…`, or the type of an
impl, `<latih_engine::… as serde::Deserialize>`. Usage: size_by_crate.py FILE.wasm [N]
"""
import re
import sys
from collections import Counter


def leb(data, i):
    result, shift = 0, 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def functions(data):
    """(body size, name) of every function defined in the module."""
    i, imported, bodies, names = 8, 0, [], {}
    while i < len(data):
        section = data[i]
        size, i = leb(data, i + 1)
        end = i + size
        if section == 2:  # imports: functions imported take the first indices
            count, j = leb(data, i)
            for _ in range(count):
                for _ in range(2):
                    length, j = leb(data, j)
                    j += length
                kind = data[j]
                j += 1
                if kind == 0:
                    _, j = leb(data, j)
                    imported += 1
                elif kind == 1:
                    j += 1
                    flags, j = leb(data, j)
                    _, j = leb(data, j)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 2:
                    flags, j = leb(data, j)
                    _, j = leb(data, j)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 3:
                    j += 2
        elif section == 10:  # code
            count, j = leb(data, i)
            for _ in range(count):
                body, j = leb(data, j)
                bodies.append(body)
                j += body
        elif section == 0:  # custom: the name section's function names
            length, j = leb(data, i)
            if data[j : j + length] == b"name":
                j += length
                while j < end:
                    sub = data[j]
                    sub_size, j = leb(data, j + 1)
                    sub_end = j + sub_size
                    if sub == 1:
                        count, j = leb(data, j)
                        for _ in range(count):
                            index, j = leb(data, j)
                            length, j = leb(data, j)
                            names[index] = data[j : j + length].decode("utf8", "replace")
                            j += length
                    j = sub_end
        i = end
    return [(size, names.get(imported + k, "")) for k, size in enumerate(bodies)]


IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def crate_of(name):
    """The first crate a function's name mentions (its path's, or an impl's type's)."""
    mangled = re.match(r"_ZN(\d+)", name)
    if mangled:
        start = mangled.end()
        first = name[start : start + int(mangled.group(1))]
        # An impl: `_$LT$latih_engine..lessons..Quantity$u20$as$u20$…$GT$`, `$RF$` for `&`.
        first = re.sub(r"^_?(\$[A-Za-z0-9]+\$)+", "", first)
        found = IDENT.match(first.split("..")[0])
        if found:
            # `<T as Trait>`: a blanket impl, of whichever crate's trait.
            return "(generic impls)" if found.group(0) == "T" else found.group(0)
    # The v0 scheme (the standard library's): the first crate root `C<hash>_<len><name>`.
    root = re.search(r"C(?:s[0-9A-Za-z]*_)?(\d+)", name) if name.startswith("_R") else None
    if root:
        return name[root.end() : root.end() + int(root.group(1))]
    if "::" in name:
        found = IDENT.search(name.split("::")[0])
        if found:
            return found.group(0)
    return "(wasm-bindgen's glue, main)"


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    with open(path, "rb") as wasm:
        data = wasm.read()
    by_crate = Counter()
    for size, name in functions(data):
        # wasm-bindgen runs these at build time and removes them: they never ship.
        if name.startswith("__wbindgen_describe"):
            continue
        by_crate[crate_of(name)] += size
    code = sum(by_crate.values())
    if code == 0:
        print(f"  (no functions found in {path})")
        return
    for crate, size in by_crate.most_common(top):
        print(f"  {crate:<36} {size:>9} bytes of code  {100 * size / code:5.1f}%")
    rest = code - sum(size for _, size in by_crate.most_common(top))
    print(f"  {'(the other crates)':<36} {rest:>9} bytes of code  {100 * rest / code:5.1f}%")


if __name__ == "__main__":
    main()
