"""The name data files, loaded once: countries, aliases, IGOs, titles, office holders, CAMEO codes.

Aliases are matched on syllable sequences, case-sensitively (`Anh` the country, not `anh` the
pronoun); titles case-insensitively. See data/*.tsv for the sources and columns of each file.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from transforms.normalize import fold, normalize_text

DATA = Path(__file__).parent / "data"


def read_tsv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))


def syllables_of(text: str) -> tuple[str, ...]:
    """`Hoa Kỳ` -> ('Hoa', 'Kỳ'); `Ki-moon` stays one syllable, as underthesea's tokenizer keeps it."""
    from transforms.nlp import _syllable_pattern
    return tuple(m.group(0) for m in _syllable_pattern().finditer(normalize_text(text)))


@dataclass(frozen=True)
class Alias:
    text: str
    code: str
    type: str  # GPE | IGO | ORG | LOC
    use: str  # name | seat
    ambiguous: bool
    canonical: str  # the entity's canonical name (English short name for countries)


@dataclass(frozen=True)
class Person:
    name: str
    country: str
    office: str
    start: dt.date
    end: dt.date | None
    org: str | None = None  # the international organization the office belongs to (`UN` for its secretary-general)


@dataclass(frozen=True)
class Cameo:
    code: str
    root: str
    quad_class: int
    goldstein: float
    name: str


class Trie:
    """Longest match of syllable sequences."""

    def __init__(self):
        self.root: dict = {}

    def add(self, key: tuple[str, ...], value) -> None:
        node = self.root
        for part in key:
            node = node.setdefault(part, {})
        node.setdefault(None, value)  # the first entry for a key wins

    def longest(self, items: list[str], start: int) -> tuple[int, object] | None:
        node, best = self.root, None
        for i in range(start, len(items)):
            node = node.get(items[i])
            if node is None:
                break
            if None in node:
                best = (i + 1, node[None])
        return best


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 -> English short name, for canonical names of GPE mentions."""
    import pycountry
    names = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    names.update({"SUN": "Soviet Union", "DDR": "East Germany", "YUG": "Yugoslavia", "CSK": "Czechoslovakia"})
    return names


def _case_variants(syllables: list[str]) -> list[list[str]]:
    """An organization's or a country's name as the press capitalizes it, which varies after the first word
    (`Liên Hợp Quốc`, `Liên hợp quốc`, `Hội đồng bảo an`, `Ả rập Xê-út`): each later word capitalized or not. Names
    with an acronym or a non-word (`ASEAN`, `G-20`) and long names keep their own spelling."""
    if not 2 <= len(syllables) <= 6 or not syllables[0][:1].isupper() or any(
            not w.replace("-", "").isalpha() or len(w) > 1 and w.isupper() for w in syllables):
        return [syllables]
    variants = [[syllables[0]] + [w[:1].upper() + w[1:] if mask >> i & 1 else w.lower()
                                  for i, w in enumerate(syllables[1:])] for mask in range(2 ** (len(syllables) - 1))]
    return variants if syllables in variants else [syllables, *variants]


@lru_cache(maxsize=1)
def aliases() -> Trie:
    names = country_names()
    trie = Trie()
    hand = read_tsv("aliases.tsv")
    for row in hand:  # hand-kept rows first: they carry the guards
        canonical = names.get(row["code"], row["code"]) if row["type"] == "GPE" else row["code"]
        alias = Alias(row["alias"], row["code"], row["type"], row["use"], row["guard"] == "ambiguous", canonical)
        for spelling in _case_variants(syllables_of(row["alias"])) if row["type"] == "IGO" else [
                syllables_of(row["alias"])]:
            trie.add(spelling, alias)
    for row in read_tsv("countries.tsv"):  # (country names as the press capitalizes them: `Ả rập Xê-út`)
        for name in [row["name_vi"], *filter(None, row["aliases_vi"].split("|"))]:
            alias = Alias(name, row["iso3"], "GPE", "name", False, names[row["iso3"]])
            for spelling in _case_variants(syllables_of(name)):
                trie.add(spelling, alias)
    return trie


@lru_cache(maxsize=1)
def titles() -> Trie:
    trie = Trie()
    for row in read_tsv("titles.tsv"):
        trie.add(tuple(s.lower() for s in syllables_of(row["title"])), (row["title"], row["office"]))
    return trie


@lru_cache(maxsize=1)
def portfolios() -> Trie:
    trie = Trie()
    for row in read_tsv("portfolios.tsv"):
        trie.add(tuple(s.lower() for s in syllables_of(row["word"])), row["word"])
    return trie


@lru_cache(maxsize=1)
def people() -> dict[str, list[Person]]:
    """fold(name or alias) -> office holders known by it."""
    index: dict[str, list[Person]] = {}
    for row in read_tsv("people.tsv"):
        person = Person(row["name"], row["country"], row["office"], dt.date.fromisoformat(row["start"]),
                        dt.date.fromisoformat(row["end"]) if row["end"] else None, row.get("org") or None)
        for name in {row["name"], *filter(None, row["aliases"].split("|"))}:
            index.setdefault(fold(name), []).append(person)
    return index


@lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """City or province name -> ISO3 of its country (places.tsv, from GeoNames and ISO 3166-2)."""
    return {row["place"]: row["country"] for row in read_tsv("places.tsv")}


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """Vietnamese words of two or more syllables, lowercase: underthesea's Viet74K dictionary (in its wheel)."""
    import underthesea.corpus as corpus
    path = Path(corpus.__file__).parent / "data" / "Viet74K.txt"
    return frozenset(w for w in (line.strip().lower() for line in open(path, encoding="utf-8")) if " " in w)


@lru_cache(maxsize=1)
def cameo() -> dict[str, Cameo]:
    return {r["code"]: Cameo(r["code"], r["root"], int(r["quad_class"]), float(r["goldstein"]), r["name"])
            for r in read_tsv("cameo_codes.tsv")}


VIETNAMESE_SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh Trương "
    "Đinh Lâm Mai Tô Tạ Hà Lương Lưu Thái Cao Chu Kiều La Quách Tăng Triệu Nông Tống Châu Lạc Đàm Hứa "
    "Khổng Mạc Ninh Phùng Tôn Từ Thân Thạch Doãn Diệp Giang Tập Ôn Đường Tào Trì Thường Ngụy Mao Tưởng "
    "Cảnh Lục Uông Hồng Tần Mã Khúc Lã Âu Văn".split())

FOREIGN_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "van", "von", "der", "da", "di", "du",
                                    "la", "le", "dos", "del", "ben", "bint"})
_ROMAN = re.compile(r"^(?:[IVX]+|Jr\.?|Sr\.?)$")


def is_roman_or_suffix(token: str) -> bool:
    return bool(_ROMAN.match(token))


@lru_cache(maxsize=1)
def leaders() -> list[Person]:
    """Every country's effective leader since 1990 (REIGN, via build_leaders.py): for dating only; the
    names are surnames or short forms, matched with the person's country (see pubdate._terms)."""
    return [Person(row["name"], row["country"], row["office"], dt.date.fromisoformat(row["start"]),
                   dt.date.fromisoformat(row["end"]) if row["end"] else None) for row in read_tsv("leaders_reign.tsv")]
