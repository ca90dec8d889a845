"""Versions: the package's, and the extraction version that decides whether an input must be coded again."""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

VERSION = "0.2.0"
_TRANSFORMS = Path(__file__).resolve().parents[2] / "transforms"


@functools.lru_cache(maxsize=None)
def extraction_version() -> str:
    """`<version>+<hash>`: the hash covers transforms/ (code and data files), so any change of the coder
    or its lexicons makes earlier articles `older` for `vnevents reprocess --older`."""
    digest = hashlib.sha256()
    for path in sorted(p for p in _TRANSFORMS.rglob("*") if p.is_file() and p.suffix in (".py", ".tsv", ".json")
                       and "__pycache__" not in p.parts):
        digest.update(path.relative_to(_TRANSFORMS).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{VERSION}+{digest.hexdigest()[:10]}"
