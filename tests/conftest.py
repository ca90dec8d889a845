"""Shared fixtures. Tests read the corpus from ../shared (never copied into the repo); they may skip when
it is absent only outside CI. A Prefect test server is started once per session, for the tests that
ask for it."""
from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SEED_1 = SAMPLES / "seeds" / "000_5ee90c6c6bb052ff.txt"
SEED_2 = SAMPLES / "seeds" / "001_15b2be1134f67c00.txt"
SHARED = Path(os.environ.get("VNEVENTS_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"


def need_shared() -> Path:
    """The shared folder, or a skip (outside CI) / a failure (in CI) when it is missing."""
    if CORPUS.is_dir():
        return SHARED
    if os.environ.get("CI"):
        pytest.fail(f"CI needs {SHARED} (the shared corpus and gold files)")
    pytest.skip(f"{SHARED} not present")


@pytest.fixture(scope="session")
def shared() -> Path:
    return need_shared()


@pytest.fixture(scope="session")
def corpus(shared) -> Path:
    return shared / "corpus"


def read_corpus(name: str) -> bytes:
    need_shared()
    return (CORPUS / name).read_bytes()


@functools.lru_cache(maxsize=None)
def _corpus_sentences(name: str) -> tuple[str, ...]:
    from transforms.article import Document, clean
    from transforms.decode import decode_bytes
    from transforms.nlp import sentences_of

    article = clean(Document(name, name, decode_bytes(read_corpus(name)).text, "utf-8"))
    segments = [(s["role"], s["char_start"], s["char_end"]) for s in article.segments]
    return tuple(s.text for s in sentences_of(article.text, segments))  # the sentences the pipeline sees


def corpus_sentence(name: str, anchor: str) -> str:
    """The first sentence of corpus article `name`, as cleaned, that holds `anchor`: test tables name a
    sentence by its first words and read it from ../shared, so no article text is copied into the repo."""
    found = next((s for s in _corpus_sentences(name) if anchor in s), None)
    assert found is not None, f"no sentence with {anchor!r} in {name}"
    return found


def catalog(root):
    """The warehouse's DuckDB catalog, read-only, with its relative paths resolved against the root (as a
    client started in the warehouse folder resolves them)."""
    from flows.warehouse import Warehouse

    return Warehouse(str(root)).connect()


@pytest.fixture(scope="session")
def prefect_server():
    """A temporary Prefect API for the whole session (about 12 s to start, so only once)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def seed_texts() -> tuple[str, str]:
    return SEED_1.read_text(encoding="utf-8"), SEED_2.read_text(encoding="utf-8")
