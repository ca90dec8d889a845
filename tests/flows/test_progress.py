"""The progress display (flows/progress.py) on a clock of its own: rate and ETA are the stage's average since
it began, stages may run alongside each other, items a stage begins with are left out of its rate."""
import io
import re

from rich.console import Console

from flows.progress import _Display


def shown(display: _Display) -> list[str]:
    """The display's lines as text, the bars left out."""
    console = Console(file=io.StringIO(), width=140, color_system=None)
    console.print(display.progress.get_renderable())
    return [" ".join(w for w in line.split() if not re.fullmatch(r"[━╺╸]+", w))
            for line in console.file.getvalue().splitlines()]


def test_rate_and_eta_are_the_stage_average():
    now = [0.0]
    display = _Display(Console(file=io.StringIO()), get_time=lambda: now[0])
    display.stage("extract", total=2000, unit="articles")
    assert shown(display) == ["extract 0/2000 articles 0:00:00 ETA -:--:--"]
    now[0] = 10.0
    display.advance(100)
    display.advance(100)  # two batches land together: still 200 articles in 10 s
    assert shown(display) == ["extract 200/2000 articles 20.0 articles/s 0:00:10 ETA 0:01:30"]


def test_stage_alongside_and_items_carried_in():
    now = [0.0]
    display = _Display(Console(file=io.StringIO()), get_time=lambda: now[0])
    display.stage("extract", total=1000, unit="articles")
    display.stage("validate", total=2, unit="chunks", alongside=True)
    now[0] = 30.0
    display.advance(500, stage="extract")
    display.advance(stage="validate")
    assert shown(display) == ["extract 500/1000 articles 16.7 articles/s 0:00:30 ETA 0:00:30",
                              "validate 1/2 chunks 2.0 chunks/min 0:00:30 ETA 0:00:30"]
    display.stage("publish", total=9, unit="tables", done=4)  # the running stages end, shown done
    now[0] = 40.0
    display.advance(1)  # the last stage begun
    assert shown(display) == ["extract 1000/1000 articles 33.3 articles/s 0:00:30 ETA 0:00:00",
                              "validate 2/2 chunks 4.0 chunks/min 0:00:30 ETA 0:00:00",
                              "publish 5/9 tables 6.0 tables/min 0:00:10 ETA 0:00:40"]
    display.stage("catalog", total=1, unit="catalogs")
    now[0] = 41.0
    display.finish()
    assert shown(display)[2:] == ["publish 9/9 tables 30.0 tables/min 0:00:10 ETA 0:00:00",
                                  "catalog 1/1 catalogs 0:00:01 ETA 0:00:00"]
