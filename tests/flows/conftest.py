"""Fixtures shared by the flow tests: the whole shared corpus through the real flow, once per session (the
corpus tests and the report's browser tests read the same warehouse)."""
import gzip
import html
import json
import shutil
import subprocess

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
