"""Literal strings a regular expression's matches must contain, to skip the expression cheaply on text
that has none of them. Hundreds of anchor patterns (data/anchors.tsv) run on every sentence; Python's `re`
scans each one separately, and a substring test per pattern is ~50x cheaper than the scan.

`required_literals(source)` returns lowercase strings such that every match of `source` (compiled with
IGNORECASE) contains at least one of them, or None when it cannot tell (the caller then always runs it).
It reads only what it understands: the longest literal run outside groups, or a mandatory group's
alternatives where each is longer; classes, escapes and lookarounds count as unknown. A hand-written reader, because no
library exposes this (sre's parser is private); tests/transforms/test_literals.py checks it is sound on
the anchors and the corpus.
"""
from __future__ import annotations

import re

_INLINE = re.compile(r"^\?(?:P<\w+>|[a-zA-Z-]*:)")
_ESCAPED_LITERALS = ".+-/()?*[]{}|^$ "


def _items(src: str) -> list[tuple[str, str, bool]]:
    """One level of a regex source as (kind, text, optional) items: `lit` characters, `group`s (their
    content), alternation `bar`s and `other` (classes, escapes, anchors, lookarounds)."""
    out, i = [], 0
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            kind, text = ("lit", src[i + 1]) if src[i + 1:i + 2] in _ESCAPED_LITERALS else ("other", "")
            i += 2
        elif ch == "[":
            j = i + 1
            while src[j] != "]":
                j += 2 if src[j] == "\\" else 1
            kind, text, i = "other", "", j + 1
        elif ch == "(":
            depth, j = 1, i + 1
            while depth:
                if src[j] == "\\":
                    j += 2
                    continue
                depth += {"(": 1, ")": -1}.get(src[j], 0)
                j += 1
            inner = src[i + 1:j - 1]
            lookaround = inner.startswith(("?=", "?!", "?<=", "?<!"))
            kind, text, i = ("other", "", j) if lookaround else ("group", _INLINE.sub("", inner), j)
        elif ch == "|":
            kind, text, i = "bar", "", i + 1
        elif ch in ".^$":
            kind, text, i = "other", "", i + 1
        else:
            kind, text, i = "lit", ch, i + 1
        optional = False
        if i < len(src) and src[i] in "?*{":
            optional = src[i] in "?*" or src[i:].startswith("{0")
            i = src.index("}", i) + 1 if src[i] == "{" else i + 1
            i += i < len(src) and src[i] == "?"
        elif i < len(src) and src[i] == "+":
            i += 1
            kind = "other" if kind == "lit" else kind  # `a+`: the run of a's has no fixed length
        out.append((kind, text, optional))
    return out


def required_literals(src: str) -> list[str] | None:
    alternatives: list[list[tuple[str, str, bool]]] = [[]]
    for item in _items(src):
        if item[0] == "bar":
            alternatives.append([])
        else:
            alternatives[-1].append(item)
    out: list[str] = []
    for items in alternatives:
        runs, run = [], ""
        for kind, text, optional in items:
            if kind == "lit" and not optional:
                run += text
            else:
                runs.append(run)
                run = ""
        runs.append(run)
        best = max((r.strip() for r in runs), key=len)
        # the mandatory groups' literals when they are longer than the run (`vụ (?:tấn công|khủng bố)`: not `vụ`)
        groups = [g for g in (required_literals(t) for kind, t, optional in items if kind == "group" and not optional)
                  if g]
        group = max(groups, key=lambda g: min(map(len, g)), default=None)
        if group and min(map(len, group)) > len(best):
            out.extend(group)
        elif len(best) >= 2:
            out.append(best.lower())
        else:
            return None
    return out
