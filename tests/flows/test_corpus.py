"""The whole shared corpus, plus a folder of deliberately broken files, through the real flow; then the
gold scorer on the result."""
import gzip
import html
import json
import re
import shutil
import subprocess
import sys
import unicodedata

import duckdb
import pytest

from tests.conftest import catalog
from tests.transforms.test_decode import _cp1258

pytestmark = [pytest.mark.prefect, pytest.mark.corpus, pytest.mark.slow]

# broken input -> the outcome and reason it must end with
BROKEN = {"empty.txt": ("rejected", "empty"), "blank.txt": ("rejected", "empty"), "binary.txt": ("rejected", "binary"),
          "huge.txt": ("rejected", "too_large"), "english.txt": ("rejected", "not_vietnamese"),
          "truncated.txt": ("article", None),
          # the same stories as corpus files, as HTML and gzipped: one article each, so duplicates
          "story.html": ("duplicate", "duplicate"), "story.txt.gz": ("duplicate", "duplicate")}
LEGACY = {"tcvn3.txt": "tcvn3", "viscii.txt": "viscii", "cp1258.txt": "cp1258", "vni.txt": "vni"}


def _broken_folder(root, corpus):
    root.mkdir()
    text = (corpus / "vims_2016" / "0001.txt").read_text(encoding="utf-8").replace("\r\n", "\n")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b" \n\t\n")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (root / "huge.txt").write_bytes(text.encode("utf-8") * (50_000_000 // len(text.encode("utf-8")) + 1))  # 50 MB
    (root / "english.txt").write_text("The quick brown fox jumps over the lazy dog. " * 40)
    data = text.encode("utf-8")
    (root / "truncated.txt").write_bytes(data[: data.rindex("ệ".encode()) + 1])  # cut inside a character
    other = (corpus / "dantri_unc_2020" / "0002.txt").read_text(encoding="utf-8").split("\n", 3)[3]
    (root / "story.html").write_text("<html><body><p class=title>" + html.escape(other.split("\n")[0]) + "</p>" +
                                     "".join(f"<p>{html.escape(p)}</p>" for p in other.split("\n")[1:]) + "</body></html>")
    (root / "story.txt.gz").write_bytes(gzip.compress((corpus / "vims_2016" / "0002.txt").read_bytes()))
    from transforms.normalize import normalize_text  # legacy charsets have no curly quotes or no-break space
    legacy = normalize_text((corpus / "seeds" / "001_15b2be1134f67c00.txt").read_text(encoding="utf-8")
                            .replace("“", '"').replace("”", '"').replace("–", "-"))
    for name, charset in (("tcvn3.txt", "TCVN5712-1"), ("viscii.txt", "VISCII")):
        (root / name).write_bytes(subprocess.run(["iconv", "-f", "UTF-8", "-t", charset], input=legacy.encode(),
                                                 capture_output=True, check=True).stdout)
    (root / "cp1258.txt").write_bytes(_cp1258(legacy))
    from transforms.decode import _tables
    vni = {v: k for k, v in _tables()["vni"].items()}
    (root / "vni.txt").write_bytes(b"".join(vni.get(c) or c.encode("cp1252") for c in legacy))
    unique = other + "\n" + (corpus / "dantri_unc_2020" / "0003.txt").read_text(encoding="utf-8").split("\n", 4)[4]
    (root / "rows.jsonl").write_text(json.dumps({"url": "https://example.vn/a", "text": unique, "published": "2020-10"},
                                                ensure_ascii=False) + "\n" + json.dumps({"url": "https://example.vn/b"}) + "\n")
    return root


@pytest.fixture(scope="module")
def corpus_warehouse(tmp_path_factory, corpus, prefect_server):
    from flows.news_to_events import news_to_events

    if not shutil.which("iconv"):
        pytest.skip("needs glibc iconv to write TCVN3 and VISCII test files")
    base = tmp_path_factory.mktemp("corpus")
    broken = _broken_folder(base / "broken", corpus)
    root = base / "wh"
    summary = news_to_events(paths=[str(corpus), str(broken)], warehouse=str(root), workers=2)
    return root, summary


def test_every_input_is_accounted_for(corpus_warehouse):
    root, summary = corpus_warehouse
    con = catalog(root)
    outcomes = dict(con.sql("select outcome, count(*) from inputs group by 1").fetchall())
    n_broken = len(BROKEN) + len(LEGACY) + 2  # two JSONL rows
    assert summary["inputs"] == 610 + n_broken == sum(outcomes.values())
    assert summary["inputs"] == summary["articles"] + summary["duplicates"] + summary["rejected"]
    corpus = dict(con.sql("select outcome, count(*) from inputs where source_uri like '%/shared/corpus/%' "
                          "group by 1").fetchall())
    assert sum(corpus.values()) == 610 and corpus.get("rejected", 0) == 0
    # the eight UTF-16 files are duplicates of their UTF-8 twins
    dups = con.sql("select source_uri from inputs where outcome='duplicate'").fetchall()
    assert sorted(u for (u,) in dups if "vntc_raw_utf16" in u) == [u for (u,) in sorted(dups) if "vntc_raw_utf16" in u]
    assert sum("vntc_raw_utf16" in u for (u,) in dups) == 8


def test_broken_inputs_end_with_their_reasons(corpus_warehouse):
    root, _ = corpus_warehouse
    con = catalog(root)
    rows = {uri.rsplit("/", 1)[-1]: (outcome, reason, encoding) for uri, outcome, reason, encoding in con.sql(
        "select source_uri, outcome, reason, encoding from inputs where source_uri like '%/broken/%' "
        "or source_uri like 'https://example.vn/%'").fetchall()}
    for name, (outcome, reason) in BROKEN.items():
        assert rows[name][:2] == (outcome, reason), name
    for name, encoding in LEGACY.items():
        assert rows[name][0] in ("article", "duplicate") and rows[name][2] == encoding, name
    assert rows["a"][0] == "article" and rows["b"][:2] == ("rejected", "empty")
    replay = con.sql("select replay from rejects where source_uri like '%huge.txt'").fetchall()[0][0]
    assert replay.startswith("vnevents run") and "huge.txt" in replay
    published = con.sql("select published_date, published_precision, published_basis from articles "
                        "where source_uri = 'https://example.vn/a'").fetchall()
    assert [(str(d), p, b) for d, p, b in published] == [("2020-10-01", "month", "metadata")]


def test_bodies_are_clean(corpus_warehouse):
    root, _ = corpus_warehouse
    con = catalog(root)
    for (body,) in con.sql("select body from articles").fetchall():
        assert not re.search(r"\S+\.(?:jpe?g|png|gif)\b", body, re.I)
        assert not re.search(r"<[a-zA-Z/][^>]*>|&(?:[a-z]+|#\d+);", body)
        assert "\u200b" not in body and unicodedata.is_normalized("NFC", body)
    title, agencies = con.sql("select title, byline_agencies from articles where source_uri like "
                              "'%seeds/000_5ee90c6c6bb052ff.txt'").fetchall()[0]
    assert title == "Mỹ có thể mua tên lửa của Nga" and {"AP", "NBC"} <= set(agencies)


def test_gold_scorer_runs(corpus_warehouse, shared):
    root, _ = corpus_warehouse
    out = subprocess.run([sys.executable, str(shared / "gold" / "score.py"), "--warehouse", str(root), "--gold",
                          str(shared / "gold" / "dev.jsonl"), "--json"], capture_output=True, text=True, check=True)
    scores = json.loads(out.stdout)
    gold_articles = sum(1 for line in open(shared / "gold" / "dev.jsonl", encoding="utf-8") if line.strip())
    assert scores["articles"] == {"gold": gold_articles, "found": gold_articles}
    # floors well below today's figures, to catch regressions (see README for the current scores)
    assert scores["timex_detection"]["f1"] > 0.8
    assert scores["entities"]["f1"] > 0.8
    assert scores["events_dyad"]["f1"] > 0.3


def test_gold_scorer_after_a_second_run_reads_only_current_rows(corpus_warehouse, shared, corpus):
    """A second run that codes some gold articles again replaces their rows (new Delta files, the old ones
    tombstoned): the scorer's `<table>/**/*.parquet` glob still reads each row once, with the same scores."""
    from flows.news_to_events import news_to_events

    root, _ = corpus_warehouse

    def score() -> dict:
        out = subprocess.run([sys.executable, str(shared / "gold" / "score.py"), "--warehouse", str(root), "--gold",
                              str(shared / "gold" / "dev.jsonl"), "--json"], capture_output=True, text=True,
                             check=True)
        return json.loads(out.stdout)

    before = score()
    docs = [json.loads(line)["doc"] for line in open(shared / "gold" / "dev.jsonl", encoding="utf-8")][:8]
    again = news_to_events(paths=[str(corpus / d) for d in docs], warehouse=str(root), workers=1, reprocess=True)
    assert again["articles"] == len(docs)
    assert score() == before
    con = catalog(root)
    for table in ("articles", "timexes", "mentions", "events"):
        plain = duckdb.sql(f"select count(*) from read_parquet('{root}/{table}/**/*.parquet', "
                           "hive_partitioning=true, union_by_name=true)").fetchall()
        assert plain == con.sql(f"select count(*) from {table}").fetchall(), table
