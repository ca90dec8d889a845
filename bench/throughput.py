"""Throughput and memory: the pipeline on the first N articles of ../shared/bulk/vntc_bulk_20k.tar.xz.

    python bench/throughput.py [--n 1000 --n 5000] [--workers 0] [--warm-run] [--naive-n 100]

For each N, in a fresh process (so peak memory is that run's own): the real `news_to_events` flow into a
new Delta warehouse (first run), then the same N inputs again (all `unchanged`). Before them a trivial
flow starts the temporary Prefect API server, so the first run's process is what `vnevents run` starts
with (until 2026-11-30 a warm-up run of the pipeline on samples/ came first, which left
great-expectations, deltalake and DuckDB loaded in the flow process; `--warm-run` measures that way).
Reports wall time, articles/s and peak memory: the largest sum of resident memory over the run's
process tree (the flow process and its worker processes; the temporary Prefect API server is left out,
it is the orchestrator a deployment runs once), sampled every 0.1 s, with what each process held at
that moment; and the first run's CPU seconds by kind of process (flow, workers, Prefect server), the
cost that other jobs on a shared machine do not inflate. Then the ratios the design targets: peak
memory of the largest N over the smallest (bounded memory: at most 1.25), re-run over first-run time
(incremental runs: at most 0.10). With --naive-n > 0 also, on that many articles in this process:
  transforms  clean + extract alone, one core (no Prefect, no validation);
  naive       per-sentence underthesea: sent_tokenize, then `ner()` per sentence, one core.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
BULK = REPO.parent / "shared" / "bulk" / "vntc_bulk_20k.tar.xz"


def unpack(n: int, target: Path) -> list[Path]:
    out = []
    with tarfile.open(BULK, "r:xz") as tar:
        for member in tar:
            if not member.isfile():
                continue
            path = target / member.name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(tar.extractfile(member).read())
            out.append(path)
            if len(out) >= n:
                break
    return out


class PeakMemory:
    """Largest total RSS of this process and its descendants, the Prefect API server excluded; and the CPU
    seconds each kind of process used (flow: this process; workers: the task runner's processes; server:
    the Prefect API server), which the shared machine's load does not inflate as it does wall time."""

    def __init__(self):
        import psutil

        self.me = psutil.Process()
        self.peak = 0  # sum over the tree
        self.at_peak: list[tuple[str, int]] = []  # (kind, RSS) of each process at that moment
        self.largest = 0  # one process (what the earlier figures, ru_maxrss of self or a child, measured)
        self.cpu: dict[int, tuple[str, float]] = {}  # pid -> (kind, CPU seconds since start)
        self._base = {p.pid: sum(p.cpu_times()[:2]) for p in [self.me, *self.me.children(recursive=True)]}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _kind(self, p) -> str:
        if p.pid == self.me.pid:
            return "flow"
        cmd = " ".join(p.cmdline())
        if "prefect.server" in cmd or "uvicorn" in cmd or "prefect server" in cmd:
            return "server"
        return "workers"

    def _sizes(self) -> list[tuple[str, int]]:
        import psutil

        sizes = []
        for p in [self.me, *self.me.children(recursive=True)]:
            try:
                kind = self._kind(p)
                self.cpu[p.pid] = (kind, sum(p.cpu_times()[:2]) - self._base.get(p.pid, 0.0))
                if kind != "server":
                    sizes.append((kind, p.memory_info().rss))
            except psutil.Error:
                pass
        return sizes

    def cpu_seconds(self) -> dict[str, float]:
        """CPU seconds by kind of process so far (a finished worker counts with its last sample)."""
        out = {"flow": 0.0, "workers": 0.0, "server": 0.0}
        for kind, seconds in list(self.cpu.values()):
            out[kind] += seconds
        return out

    def _watch(self) -> None:
        while not self._stop.is_set():
            sizes = self._sizes()
            if sum(rss for _, rss in sizes) > self.peak:
                self.peak, self.at_peak = sum(rss for _, rss in sizes), sizes
            self.largest = max([self.largest, *(rss for _, rss in sizes)])
            time.sleep(0.1)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def child(n: int, workers: int, warm_run: bool = False) -> dict:
    """First run and unchanged re-run of N articles; one JSON line on stdout."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # the temporary Prefect server gets a database of its own (~/.prefect may hold one another Prefect
        # version migrated); migrating it is slow on a busy machine, and happens in the warm-up run
        os.environ.setdefault("PREFECT_HOME", str(tmp / "prefect"))
        os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
        from flows.news_to_events import news_to_events

        files = unpack(n, tmp / "in")
        chars = sum(len(f.read_bytes().decode("utf-8", "replace")) for f in files)
        if warm_run:  # the measure until 2026-11-30: the pipeline's modules loaded by an earlier run
            news_to_events(paths=[str(REPO / "samples")], warehouse=str(tmp / "warm"), workers=1)
        else:  # only the temporary Prefect server (its start is not the run's)
            from prefect import flow
            flow(name="bench-warm-up")(lambda: None)()
        with PeakMemory() as memory:
            start = time.perf_counter()
            first = news_to_events(paths=[str(tmp / "in")], warehouse=str(tmp / "wh"), workers=workers)
            wall = time.perf_counter() - start
            time.sleep(0.3)  # one more sample of the first run's processes
            cpu = memory.cpu_seconds()
            start = time.perf_counter()
            again = news_to_events(paths=[str(tmp / "in")], warehouse=str(tmp / "wh"), workers=workers)
            rerun = time.perf_counter() - start
    return {"n": len(files), "chars": chars, "wall": wall, "rerun": rerun, "events": first["events"],
            "articles": first["articles"], "unchanged": again["unchanged"], "peak_mb": memory.peak / 1e6,
            "largest_mb": memory.largest / 1e6, "at_peak": [(kind, rss / 1e6) for kind, rss in memory.at_peak],
            "workers": workers or os.cpu_count(), "cpu": cpu, "load": os.getloadavg()[1]}


def transforms_only(files: list[Path]) -> tuple[float, int]:
    from transforms.article import Document, clean, extract
    from transforms.decode import decode_bytes

    chars = 0
    start = time.perf_counter()
    for f in files:
        try:
            a = clean(Document("x", str(f), decode_bytes(f.read_bytes()).text, "utf-8"))
        except Exception:  # noqa: BLE001 - rejects count too, as in the pipeline
            continue
        extract(a)
        chars += len(a.text)
    return time.perf_counter() - start, chars


def naive(files: list[Path]) -> float:
    from underthesea import ner, sent_tokenize

    from transforms.decode import decode_bytes
    start = time.perf_counter()
    for f in files:
        for sentence in sent_tokenize(decode_bytes(f.read_bytes()).text):
            ner(sentence)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, action="append", help="articles for a pipeline run (repeatable) "
                                                           "[default: 1000 and 5000]")
    ap.add_argument("--workers", type=int, default=0, help="worker processes (0 = one per core)")
    ap.add_argument("--warm-run", action="store_true", help="warm up with a pipeline run on samples/ in the same "
                                                            "process (the measure until 2026-11-30)")
    ap.add_argument("--naive-n", type=int, default=0, help="articles for the transforms-only and naive runs")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not BULK.exists():
        print(f"missing {BULK}", file=sys.stderr)
        return 2
    if args.child:
        print("RESULT " + json.dumps(child(args.child, args.workers, args.warm_run)), flush=True)
        return 0
    results = []
    for n in args.n or [1000, 5000]:
        out = subprocess.run([sys.executable, __file__, "--child", str(n), "--workers", str(args.workers),
                              *(["--warm-run"] if args.warm_run else [])], capture_output=True, text=True)
        line = next((x for x in out.stdout.splitlines() if x.startswith("RESULT ")), None)
        if line is None:
            print(out.stdout[-3000:], out.stderr[-3000:], file=sys.stderr)
            return 1
        r = json.loads(line[len("RESULT "):])
        results.append(r)
        print(f"pipeline   {r['n']} articles ({r['chars'] / 1e6:.1f} M chars), {r['workers']} workers: "
              f"{r['wall']:.1f} s = {r['n'] / r['wall']:.1f} articles/s, {r['chars'] / r['wall'] / 1e3:.0f} k chars/s; "
              f"{r['events']} events; peak memory {r['peak_mb']:.0f} MB (process tree), {r['largest_mb']:.0f} MB (largest "
              f"process); re-run of the {r['unchanged']} unchanged "
              f"inputs {r['rerun']:.1f} s ({100 * r['rerun'] / r['wall']:.1f}% of the first run)", flush=True)
        print("memory     at the peak: " + ", ".join(f"{kind} {mb:.0f} MB" for kind, mb in r["at_peak"]), flush=True)
        cpu = r["cpu"]
        print(f"cpu        first run: {sum(cpu.values()):.0f} CPU s = {sum(cpu.values()) / r['n']:.3f} s an article "
              f"(flow {cpu['flow']:.0f}, workers {cpu['workers']:.0f}, Prefect server {cpu['server']:.0f}); "
              f"{sum(cpu.values()) / r['wall']:.2f} of the {os.cpu_count()} cores on average; "
              f"machine load (5 min) at the end {r['load']:.1f}", flush=True)
    if len(results) > 1:
        small, large = results[0], results[-1]
        print(f"memory     peak at {large['n']} / peak at {small['n']}: {large['peak_mb'] / small['peak_mb']:.2f}x "
              f"(process tree), {large['largest_mb'] / small['largest_mb']:.2f}x (largest process); target <= 1.25")
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    if args.naive_n:
        with tempfile.TemporaryDirectory() as tmp:
            sample = unpack(args.naive_n, Path(tmp))
            t_transforms, t_chars = transforms_only(sample)
            t_naive = naive(sample)
        print(f"transforms {len(sample)} articles, 1 core: {len(sample) / t_transforms:.1f} articles/s, "
              f"{t_chars / t_transforms / 1e3:.0f} k chars/s")
        print(f"naive      {len(sample)} articles, 1 core: {len(sample) / t_naive:.1f} articles/s "
              "(sent_tokenize + ner() per sentence)")
        print(f"ratio      transforms / naive per core: {t_naive / t_transforms:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
