"""Entity ids are stable across runs: two runs over two halves of a corpus sample, and a third over all
of it, give the same entity_id to the same mention; publishing the halves one after the other into one
warehouse merges them into the same `entities` table as the single run."""
import pytest

from tests.conftest import catalog

pytestmark = [pytest.mark.prefect, pytest.mark.corpus]


def _rows(root, sql):
    con = catalog(root)
    try:
        return con.sql(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def runs(tmp_path_factory, corpus, prefect_server):
    from flows.news_to_events import news_to_events

    files = sorted(str(p) for folder in ("dantri_unc_2020", "vntc_2000s", "baomoi_2017")
                   for p in sorted((corpus / folder).glob("*.txt"))[:10])
    half_a, half_b = files[::2], files[1::2]
    base = tmp_path_factory.mktemp("entities")
    for name, paths in (("a", half_a), ("b", half_b), ("all", files), ("merged", half_a)):
        news_to_events(paths=paths, warehouse=str(base / name), workers=1)
    news_to_events(paths=half_b, warehouse=str(base / "merged"), workers=1)
    return {name: base / name for name in ("a", "b", "all", "merged")}


MENTIONS = "select article_id, char_start, char_end, entity_id from mentions"
ENTITIES = "select entity_id, entity_type, mention_count, article_count from entities order by entity_id"


def test_same_mention_same_entity_id(runs):
    everything = {r[:3]: r[3] for r in _rows(runs["all"], MENTIONS)}
    halves = _rows(runs["a"], MENTIONS) + _rows(runs["b"], MENTIONS)
    assert len(halves) == len(everything)
    assert all(everything[r[:3]] == r[3] for r in halves)


def test_halves_published_in_turn_merge_like_one_run(runs):
    assert _rows(runs["merged"], ENTITIES) == _rows(runs["all"], ENTITIES)
    usa = _rows(runs["all"], "select entity_id from entities where entity_code='USA' and entity_type='GPE'")
    assert usa == _rows(runs["a"], "select entity_id from entities where entity_code='USA' and entity_type='GPE'")
