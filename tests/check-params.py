#!/usr/bin/env python3
"""Parameter names used by handlers are declared by their routes (TAP).

Run by "make check".  Every route table (cgi/*/routes*.c) names, per
route, a handler and an array of declared parameters (struct pdecl).  A
handler reads its parameters with P(), P_str(), P_num(), P_all() and
P_fail(), by name; a name its route does not declare is a bug that
P() only reports at run time (NULL, and a line in the log).  This
script finds each handler's definition and the literal names it asks
for, and fails on a name that a route of that handler does not declare.
The functions of the same file a handler calls (directly or through
each other) are read too; as one of them often serves several routes
and reads a name on one method only, each name it asks for must be
declared by at least one of the routes that reach it.  So must the
names read with P_str_opt(), P_num_opt() and P_declared(), which are
for names only some routes declare.  A call of pager_links() reads
"after_id".  A file-level variable whose initialiser names functions of
the file (a table of hooks) counts as a call of those functions from
every function that names the variable.

It also runs "lectern.fcgi --check-routes" when the binary is built:
no two routes with the same method and pattern, no parameter declared
twice in a route, every name well formed.
"""
import glob
import os
import re
import subprocess
import sys

srcdir = os.environ.get("top_srcdir") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..")
builddir = os.environ.get("top_builddir") or srcdir
cgi = os.path.join(srcdir, "cgi")

STRING = r'"(?:[^"\\\n]|\\.)*"'
LITERAL = re.compile(STRING + r"|'(?:[^'\\\n]|\\.)+'")
# Comments, and the literals a comment marker may sit in.
TOKEN = re.compile(r"/\*.*?\*/|//[^\n]*|" + STRING +
                   r"|'(?:[^'\\\n]|\\.)+'", re.S)


