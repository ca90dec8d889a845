"""The world model of time: office terms (curated people.tsv, REIGN-built leaders_reign.tsv) and anchors."""
import contextlib
import datetime as dt
import io
import re

from tests.conftest import need_shared
from transforms import gazetteer as gz
from transforms.data import build_leaders
from transforms.normalize import fold


def test_leaders_file_is_what_the_builder_makes_from_reign():
    shared = need_shared()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        build_leaders.main(shared / "reference" / "reign_leaderlist_2021_3.csv")
    assert (gz.DATA / "leaders_reign.tsv").read_text(encoding="utf-8") == out.getvalue(), \
        "run `python transforms/data/build_leaders.py > transforms/data/leaders_reign.tsv`"


def test_every_term_is_a_sourced_interval():
    for row in gz.read_tsv("people.tsv") + gz.read_tsv("leaders_reign.tsv"):
        start = dt.date.fromisoformat(row["start"])
        assert not row["end"] or dt.date.fromisoformat(row["end"]) >= start, row
        assert row["source"].strip(), row


def test_vietnamese_forms_and_reign_leaders():
    assert {p.name for p in gz.people()[fold("Tập Cận Bình")]} == {"Xi Jinping"}
    assert {p.name for p in gz.people()[fold("Hồ Cẩm Đào")]} == {"Hu Jintao"}
    tsipras = [p for p in gz.leaders() if p.name == "Tsipras"]  # a leader only REIGN knows
    assert [(p.country, p.start, p.end) for p in tsipras] == [  # two terms, a caretaker between
        ("GRC", dt.date(2015, 1, 26), dt.date(2015, 8, 27)), ("GRC", dt.date(2015, 9, 21), dt.date(2019, 7, 8))]


def test_anchor_patterns_compile_and_date():
    for row in gz.read_tsv("anchors.tsv"):
        re.compile(row["pattern"])
        assert row["kind"] in ("landmark", "event", "ordinal", "release", "anniversary") and row["source"], row
        assert (row["kind"] in ("ordinal", "release")) == bool(row["ordinals"]), row
        for value in row["date"].split() + [v.split("=")[1] for v in row["ordinals"].split()]:
            first, _, last = value.partition("/")
            assert re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", first) and (not last or last >= first), row
        # only events of one-day dates say what story they are (pubdate._news_month reads `happening`)
        one_day = row["kind"] == "event" and all(re.fullmatch(r"\d{4}-\d\d-\d\d", d) for d in row["date"].split())
        assert row["story"] in (("happening", "lasting", "name") if one_day else ("",)), row
