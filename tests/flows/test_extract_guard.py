"""A bug in one extractor does not lose the article: `extract` returns what the other steps found plus the
error, and the run publishes the article and records the error in `rejects` (stage `extract`, reason
`extract_error`, with the step, the table it left short and the replay command). The bug is injected
into the real pipeline by replacing one extractor with a function that raises."""
import json
import shlex

import duckdb
import pytest

from tests.conftest import SEED_1
from transforms import article as art
from transforms import events as ev
from transforms import mentions as mn


def _raise(*args, **kwargs):
    raise ValueError("injected extractor bug")


@pytest.fixture(scope="module")
def seed_article() -> art.Article:
    return art.clean(art.Document("seed", str(SEED_1), SEED_1.read_text(encoding="utf-8"), "utf-8"))


def test_failed_step_keeps_the_others(seed_article, monkeypatch):
    whole = art.extract(seed_article)
    assert whole.errors == [] and whole.events and whole.mentions and whole.timexes
    monkeypatch.setattr(ev, "article_events", _raise)
    partial = art.extract(seed_article)
    assert partial.errors == [("events", "ValueError: injected extractor bug")]
    assert partial.events == []
    assert (partial.mentions, partial.timexes, partial.published, partial.sentences) == (
        whole.mentions, whole.timexes, whole.published, whole.sentences)


def test_later_steps_go_on_without_a_failed_one(seed_article, monkeypatch):
    whole = art.extract(seed_article)
    monkeypatch.setattr(mn, "article_mentions", _raise)
    partial = art.extract(seed_article)
    assert partial.errors == [("mentions", "ValueError: injected extractor bug")]
    assert partial.mentions == []
    # the same time expressions; the publication year (and so some values) is fixed without office holders
    assert [t.surface for t in partial.timexes] == [t.surface for t in whole.timexes]


@pytest.mark.prefect
def test_run_publishes_the_article_and_records_the_error(tmp_path, prefect_server, monkeypatch):
    from flows.news_to_events import news_to_events

    # one worker and no per-input time limit (which needs a worker process): extraction runs in this process
    monkeypatch.setattr(ev, "article_events", _raise)
    summary = news_to_events(paths=[str(SEED_1)], warehouse=str(tmp_path / "wh"), workers=1, input_timeout=0)
    assert (summary["inputs"], summary["articles"], summary["rejected"], summary["events"]) == (1, 1, 0, 0)
    assert summary["validation_success"]

    def rows(sql: str) -> list[tuple]:
        return duckdb.sql(sql.format(**{t: f"read_parquet('{tmp_path}/wh/{t}/**/*.parquet', hive_partitioning=true)"
                                        for t in ("inputs", "rejects", "articles", "mentions")})).fetchall()

    assert rows("select outcome, reason from {inputs}") == [("article", None)]
    (article_id,), = rows("select article_id from {articles}")
    assert rows("select count(*) > 0 from {mentions}") == [(True,)]
    (reject,) = rows("select stage, reason, detail, table_name, row_json, replay from {rejects}")
    assert reject[:4] == ("extract", "extract_error", "events: ValueError: injected extractor bug", "events")
    assert json.loads(reject[4]) == {"article_id": article_id, "step": "events"}
    assert reject[5] == f"vnevents run {shlex.quote(str(SEED_1))}"
