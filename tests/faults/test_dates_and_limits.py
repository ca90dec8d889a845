"""Publication dates that do not parse or cannot be true are flagged and set aside, never silently used or
ignored; validation refuses implausible years; one input past its time limit is rejected `timeout` while
the others go on."""
import datetime as dt
import shlex

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flows import stages
from flows.limits import InputTimeout, deadline
from schemas.tables import TABLES
from tests.conftest import SEED_1, SEED_2
from transforms.article import Document, clean, extract

TODAY = dt.date(2026, 11, 21)
COLUMNS = dict(text="text", url="url", published="published", title="title", source="source")


def article(published=None, text=None):
    return clean(Document("x", "x.txt", text or SEED_1.read_text("utf-8"), "utf-8", published=published))


@pytest.mark.parametrize("given, flag", [
    ("not a date", "published_unparsed"), ("2099-13-45", "published_unparsed"),
    ("2099-12-31", "published_implausible"), ("1850-01-01", "published_implausible"),
    ("9999-12-31", "published_implausible"), ("2026-11-23", "published_implausible"),
])
def test_bad_metadata_dates_are_flagged_and_set_aside(given, flag):
    x = extract(article(given), today=TODAY)
    assert x.flags == [flag]
    assert x.published.basis != "metadata"
    assert x.published.date is None or x.published.date.as_date() <= TODAY


def test_plausible_metadata_dates_stand():
    for given in ("2026-11-22", "1900-01-01", "2001-05"):  # the run date plus a day is still plausible
        x = extract(article(given), today=TODAY)
        assert (x.flags, x.published.basis, x.published.date.value) == ([], "metadata", given)


def test_far_future_with_tomorrow_does_not_overflow():
    text = "Nga và Mỹ sẽ hội đàm tại Hà Nội vào ngày mai về hợp tác kinh tế và an ninh khu vực."
    x = extract(article("9999-12-31", text), today=TODAY)  # was: OverflowError, the article lost
    assert x.flags == ["published_implausible"] and x.published.basis == "none"
    header = clean(Document("x", "x.txt", "# date = 99991231\n" + text, "utf-8"))
    x = extract(header, today=TODAY)
    assert x.flags == ["published_implausible"] and x.published.basis == "none"


def test_validation_refuses_implausible_years(tmp_path):
    from flows.validation import validate
    from schemas.tables import TABLES

    rows = [{"timex_id": f"t{i}", "article_id": "0" * 16, "sentence_index": 0, "char_start": 0, "char_end": 4,
             "surface": "năm", "kind": "year", "value": value, "granularity": "year", "published_year": year,
             "run_id": "r"} for i, (value, year) in enumerate([("2001", "2001"), ("0000", "2001"),
                                                               ("9999-12-31", "2001"), ("2001", "0000")])]
    table = pa.Table.from_pylist(rows, schema=TABLES["timexes"].arrow_schema())
    report = validate({"timexes": table}, tmp_path / "report")
    assert sorted(report.tables["timexes"].failing_rows) == [1, 2, 3]


def test_deadline_interrupts_a_runaway_pattern():
    import re
    with pytest.raises(InputTimeout):
        with deadline(0.2):
            re.match(r"(a+)+$", "a" * 40 + "b")  # exponential backtracking: hours without the limit


def test_one_slow_input_times_out_and_the_others_go_on(tmp_path):
    seed = SEED_1.read_text("utf-8")
    (tmp_path / "big.txt").write_text(seed * 300, encoding="utf-8")  # about 10 s of extraction
    (tmp_path / "seed.txt").write_text(SEED_2.read_text("utf-8"), encoding="utf-8")
    uris = [str(tmp_path / "big.txt"), str(tmp_path / "seed.txt")]
    [part] = stages.ingest_batch(uris, str(tmp_path / "ingest"), 0, 0, 10**8, COLUMNS)
    cleaned = stages.clean_batch(part, str(tmp_path / "c.parquet"), timeout=60)
    assert [r["reason"] for r in pq.read_table(cleaned).to_pylist()] == [None, None]
    _, chosen = stages.deduplicate([cleaned], TABLES["articles"].empty(), str(tmp_path / "d.parquet"))
    now = "2026-11-21T00:00:00+00:00"
    stages.extract_batch(cleaned, chosen[cleaned], str(tmp_path / "warm"), "r", now)  # models loaded
    out = stages.extract_batch(cleaned, chosen[cleaned], str(tmp_path / "x"), "r", now, timeout=2)
    rejects = pq.read_table(out["rejects"]).to_pylist()
    assert [(r["source_uri"], r["reason"]) for r in rejects] == [(uris[0], "timeout")]
    assert pq.read_table(out["articles"])["source_uri"].to_pylist() == [uris[1]]
    assert shlex.split(stages.replay_command(uris[0], "timeout"))[:2] == ["env", "VNEVENTS_INPUT_TIMEOUT=0"]


def test_a_few_bad_bytes_keep_utf8_and_flag_lossy():
    data = SEED_1.read_bytes()
    middle = len(data) // 2
    middle = data.index(b" ", middle)
    broken = data[:middle] + b"\xff\xfe\xfd\xfc" + data[middle:]  # 4 bad bytes mid-file
    from transforms.decode import decode_bytes
    decoded = decode_bytes(broken)
    assert (decoded.encoding, decoded.lossy) == ("utf-8", True)  # was: decoded as VNI, every accent garbled
    assert decoded.text == data[:middle].decode() + "\ufffd" * 4 + data[middle:].decode()
    a = clean(Document("x", "x.txt", decoded.text, decoded.encoding, lossy=decoded.lossy))
    assert a.flags == ["lossy"]
