"""Fixtures shared by the flow tests: the whole shared corpus through the real flow, once per session (the
corpus tests and the report's browser tests read the same warehouse); moto's S3 server."""
import gzip
import html
import json
import shutil
import socket
import subprocess
import sys
import time

import httpx
import pytest

from tests.transforms.test_decode import _cp1258


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


@pytest.fixture(scope="session")
def corpus_warehouse(tmp_path_factory, corpus, prefect_server):
    from flows.news_to_events import news_to_events

    if not shutil.which("iconv"):
        pytest.skip("needs glibc iconv to write TCVN3 and VISCII test files")
    base = tmp_path_factory.mktemp("corpus")
    broken = _broken_folder(base / "broken", corpus)
    root = base / "wh"
    summary = news_to_events(paths=[str(corpus), str(broken)], warehouse=str(root), workers=2)
    return root, summary


@pytest.fixture
def s3_server(monkeypatch):
    """moto's S3 server in its own process: delta-rs holds the GIL while it waits on a request, so a server
    thread inside the test process could never answer it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    server = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            httpx.get(endpoint + "/moto-api/")
            break
        except httpx.HTTPError:
            assert time.monotonic() < deadline, "moto server did not start"
            time.sleep(0.2)
    import s3fs
    s3fs.S3FileSystem.clear_instance_cache()  # fsspec caches filesystems, with an earlier test's endpoint
    for key, value in dict(AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_DEFAULT_REGION="us-east-1",
                           AWS_REGION="us-east-1", AWS_ENDPOINT_URL=endpoint).items():
        monkeypatch.setenv(key, value)
    import boto3
    boto3.client("s3").create_bucket(Bucket="lake")
    yield "s3://lake/vnevents"
    s3fs.S3FileSystem.clear_instance_cache()
    server.terminate()
    server.wait()
