"""transforms/literals.py: exact literals of a few patterns, and soundness on every anchor pattern: each
match in the corpus contains one of the pattern's literals (else the prefilter would hide a real clue)."""
import re

import pytest

from tests.conftest import need_shared
from transforms import gazetteer as gz
from transforms.literals import required_literals


@pytest.mark.parametrize("pattern,expected", [
    ("MH370", ["mh370"]),
    (r"(?-i:\bIS\b)|Nhà nước Hồi giáo tự xưng", ["is", "nhà nước hồi giáo tự xưng"]),
    (r"(?:G20|G-20).{0,40}(?:ở|tại) Brisbane", ["brisbane"]),
    (r"vụ nổ (?:ở|tại) Beirut", ["beirut"]),  # the longest run outside groups
    (r"(?:kỷ niệm|tròn) (\d{1,3}) năm", ["kỷ niệm", "tròn"]),  # a group whose words are all longer
    (r"Hải Dương[ -]?981|HD[ -]?981", ["hải dương", "981"]),
    (r"(?:ở |tại )?[A-Z]\w+", None),  # nothing certain
])
def test_literals(pattern, expected):
    assert required_literals(pattern) == expected


def test_sound_on_the_anchors_and_the_corpus():
    corpus = need_shared() / "corpus"
    texts = [p.read_text(encoding="utf-8", errors="ignore") for p in sorted(corpus.rglob("*.txt"))[::3]]
    checked = 0
    for row in gz.read_tsv("anchors.tsv"):
        literals = required_literals(row["pattern"])
        if not literals:
            continue
        for text in texts:
            for m in re.finditer(row["pattern"], text, re.IGNORECASE):
                assert any(w in m.group(0).lower() for w in literals), (row["pattern"], m.group(0))
                checked += 1
    assert checked > 100
