"""The whole shared corpus, plus a folder of deliberately broken files, through the real flow; then the
gold scorer on the result."""
import json
import re
import shlex
import subprocess
import sys
import unicodedata

import duckdb
import pytest

from tests.conftest import catalog

pytestmark = [pytest.mark.prefect, pytest.mark.corpus, pytest.mark.slow]

# broken input -> the outcome and reason it must end with
BROKEN = {"empty.txt": ("rejected", "empty"), "blank.txt": ("rejected", "empty"), "binary.txt": ("rejected", "binary"),
          "huge.txt": ("rejected", "too_large"), "english.txt": ("rejected", "not_vietnamese"),
          "truncated.txt": ("article", None),
          # the same stories as corpus files, as HTML and gzipped: one article each, so duplicates
          "story.html": ("duplicate", "duplicate"), "story.txt.gz": ("duplicate", "duplicate")}
LEGACY = {"tcvn3.txt": "tcvn3", "viscii.txt": "viscii", "cp1258.txt": "cp1258", "vni.txt": "vni"}
# the `corpus_warehouse` fixture (tests/flows/conftest.py) runs the flow on the corpus and a folder of these files


def test_every_input_is_accounted_for(corpus_warehouse):
    root, summary = corpus_warehouse
    con = catalog(root)
    outcomes = dict(con.sql("select outcome, count(*) from inputs group by 1").fetchall())
    n_broken = len(BROKEN) + len(LEGACY) + 2  # two JSONL rows
    # every file under the corpus folder is an input: 610 articles' files, and its README and five
    # MANIFEST.tsv files, rejected as unsupported_type (they used to be skipped without a word)
    assert summary["inputs"] == 616 + n_broken == sum(outcomes.values())
    assert summary["inputs"] == summary["articles"] + summary["duplicates"] + summary["rejected"]
    corpus = dict(con.sql("select outcome, count(*) from inputs where source_uri like '%/shared/corpus/%' "
                          "group by 1").fetchall())
    assert sum(corpus.values()) == 616 and corpus.get("rejected", 0) == 6
    others = con.sql("select distinct reason, regexp_extract(source_uri, '[^/]+$') from inputs where source_uri like "
                     "'%/shared/corpus/%' and outcome = 'rejected'").fetchall()
    assert sorted(others) == [("unsupported_type", "MANIFEST.tsv"), ("unsupported_type", "README.md")]
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
    assert shlex.split(replay) == ["vnevents", "run", str(root.parent / "broken" / "huge.txt")]
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
