"""A small fuzz run through the real flow (bench/fuzz_inputs.py runs 2,000+): generated hostile inputs,
one ledger row each, summary equal to the ledger, unique reject ids, validation passed, inputs untouched."""
import pytest

from tests.conftest import need_shared


@pytest.mark.prefect
@pytest.mark.slow
@pytest.mark.timeout(900)
def test_fuzz_run_accounts_for_every_input(tmp_path, prefect_server):
    need_shared()
    from bench.fuzz_inputs import run

    assert run(tmp_path, 100, seed=7, workers=1, timeout=30, huge=50_000) == 0
