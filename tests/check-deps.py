#!/usr/bin/env python3
"""Dependency rules of cgi/ (TAP), run by "make check".

The folders of cgi/ form layers.  lib/ knows nothing of Lectern; core/
knows lib/ and itself; each domain knows lib/, core/, itself and the
domains before it in ORDER.  The programs at the top (main.c, app.c,
lecternctl.c, worker.c) may use everything.  The rules:

  1. every source file lives in a folder, but for the programs on top;
  2. an #include "x/y.h" points down the order (or into its own folder);
  3. no page file (page-*.c) calls a handler of another page file, nor
     (from the built objects) any other function defined in one;
  4. no include cycle between the files of cgi/ (a .c file and the .h of
     the same name count as one module);
  5. no cycle of calls between the object files, when they are built
     (one file calls another when it uses a function that file defines).

The order is also written in README.md ("Source code layout") and
STYLE.md; change all three together.
"""
import os
import re
import subprocess
import sys

ORDER = ["conference", "notify", "people", "catalogue", "training",
         "classroom", "billing", "schedule", "enrollment", "home"]
TOP = {"main.c", "app.c", "app.h", "lecternctl.c", "worker.c", "worker.h"}

srcdir = os.environ.get("top_srcdir") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..")
builddir = os.environ.get("top_builddir") or srcdir
cgi = os.path.join(srcdir, "cgi")


def rank(folder):
    """lib 0, core 1, domains from 2 in ORDER, the top programs last."""
    if folder == "lib":
        return 0
    if folder == "core":
        return 1
    if folder in ORDER:
        return 2 + ORDER.index(folder)
    return None


files = []
for root, _, names in os.walk(cgi):
    for n in names:
        if n.endswith((".c", ".h", ".cc")):
            files.append(os.path.relpath(os.path.join(root, n), cgi))
files.sort()

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
includes = {}
for f in files:
    with open(os.path.join(cgi, f), encoding="utf-8") as fh:
        includes[f] = INCLUDE.findall(fh.read())

results = []


def check(desc, problems):
    results.append((desc, problems))


# 1. Folders.
loose = [f for f in files if "/" not in f and f not in TOP]
unknown = [f for f in files if "/" in f and rank(f.split("/")[0]) is None]
check("every file of cgi/ is in a layer's folder (or is a program on top)",
      [f"{f}: not in a folder" for f in loose] +
      [f"{f}: folder not in the declared order" for f in unknown])

# 2. Includes point down.
bad = []
for f in files:
    if "/" not in f:
        continue
    mine = f.split("/")[0]
    for inc in includes[f]:
        if "/" not in inc:
            bad.append(f"{f}: includes \"{inc}\" without its folder")
            continue
        theirs = inc.split("/")[0]
        if not os.path.exists(os.path.join(cgi, inc)):
            bad.append(f"{f}: includes \"{inc}\", which does not exist")
        elif rank(theirs) is None:
            bad.append(f"{f}: includes \"{inc}\" from a program on top")
        elif theirs != mine and rank(theirs) > rank(mine):
            bad.append(f"{f}: {mine} includes \"{inc}\" from {theirs}, "
                       f"which comes after it")
check("includes point down: lib < core < " + " < ".join(ORDER), bad)

# 3. Page files do not call each other's handlers.
DEF = re.compile(r"^(page_[a-z0-9_]+)\(", re.M)
CALL = re.compile(r"\b(page_[a-z0-9_]+)\s*\(")
defined = {}
texts = {}
for f in files:
    if os.path.basename(f).startswith("page-") and f.endswith(".c"):
        with open(os.path.join(cgi, f), encoding="utf-8") as fh:
            texts[f] = fh.read()
        for name in DEF.findall(texts[f]):
            defined[name] = f
bad = []
for f, text in texts.items():
    for name in sorted(set(CALL.findall(text))):
        owner = defined.get(name)
        if owner is not None and owner != f:
            bad.append(f"{f} calls {name}() of {owner}")
check("no page file calls a handler of another page file", bad)


def cycles(graph):
    """Every elementary cycle found by a depth-first search, as lists."""
    found, state, stack = [], {}, []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                found.append(stack[stack.index(m):] + [m])
            elif m not in state:
                visit(m)
        stack.pop()
        state[n] = 2

    for n in sorted(graph):
        if n not in state:
            visit(n)
    return found


# 4. Include cycles between modules (x.c + x.h).
def module(path):
    return os.path.splitext(path)[0]


graph = {}
for f in files:
    for inc in includes[f]:
        a, b = module(f), module(inc)
        if a != b:
            graph.setdefault(a, set()).add(b)
check("no include cycle",
      [" -> ".join(c) for c in cycles(graph)])

# 5. Call cycles between object files, read with nm from the build.
objs = {}
for f in files:
    if f.endswith((".c", ".cc")):
        o = os.path.join(builddir, "cgi", os.path.splitext(f)[0] + ".o")
        if os.path.exists(o):
            objs[f] = o
if len(objs) < len([f for f in files if f.endswith((".c", ".cc"))]):
    results.append(("no call cycle between object files # SKIP "
                    "not every object file is built", []))
else:
    defs, undefs = {}, {}
    for f, o in objs.items():
        out = subprocess.run(["nm", "--defined-only", "-g", o],
                             capture_output=True, text=True).stdout
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[1] in "TDBRC":
                defs.setdefault(parts[2], f)
        out = subprocess.run(["nm", "-u", o],
                             capture_output=True, text=True).stdout
        undefs[f] = {l.split()[-1] for l in out.splitlines() if l.strip()}
    graph = {}
    for f, syms in undefs.items():
        for s in syms:
            g = defs.get(s)
            if g is not None and g != f and f not in TOP:
                graph.setdefault(f, set()).add(g)
    check("no call cycle between object files",
          [" -> ".join(c) for c in cycles(graph)])
    page = re.compile(r"(^|/)page-[^/]*\.c$")
    check("no page file uses a function of another page file",
          [f"{f} uses {g}" for f in sorted(graph) for g in sorted(graph[f])
           if page.search(f) and page.search(g)])

print(f"1..{len(results)}")
failed = 0
for i, (desc, problems) in enumerate(results, 1):
    if problems:
        failed = 1
        print(f"not ok {i} - {desc}")
        for p in problems:
            print(f"# {p}")
    else:
        print(f"ok {i} - {desc}")
sys.exit(failed)
