"""Nothing crashes ingestion, and every input is accounted for: properties on arbitrary bytes and text,
and inputs read from S3 (moto's S3 server on 127.0.0.1 stands in for S3, which is out of reach here)."""
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from flows import stages
from tests.conftest import SEED_1, SEED_2
from transforms.article import Document, Rejected, clean, extract

COLUMNS = dict(text="text", url="url", published="published", title="title", source="source")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.binary(max_size=3000),
                          st.text(max_size=2000).map(lambda t: t.encode("utf-8")),
                          st.text(max_size=500).map(lambda t: t.encode("utf-16"))), min_size=1, max_size=4))
def test_arbitrary_bytes_end_as_article_or_reject(blobs):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        uris = []
        for i, blob in enumerate(blobs):
            (tmp / f"{i}.txt").write_bytes(blob)
            uris.append(str(tmp / f"{i}.txt"))
        [ingested] = stages.ingest_batch(uris, str(tmp / "ingest"), 0, 0, 10**6, COLUMNS)
        rows = pq.read_table(stages.clean_batch(ingested, str(tmp / "c.parquet"))).to_pylist()
    assert len(rows) == len(blobs)
    for row in rows:
        assert (row["article_id"] is None) != (row["reason"] is None)


VIETNAMESE = st.text(alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạèéẻẽẹ ồốộớợ ừứự ,.;:!?()\"“”-/\n"
                                                   "0123456789 NgaMỹHoaKỳTổngthốngngàytháng")), min_size=1, max_size=600)


@settings(max_examples=80, deadline=None)
@given(VIETNAMESE)
def test_extraction_never_crashes_on_text(text):
    try:
        article = clean(Document("x", "doc.txt", text, "utf-8"))
    except Rejected:
        return
    result = extract(article)
    for t in result.timexes + result.mentions:
        assert article.text[t.start:t.end] == t.surface


@pytest.fixture
def s3(monkeypatch):
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0)
    server.start()
    host, port = server.get_host_and_port()
    for key, value in dict(AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_DEFAULT_REGION="us-east-1",
                           AWS_ENDPOINT_URL=f"http://{host}:{port}").items():
        monkeypatch.setenv(key, value)
    import boto3
    client = boto3.client("s3")
    client.create_bucket(Bucket="news")
    for seed in (SEED_1, SEED_2):
        client.put_object(Bucket="news", Key=f"incoming/seeds/{seed.name}", Body=seed.read_bytes())
    yield "s3://news/incoming/"
    server.stop()


@pytest.mark.prefect
def test_flow_reads_inputs_from_s3(s3, tmp_path, prefect_server):
    import duckdb

    from flows.news_to_events import news_to_events

    summary = news_to_events(paths=[s3], warehouse=str(tmp_path / "wh"), workers=1)
    assert summary["articles"] == 2
    uris = duckdb.sql(f"select source_uri from read_parquet('{tmp_path}/wh/articles/**/*.parquet', "
                      f"hive_partitioning=true) order by 1").fetchall()
    assert uris == [(f"{s3}seeds/{SEED_1.name}",), (f"{s3}seeds/{SEED_2.name}",)]
