"""Regular expressions against hostile text: how each pattern's time grows with the input.

    python bench/regex_audit.py [--n 2000] [--factor 4] [--limit 5]

Every compiled pattern that transforms/ and flows/ hold at module level (also inside lists, tuples and
dicts, and the cached ones their functions build) is run with `finditer` over hostile strings of n and
factor*n characters (runs of one capital, of a lowercase letter, of `Đ`, of digits, of `(`, words
with and without spaces, byline and date openers repeated); then whole documents made of the same
strings go through cleaning and extraction. A pattern whose time grows more than factor**1.5 times
(worse than n**1.5) and takes over a millisecond is listed as SUPERLINEAR; one that does not finish in
--limit seconds as TIMEOUT. Linear patterns print nothing unless --all.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import signal
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

UNITS = {  # a hostile string is one of these repeated to n characters
    "D": "D", "a": "a", "Đ": "Đ", "digit": "1", "paren": "(", "dot": ".", "space": " ", "dash": "-",
    "Da": "Da", "D.": "D.", "D_space": "D ", "Dd_space": "Dd ", "word": "nguyễn ", "Cap_words": "Nguyễn Văn ",
    "slash": "1/", "date": "12/12/2012 ", "theo": "(theo ", "paren_D": "(D ", "quote": "” ", "img": "a.jpg",
    "url": "http://", "markup": "src=\"", "hash": "# a = ", ">>": ">> ", "ngay": "ngày ", "thang": "tháng 1 ",
    "Anh": "Ảnh: D ", "nam": "năm 2001 ", "glued": "aĐ", "camel": "AbAb", "dots": "D.D.", "mixed": "Dd.1/(",
}


class Timeout(Exception):
    pass


def _alarm(*_):
    raise Timeout


def patterns() -> dict[str, re.Pattern]:
    found: dict[str, re.Pattern] = {}

    def visit(name: str, value, depth: int = 0) -> None:
        if isinstance(value, re.Pattern):
            found.setdefault(name, value)
        elif depth < 3 and isinstance(value, (list, tuple)):
            for i, v in enumerate(value):
                visit(f"{name}[{i}]", v, depth + 1)
        elif depth < 3 and isinstance(value, dict):
            for k, v in value.items():
                visit(f"{name}[{k!r}]", v, depth + 1)

    for package in ("transforms", "flows"):
        pkg = importlib.import_module(package)
        for info in pkgutil.iter_modules(pkg.__path__):
            if info.name in ("cli", "serve", "news_to_events"):
                continue  # Prefect and the CLI: no text patterns
            module = importlib.import_module(f"{package}.{info.name}")
            for attr, value in vars(module).items():
                if callable(value) and hasattr(value, "cache_info") and value.__wrapped__.__code__.co_argcount == 0:
                    try:
                        value = value()  # lru_cached builders: `_vni()`
                    except Exception:  # noqa: BLE001
                        continue
                visit(f"{package}.{info.name}.{attr}", value)
    return found


def timed(fn, limit: float) -> float:
    signal.setitimer(signal.ITIMER_REAL, limit)
    start = time.perf_counter()
    try:
        fn()
        return time.perf_counter() - start
    except Timeout:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--factor", type=int, default=4)
    ap.add_argument("--limit", type=float, default=5.0)
    ap.add_argument("--all", action="store_true", help="print every measurement")
    args = ap.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    small, large = args.n, args.n * args.factor

    def hostile(unit: str, n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    bad = 0
    pats = patterns()
    print(f"{len(pats)} patterns, strings of {small} and {large} characters")
    for name, pat in sorted(pats.items()):
        for kind, unit in UNITS.items():
            t1 = timed(lambda: sum(1 for _ in pat.finditer(hostile(unit, small))), args.limit)
            t2 = timed(lambda: sum(1 for _ in pat.finditer(hostile(unit, large))), args.limit)
            verdict = "TIMEOUT" if t2 == float("inf") else (
                "SUPERLINEAR" if t2 > 1e-3 and t2 > t1 * args.factor ** 1.5 else "")
            if verdict or args.all:
                bad += bool(verdict)
                print(f"{verdict or 'ok':11} {name} on {kind!r}: {t1 * 1e3:.1f} ms -> {t2 * 1e3:.1f} ms")

    from transforms.article import Document, Rejected, clean, extract

    def pipeline(text: str) -> None:
        try:
            extract(clean(Document("x", "x.txt", text, "utf-8")))
        except Rejected:
            pass

    pipeline("Nga và Mỹ hội đàm tại Hà Nội về hợp tác kinh tế và an ninh khu vực ngày 2/9/2020.")  # load models
    prefix = "Nga và Mỹ hội đàm tại Hà Nội về hợp tác kinh tế và an ninh khu vực.\n"
    for kind, unit in UNITS.items():
        t1 = timed(lambda: pipeline(prefix + hostile(unit, small)), args.limit * 4)
        t2 = timed(lambda: pipeline(prefix + hostile(unit, large)), args.limit * 4)
        verdict = "TIMEOUT" if t2 == float("inf") else (
            "SUPERLINEAR" if t2 > 0.05 and t2 > t1 * args.factor ** 1.5 else "")
        if verdict or args.all:
            bad += bool(verdict)
            print(f"{verdict or 'ok':11} clean+extract on {kind!r}: {t1 * 1e3:.0f} ms -> {t2 * 1e3:.0f} ms")
    print(f"{bad} superlinear or timed out")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