def read(path):
    """The file's text with its comments blanked (newlines kept)."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    return TOKEN.sub(lambda m: m.group(0) if m.group(0)[0] in "\"'"
                     else re.sub(r"[^\n]", " ", m.group(0)), text)


def block(text, start):
    """The text between the brace at start and its match."""
    depth = 0
    i = start
    while i < len(text):
        c = text[i]
        if c in "\"'":
            i = LITERAL.match(text, i).end()
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return text[start + 1:i]
        i += 1
    raise ValueError("unbalanced braces")


def entries(body):
    """The top-level {...} entries of an array initialiser."""
    out, i = [], 0
    while True:
        j = body.find("{", i)
        if j < 0:
            return out
        inner = block(body, j)
        out.append(inner)
        i = j + len(inner) + 2


def fields(entry):
    """The comma-separated fields of one entry (strings kept whole)."""
    parts, cur, depth, i = [], "", 0, 0
    while i < len(entry):
        c = entry[i]
        if c in "\"'":
            m = LITERAL.match(entry, i)
            cur += m.group(0)
            i = m.end()
            continue
        if c in "({":
            depth += 1
        elif c in ")}":
            depth -= 1
        if c == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += c
        i += 1
    if cur.strip():
        parts.append(cur.strip())
    return parts


ARRAY = re.compile(r"struct\s+(pdecl|route)\s+(\w+)\s*\[\s*\]\s*=\s*\{")

# Route tables: handler -> [(route name, declared names)].
routes_of = {}
tables = sorted(glob.glob(os.path.join(cgi, "*", "routes*.c")))
tables = [t for t in tables if os.path.basename(os.path.dirname(t)) != "core"]
for t in tables:
    text = read(t)
    pdecls = {}
    for m in ARRAY.finditer(text):
        body = block(text, m.end() - 1)
        if m.group(1) == "pdecl":
            names = []
            for e in entries(body):
                f = fields(e)
                if f and f[0].startswith('"'):
                    names.append(f[0].strip('"'))
            pdecls[m.group(2)] = names
        else:
            for e in entries(body):
                f = fields(e)
                if len(f) < 7 or not f[0].startswith('"'):
                    continue
                params = f[6]
                declared = set(pdecls.get(params, [])) \
                    if params != "NULL" else set()
                if params not in ("NULL",) and params not in pdecls:
                    raise SystemExit("%s: route %s: unknown parameter "
                                     "array %s" % (t, f[0], params))
                routes_of.setdefault(f[3], []).append(
                    (f[0].strip('"'), declared, os.path.relpath(t, srcdir)))

# Function definitions: the name at the start of a line, then its body.
DEF = re.compile(r"^(\w+)\(([^;{]*?)\)\s*\n\{", re.M)
CALL = re.compile(r"\b(\w+)\s*\(")
ARG = r"\s*\(\s*[\w>.-]+\s*,\s*\"([^\"]*)\""
# Reads of a name the route must declare.
USE = re.compile(r"\bP(?:_str|_num|_fail|_all)?" + ARG)
# Reads of a name only some routes of a shared function declare.
MAYBE = re.compile(r"\bP(?:_str_opt|_num_opt|_declared)" + ARG)

# A file-level variable with an initialiser: "struct kind classes = {".
VAR = re.compile(r"^(?:static\s+)?(?:const\s+)?struct\s+\w+\s+(\w+)\s*=\s*\{",
                 re.M)
IDENT = re.compile(r"\b(\w+)\b")

functions = {}      # name -> (file, body)
by_file = {}
hooks_of = {}       # file -> {variable: [functions it names]}
for f in sorted(glob.glob(os.path.join(cgi, "*", "*.c"))):
    folder = os.path.basename(os.path.dirname(f))
    if folder in ("core", "lib"):
        continue
    text = read(f)
    mine = {}
    for m in DEF.finditer(text):
        body = block(text, m.end() - 1)
        mine[m.group(1)] = body
    by_file[f] = mine
    hooks_of[f] = {}
    for m in VAR.finditer(text):
        init = block(text, m.end() - 1)
        hooks_of[f][m.group(1)] = [i for i in IDENT.findall(init)
                                   if i in mine]
    for name, body in mine.items():
        functions.setdefault(name, (f, body))


def reached(handler):
    """For the handler: {name: function} of the names its own body must
    have declared, and {function: {name}} of the names that one route at
    least must declare, for it and the functions of its file it reaches
    (directly or through each other)."""
    f, _ = functions[handler]
    local = by_file[f]
    hooks = hooks_of[f]
    own, helpers = {}, {}
    seen, todo = set(), [handler]
    while todo:
        fn = todo.pop()
        if fn in seen:
            continue
        seen.add(fn)
        body = local[fn]
        names = set(USE.findall(body))
        if re.search(r"\bpager_links\s*\(", body):
            names.add("after_id")
        if fn == handler:
            own = {n: fn for n in names}
            names = set()
        helpers[fn] = names | set(MAYBE.findall(body))
        for c in CALL.findall(body):
            if c in local and c not in seen:
                todo.append(c)
        for v in set(IDENT.findall(body)) & set(hooks):
            todo.extend(c for c in hooks[v] if c not in seen)
    return own, helpers


results = []
exe = os.path.join(builddir, "cgi", "lectern.fcgi")
if os.path.exists(exe):
    p = subprocess.run([exe, "--check-routes"], capture_output=True,
                       text=True)
    results.append(("the route tables pass lectern.fcgi --check-routes",
                    [] if p.returncode == 0 else
                    (p.stderr.strip().splitlines() or ["exit %d" %
                                                       p.returncode])))
else:
    results.append(("the route tables pass lectern.fcgi --check-routes "
                    "# SKIP not built", []))

missing = sorted(h for h in routes_of if h not in functions)
results.append(("every handler of a route table is defined",
                ["%s (route %s)" % (h, routes_of[h][0][0])
                 for h in missing]))

# A handler's own body asks only for names every route of it declares.
# A function it calls may serve several routes and read some names on
# one method only ("if (r->method == M_POST) form_field(d, P(r, ...))"),
# and P_str_opt() and friends read names some routes declare: each such
# name must be declared by one route at least of those that reach it, so
# that a misspelt or forgotten name fails here.
per_table = {}
helper_routes = {}      # function -> [(route, declared, table)]
helper_names = {}
for handler, rts in sorted(routes_of.items()):
    if handler not in functions:
        continue
    own, helpers = reached(handler)
    for rname, declared, table in rts:
        probs = per_table.setdefault(table, [])
        for n in sorted(own):
            if n not in declared:
                probs.append("route %s: %s asks for \"%s\", which the "
                             "route does not declare" % (rname, handler, n))
        for fn, names in helpers.items():
            helper_routes.setdefault(fn, []).append((rname, declared, table))
            helper_names[fn] = names
for fn, rts in sorted(helper_routes.items()):
    for n in sorted(helper_names[fn]):
        if any(n in declared for _, declared, _ in rts):
            continue
        table = rts[0][2]
        per_table.setdefault(table, []).append(
            "%s asks for \"%s\", which none of its routes (%s) declares" %
            (fn, n, ", ".join(sorted({r for r, _, _ in rts}))))
for table in sorted(per_table):
    results.append(("handlers of %s ask only for declared parameters" %
                    table, per_table[table]))

print("1..%d" % len(results))
failed = 0
for i, (desc, problems) in enumerate(results, 1):
    if problems:
        failed = 1
        print("not ok %d - %s" % (i, desc))
        for p in problems:
            print("# " + p)
    else:
        print("ok %d - %s" % (i, desc))
sys.exit(failed)
