"""The analyst's report: one self-contained HTML page built from the catalog.

It reads the warehouse only through the catalog's DuckDB views (`events_named`, `event_clusters`,
`articles`, `inputs`, `rejects`, `runs`, `input_accounting`), so it works on whatever storage the catalog
exposes. Plotly draws every chart, with its JavaScript embedded once; the world map's geometry is the
Natural Earth 1:110m countries shipped by the `countryinfo` package, embedded as the map trace's GeoJSON.
The page loads nothing from anywhere: it opens from disk, offline.

Two counts, named apart on the page:
- event records (`events` rows): one article's report of a happening, with its own evidence, modality and
  confidence. Time, precision, CAMEO root, modality and confidence charts count these.
- happenings (`event_clusters`): the same dyad, root and date reported by any number of articles. Actor,
  dyad, country-matrix and map rankings count these, with the articles and outlets behind them.

Events are placed in time at their date's precision: a month chart holds events known to the day or the
month; events known only to the year are counted per year (dates by precision), never as January.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from flows.errors import UsageError

QUADS = {1: ("Verbal cooperation", "#74c476"), 2: ("Material cooperation", "#238b45"),
         3: ("Verbal conflict", "#fd8d3c"), 4: ("Material conflict", "#d7301f")}
PRECISIONS = {"day": "#08519c", "month": "#6baed6", "year": "#fdae6b"}
MODALITIES = ("asserted", "planned", "hypothetical", "negated")
TOP = 20  # actors and dyads ranked
MATRIX = 15  # countries in the dyad matrix
TABLE_LIMIT = 5000  # event rows in the searchable table (the newest first)
QUARANTINE_LIMIT = 50
PLOT_CONFIG = {"displaylogo": False, "responsive": True}
TOP_LEGEND = {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1}


@dataclass
class Built:
    path: Path
    figures: dict
    seconds: float
    counts: dict = field(default_factory=dict)


# --- dates ------------------------------------------------------------------------------------------
def parse_bound(text: str | None, end: bool = False) -> dt.date | None:
    """`2017`, `2017-05` or `2017-05-16` as the first day of that period (or its last, for `end`)."""
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    try:
        if not m:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
        if day:
            return dt.date(year, month, day)
        if month:
            first = dt.date(year, month, 1)
            return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)) if end else first
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError:
        raise UsageError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from None


def _window(since: dt.date | None, until: dt.date | None) -> str:
    """Events whose date's period (the day, month or year it is known to) overlaps [since, until]; undated
    events only when there is no bound."""
    if not since and not until:
        return "TRUE"
    conds = ["event_date IS NOT NULL"]
    if until:
        conds.append(f"event_date <= DATE '{until.isoformat()}'")
    if since:
        conds.append("event_date + CASE event_date_precision WHEN 'year' THEN INTERVAL 1 YEAR WHEN 'month' THEN "
                     f"INTERVAL 1 MONTH ELSE INTERVAL 1 DAY END > DATE '{since.isoformat()}'")
    return " AND ".join(conds)


def shown_date(date: dt.date | None, precision: str | None) -> str:
    if date is None:
        return "undated"
    return {"year": f"{date:%Y}", "month": f"{date:%Y-%m}"}.get(precision or "day", date.isoformat())


# --- queries ----------------------------------------------------------------------------------------
def _rows(con, sql: str) -> list[dict]:
    rel = con.sql(sql)
    return [dict(zip(rel.columns, r)) for r in rel.fetchall()]


def _views(con, since, until) -> None:
    """`ev`: the window's events with names and outlet; `sides`: one row per event and actor side. Temporary
    tables, not views: every chart reads them, and the catalog's views rescan Parquet at each query."""
    con.execute(f"""CREATE OR REPLACE TEMP TABLE ev AS
        SELECT e.*, a.source AS outlet FROM events_named e LEFT JOIN articles a USING (article_id)
        WHERE {_window(since, until)}""")
    con.execute("""CREATE OR REPLACE TEMP TABLE sides AS
        SELECT event_id, cluster_id, article_id, outlet, event_root_code, event_root_name, 'source' AS side,
               source_actor_code AS code, source_actor_name AS name FROM ev WHERE source_actor_code IS NOT NULL
        UNION ALL
        SELECT event_id, cluster_id, article_id, outlet, event_root_code, event_root_name, 'target',
               target_actor_code, target_actor_name FROM ev WHERE target_actor_code IS NOT NULL""")


def key_figures(con) -> dict:
    """The headline figures (over `ev`): what the test compares with the catalog."""
    total = _rows(con, """SELECT count(*) AS events, count(DISTINCT cluster_id) AS happenings,
        count(DISTINCT article_id) AS articles, count(DISTINCT outlet) AS outlets,
        count(*) FILTER (WHERE event_date_precision = 'year') AS year_only,
        count(*) FILTER (WHERE event_date IS NULL) AS undated, min(event_date) AS first, max(event_date) AS last
        FROM ev""")[0]
    quads = {r["quad_class"]: r for r in _rows(con, """SELECT quad_class, count(*) AS events,
        count(DISTINCT cluster_id) AS happenings FROM ev GROUP BY 1""")}
    top = _rows(con, _dyads_sql(1))
    return {**{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in total.items()},
            "quad_classes": {QUADS[q][0]: {"events": quads.get(q, {}).get("events", 0),
                                           "happenings": quads.get(q, {}).get("happenings", 0)} for q in QUADS},
            "top_dyad": ({"source": top[0]["source"], "target": top[0]["target"],
                          "happenings": top[0]["happenings"], "events": top[0]["events"]} if top else None)}


def _dyads_sql(limit: int) -> str:
    # ties broken by reports, then codes, so the ranking is deterministic
    return f"""SELECT source_actor_code AS source, target_actor_code AS target,
        coalesce(any_value(source_actor_country_name), mode(source_actor_name)) AS source_label,
        coalesce(any_value(target_actor_country_name), mode(target_actor_name)) AS target_label,
        count(DISTINCT cluster_id) AS happenings, count(*) AS events, count(DISTINCT article_id) AS articles,
        count(DISTINCT outlet) AS outlets
        FROM ev WHERE source_actor_code IS NOT NULL AND target_actor_code IS NOT NULL
        GROUP BY 1, 2 ORDER BY happenings DESC, events DESC, source, target LIMIT {limit}"""


def _top_roots(con, keys: str, where: str, names: list[tuple]) -> dict[tuple, str]:
    """`Threaten 5 · Consult 3`: each ranked key's three most frequent CAMEO roots, by happenings."""
    rows = _rows(con, f"""SELECT {keys}, event_root_code AS root, any_value(event_root_name) AS name,
        count(DISTINCT cluster_id) AS n FROM {where} GROUP BY ALL ORDER BY n DESC, root""")
    out: dict[tuple, list[str]] = {}
    for r in rows:
        key = tuple(r[k.strip()] for k in keys.split(","))
        if key in names and len(out.setdefault(key, [])) < 3:
            out[key].append(f"{r['name']} ({r['root']}) {r['n']}")
    return {k: " · ".join(v) for k, v in out.items()}


def _actors(con) -> list[dict]:
    rows = _rows(con, f"""SELECT s.code, coalesce(any_value(c.name_en), mode(s.name)) AS label,
        count(DISTINCT s.cluster_id) AS happenings, count(DISTINCT s.event_id) AS events,
        count(DISTINCT s.event_id) FILTER (WHERE side = 'source') AS as_source,
        count(DISTINCT s.event_id) FILTER (WHERE side = 'target') AS as_target,
        count(DISTINCT s.article_id) AS articles, count(DISTINCT s.outlet) AS outlets
        FROM sides s LEFT JOIN countries c ON c.iso3 = s.code
        GROUP BY 1 ORDER BY happenings DESC, events DESC, code LIMIT {TOP}""")
    roots = _top_roots(con, "code", "sides", [(r["code"],) for r in rows])
    return [{**r, "roots": roots.get((r["code"],), "")} for r in rows]


def _dyads(con) -> list[dict]:
    rows = _rows(con, _dyads_sql(TOP))
    roots = _top_roots(con, "source_actor_code, target_actor_code", "ev",
                       [(r["source"], r["target"]) for r in rows])
    return [{**r, "roots": roots.get((r["source"], r["target"]), "")} for r in rows]


# --- charts -----------------------------------------------------------------------------------------
def _html(fig, div_id: str, geojson: dict | None = None) -> str:
    """A figure as a <div> and its Plotly.newPlot call. A map's `geojson` joins the validated figure
    afterwards: Plotly's validation deep-copies it, which costs seconds and checks nothing."""
    import plotly.io as pio

    fig.update_layout(margin={"l": 10, "r": 10, "t": 60, "b": 10}, font={"family": "system-ui, sans-serif", "size": 12})
    data = fig.to_dict()
    data["layout"]["template"] = _white()
    if geojson is not None:
        data["data"][0]["geojson"] = geojson
    return pio.to_html(data, validate=False, full_html=False, include_plotlyjs=False, div_id=div_id,
                       config=PLOT_CONFIG, default_height=f"{fig.layout.height or 420}px")


@lru_cache(maxsize=1)
def _white() -> dict:
    import plotly.io as pio
    return pio.templates["plotly_white"].to_plotly_json()


@contextmanager
def _bare_figures():
    """Figures start with no template (Plotly deep-copies its default into every new figure, a quarter of the
    build time); `_html` adds plotly_white to the finished figure's JSON."""
    import plotly.io as pio

    default, pio.templates.default = pio.templates.default, "none"
    try:
        yield
    finally:
        pio.templates.default = default


def _monthly(con, figures: dict) -> tuple[str, str]:
    import plotly.graph_objects as go

    rows = _rows(con, """SELECT date_trunc('month', event_date)::DATE AS month, quad_class, count(*) AS n,
        avg(goldstein) AS goldstein FROM ev WHERE event_date_precision IN ('day', 'month') GROUP BY ALL ORDER BY 1""")
    note = (f"{figures['year_only']:,} events known only to their year are counted per year below, not in a month; "
            f"{figures['undated']:,} are undated.")
    bars = go.Figure()
    for q, (name, color) in QUADS.items():
        mine = [r for r in rows if r["quad_class"] == q]
        bars.add_bar(x=[r["month"] for r in mine], y=[r["n"] for r in mine], name=name, marker_color=color,
                     customdata=[f"{r['month']:%Y-%m} {name}" for r in mine],
                     hovertemplate="%{x|%Y-%m}: %{y} events<extra>" + name + "</extra>")
    # open on the months that hold 95% of the events; the range slider reaches the rest (a 1937 event
    # would otherwise squeeze 2015-2022 into a few pixels)
    weighted = sorted(r["month"] for r in rows for _ in range(r["n"]))
    span = ([weighted[len(weighted) // 20] - dt.timedelta(days=20), weighted[-1] + dt.timedelta(days=40)]
            if weighted else None)
    bars.update_layout(barmode="stack", height=440,
                       title={"text": "Events per month, by quad class (events dated to the day or month)<br>"
                                      f"<sup>{note}</sup>"},
                       xaxis={"type": "date", "rangeslider": {"visible": True, "thickness": 0.07},
                              **({"range": span} if span else {})},
                       yaxis={"title": "event records"})
    by_month: dict = {}
    for r in rows:
        m = by_month.setdefault(r["month"], [0, 0.0])
        m[0] += r["n"]
        m[1] += r["n"] * r["goldstein"]
    months = _every_month(min(by_month), max(by_month)) if by_month else []
    # a month without events is a gap in the line, not a straight segment across it
    line = go.Figure(go.Scatter(x=months, y=[round(by_month[m][1] / by_month[m][0], 2) if m in by_month else None
                                             for m in months],
                                mode="lines+markers", marker={"size": 5}, line={"color": "#4a1486"},
                                text=[by_month.get(m, [0])[0] for m in months], customdata=[f"{m:%Y-%m}" for m in months],
                                hovertemplate="%{x|%Y-%m}: %{y} over %{text} events<extra></extra>"))
    line.add_hline(y=0, line={"color": "#999", "width": 1})
    line.update_layout(height=320, title={"text": "Average Goldstein score per month (-10 conflict … +10 cooperation)"},
                       xaxis={"type": "date", **({"range": span} if span else {})},
                       yaxis={"range": [-10.5, 10.5], "title": "Goldstein"})
    return _html(bars, "chart-monthly"), _html(line, "chart-goldstein")


def _every_month(first: dt.date, last: dt.date) -> list[dt.date]:
    months, m = [], first
    while m <= last:
        months.append(m)
        m = dt.date(m.year + m.month // 12, m.month % 12 + 1, 1)
    return months


def _precision(con, figures: dict) -> str:
    import plotly.graph_objects as go

    rows = _rows(con, """SELECT year(event_date) AS year, event_date_precision AS precision, count(*) AS n
        FROM ev WHERE event_date IS NOT NULL GROUP BY ALL ORDER BY 1""")
    fig = go.Figure()
    for precision, color in PRECISIONS.items():
        mine = [r for r in rows if r["precision"] == precision]
        fig.add_bar(x=[r["year"] for r in mine], y=[r["n"] for r in mine], name=f"known to the {precision}",
                    marker_color=color, customdata=[str(r["year"]) for r in mine],
                    hovertemplate="%{x}: %{y} events<extra>known to the " + precision + "</extra>")
    totals = _rows(con, "SELECT event_date_precision AS p, count(*) AS n FROM ev GROUP BY 1")
    parts = ", ".join(f"{t['n']:,} {'undated' if t['p'] is None else 'to the ' + t['p']}"
                      for t in sorted(totals, key=lambda t: list(PRECISIONS).index(t["p"]) if t["p"] else 9))
    fig.update_layout(barmode="stack", height=360,
                      title={"text": f"Dates by precision, per year<br><sup>Events known {parts}</sup>"},
                      xaxis={"type": "linear", "dtick": 5}, yaxis={"title": "event records"})
    return _html(fig, "chart-precision")


def _ranking(rows: list[dict], label, title: str, div_id: str) -> str:
    import plotly.graph_objects as go

    rows = rows[::-1]  # horizontal bars: the first at the top
    fig = go.Figure(go.Bar(y=[label(r) for r in rows], x=[r["happenings"] for r in rows], orientation="h",
                           marker_color="#3182bd", text=[r["happenings"] for r in rows], textposition="outside",
                           customdata=[label(r).replace(" → ", " ") for r in rows],
                           hovertemplate="%{y}: %{x} happenings<extra></extra>"))
    fig.update_layout(height=120 + 22 * max(len(rows), 1), title={"text": title},
                      xaxis={"title": "happenings (event clusters)"}, yaxis={"automargin": True})
    return _html(fig, div_id)


def _matrix(con) -> str:
    import plotly.graph_objects as go

    rows = _rows(con, """SELECT source_actor_country AS s, target_actor_country AS t,
        any_value(source_actor_country_name) AS sn, any_value(target_actor_country_name) AS tn,
        count(DISTINCT cluster_id) AS n FROM ev
        WHERE source_actor_country IS NOT NULL AND target_actor_country IS NOT NULL GROUP BY 1, 2""")
    weight: dict[str, int] = {}
    names: dict[str, str] = {}
    for r in rows:
        for code, name in ((r["s"], r["sn"]), (r["t"], r["tn"])):
            weight[code] = weight.get(code, 0) + r["n"]
            names[code] = name or code
    top = sorted(weight, key=lambda c: (-weight[c], c))[:MATRIX]
    cell = {(r["s"], r["t"]): r["n"] for r in rows}
    z = [[cell.get((s, t), 0) for t in top] for s in top]
    fig = go.Figure(go.Heatmap(z=z, x=[names[c] for c in top], y=[names[c] for c in top], colorscale="Blues",
                               text=[[v or "" for v in row] for row in z], texttemplate="%{text}",
                               customdata=[[f"{names[s]} {names[t]}" for t in top] for s in top],
                               hovertemplate="%{y} → %{x}: %{z} happenings<extra></extra>", showscale=False))
    fig.update_layout(height=560, title={"text": f"Country dyads: happenings by source (rows) and target (columns), "
                                                 f"top {len(top)} countries"},
                      yaxis={"autorange": "reversed", "automargin": True}, xaxis={"side": "bottom", "automargin": True})
    return _html(fig, "chart-matrix")


@lru_cache(maxsize=1)
def world() -> tuple[dict, dict[str, tuple[float, float]]]:
    """Country polygons (Natural Earth 1:110m, via johan/world.geo.json) and a point per country (latitude,
    longitude), from the countryinfo package's data files, keyed by ISO 3166 alpha-3. Coordinates are
    rounded to 0.01° (plenty at this scale; a third of the size)."""
    from importlib.resources import files

    def rounded(c):
        return [rounded(x) for x in c] if isinstance(c[0], list) else [round(c[0], 2), round(c[1], 2)]

    def clockwise(polygon):
        """d3 (so Plotly) fills the other side of the globe when a ring turns the wrong way: outer rings go
        clockwise, holes counter-clockwise. Two of the package's polygons (Andorra, Bermuda) do not."""
        def area(ring):
            return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))
        return [ring if (area(ring) < 0) == (i == 0) else ring[::-1] for i, ring in enumerate(polygon)]

    def rewound(geometry):
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        polygons = [clockwise(rounded(p)) for p in polygons]
        return {"type": geometry["type"], "coordinates": polygons[0] if geometry["type"] == "Polygon" else polygons}

    features, points = [], {}
    for f in sorted(files("countryinfo").joinpath("data").iterdir(), key=lambda p: p.name):
        if not f.name.endswith(".json"):
            continue
        info = json.loads(f.read_text(encoding="utf-8"))
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if not iso3:
            continue
        if len(info.get("latlng") or []) == 2:
            points[iso3] = tuple(info["latlng"])
        for feature in (info.get("geoJSON") or {}).get("features", []):
            features.append({"type": "Feature", "id": iso3, "properties": {"name": info.get("name")},
                             "geometry": rewound(feature["geometry"])})
    return {"type": "FeatureCollection", "features": features}, points


def _map(con) -> str:
    import plotly.graph_objects as go

    rows = {r["iso3"]: r for r in _rows(con, """SELECT iso3, any_value(c.name_en) AS name,
        count(DISTINCT cluster_id) AS n FROM (SELECT source_actor_country AS iso3, cluster_id FROM ev
        UNION ALL SELECT target_actor_country, cluster_id FROM ev) x LEFT JOIN countries c USING (iso3)
        WHERE iso3 IS NOT NULL GROUP BY 1""")}
    geo, points = world()
    drawn = {f["id"]: f["properties"]["name"] for f in geo["features"]}
    ids = sorted(drawn)
    names = [rows[i]["name"] if i in rows and rows[i]["name"] else drawn[i] for i in ids]
    top = max((r["n"] for r in rows.values()), default=1)
    # zero is grey; any event shows blue, and the scale spends its range on small counts (one country
    # usually dwarfs the rest)
    scale = {"colorscale": [[0, "#e9e9e9"], [1e-6, "#c6dbef"], [0.05, "#9ecae1"], [0.2, "#4292c6"],
                            [0.5, "#2171b5"], [1, "#08306b"]], "cmin": 0, "cmax": top}
    fig = go.Figure(go.Choropleth(featureidkey="id", locations=ids, z=[rows[i]["n"] if i in rows else 0 for i in ids],
                                  text=names, customdata=names, zmin=0, zmax=top, colorscale=scale["colorscale"],
                                  marker={"line": {"color": "white", "width": 0.4}},
                                  colorbar={"title": {"text": "happenings"}, "thickness": 12},
                                  hovertemplate="%{text}: %{z} happenings<extra></extra>"))
    # countries too small for a polygon at this scale (Singapore) or missing from it: a dot at their centre
    dots = sorted((i for i in rows if i not in drawn and i in points), key=lambda i: -rows[i]["n"])
    if dots:
        fig.add_scattergeo(lat=[points[i][0] for i in dots], lon=[points[i][1] for i in dots],
                           text=[rows[i]["name"] or i for i in dots], customdata=[rows[i]["name"] or i for i in dots],
                           marker={"size": 9, "color": [rows[i]["n"] for i in dots], **scale,
                                   "line": {"color": "#333", "width": 0.6}}, mode="markers", showlegend=False,
                           hovertemplate="%{text}: %{marker.color} happenings<extra></extra>")
    unplaced = sorted((r for i, r in rows.items() if i not in drawn and i not in points), key=lambda r: -r["n"])
    note = ("" if not unplaced else "<br><sup>Not on the map (no geometry, e.g. former states): " +
            ", ".join(f"{r['name'] or r['iso3']} {r['n']}" for r in unplaced[:8]) + "</sup>")
    # no base layers: the countries come from the trace's GeoJSON, nothing is fetched
    fig.update_geos(projection_type="natural earth", resolution=110, showframe=False, showcoastlines=False,
                    showland=False, showocean=False, showlakes=False, showrivers=False, showcountries=False,
                    showsubunits=False, bgcolor="rgba(0,0,0,0)", lataxis_range=[-57, 85])
    fig.update_layout(height=500, title={"text": "Happenings by country (as source or target actor)" + note})
    return _html(fig, "chart-map", geojson=geo)


def _roots(con) -> str:
    import plotly.graph_objects as go

    rows = _rows(con, """SELECT event_root_code AS root, any_value(event_root_name) AS name, any_value(quad_class) AS q,
        count(*) AS n FROM ev GROUP BY 1 ORDER BY 1 DESC""")
    fig = go.Figure()
    for q, (qname, color) in QUADS.items():
        mine = [r for r in rows if r["q"] == q]
        fig.add_bar(y=[f"{r['root']} {r['name']}" for r in mine], x=[r["n"] for r in mine], orientation="h",
                    name=qname, marker_color=color, customdata=[r["name"] for r in mine],
                    hovertemplate="%{y}: %{x} events<extra>" + qname + "</extra>")
    fig.update_layout(height=560, title={"text": "Events by CAMEO root"}, legend=TOP_LEGEND,
                      yaxis={"categoryorder": "array", "categoryarray": [f"{r['root']} {r['name']}" for r in rows],
                             "automargin": True}, xaxis={"title": "event records"})
    return _html(fig, "chart-roots")


def _modality_confidence(con) -> tuple[str, str]:
    import plotly.graph_objects as go

    rows = {r["modality"]: r["n"] for r in _rows(con, "SELECT modality, count(*) AS n FROM ev GROUP BY 1")}
    modality = go.Figure(go.Bar(x=list(MODALITIES), y=[rows.get(m, 0) for m in MODALITIES], marker_color="#756bb1",
                                text=[rows.get(m, 0) for m in MODALITIES], textposition="outside",
                                customdata=list(MODALITIES), hovertemplate="%{x}: %{y} events<extra></extra>"))
    modality.update_layout(height=340, title={"text": "Modality"}, yaxis={"title": "event records"})
    bins = _rows(con, """SELECT least(floor(confidence * 20), 19) / 20 AS bin, modality, count(*) AS n
        FROM ev GROUP BY ALL ORDER BY 1""")
    confidence = go.Figure()
    for m, color in zip(MODALITIES, ("#3182bd", "#31a354", "#fd8d3c", "#de2d26")):
        mine = [b for b in bins if b["modality"] == m]
        confidence.add_bar(x=[b["bin"] + 0.025 for b in mine], y=[b["n"] for b in mine], name=m, width=0.048,
                           marker_color=color, customdata=[m] * len(mine),
                           hovertemplate="confidence %{x:.3f} ± 0.025: %{y} events<extra>" + m + "</extra>")
    confidence.update_layout(barmode="stack", height=340, title={"text": "Confidence, by modality"},
                             xaxis={"range": [0, 1], "title": "confidence"}, yaxis={"title": "event records"},
                             legend=TOP_LEGEND)
    return _html(modality, "chart-modality"), _html(confidence, "chart-confidence")


def _charts(con, figures: dict, actors: list[dict], dyads: list[dict]) -> dict[str, str]:
    monthly, goldstein = _monthly(con, figures)
    modality, confidence = _modality_confidence(con)
    return {"monthly": monthly, "goldstein": goldstein, "precision": _precision(con, figures),
            "actors": _ranking(actors, lambda r: r["label"], f"Top {len(actors)} actors", "chart-actors"),
            "dyads": _ranking(dyads, lambda r: f"{r['source_label']} → {r['target_label']}",
                              f"Top {len(dyads)} dyads (source → target)", "chart-dyads"),
            "matrix": _matrix(con), "map": _map(con), "roots": _roots(con),
            "modality": modality, "confidence": confidence}


# --- tables -----------------------------------------------------------------------------------------
def _actor_cell(name, country) -> str:
    if not name:
        return ""
    return f"{name} ({country})" if country and country != name else name


def _events_table(con) -> tuple[list[dict], dict, int]:
    rows = _rows(con, f"""SELECT event_id, article_id, event_date, event_date_precision, event_code, event_name,
        event_root_name, quad_class, quad_class_name, source_actor_name, source_actor_country_name,
        target_actor_name, target_actor_country_name, modality, confidence, location_name, location_country_name,
        evidence, trigger_start - char_start AS t0, trigger_end - char_start AS t1, char_start, char_end, outlet
        FROM ev ORDER BY event_date DESC NULLS LAST, article_id, sentence_index, event_id LIMIT {TABLE_LIMIT}""")
    total = con.sql("SELECT count(*) FROM ev").fetchall()[0][0]
    for r in rows:
        r["date"] = shown_date(r["event_date"], r["event_date_precision"])
        r["source"] = _actor_cell(r["source_actor_name"], r["source_actor_country_name"])
        r["target"] = _actor_cell(r["target_actor_name"], r["target_actor_country_name"])
        r["place"] = _actor_cell(r["location_name"], r["location_country_name"])
        ok = 0 <= r["t0"] < r["t1"] <= len(r["evidence"])
        r["before"], r["trigger"], r["after"] = ((r["evidence"][:r["t0"]], r["evidence"][r["t0"]:r["t1"]],
                                                  r["evidence"][r["t1"]:]) if ok else (r["evidence"], "", ""))
    ids = sorted({r["article_id"] for r in rows})
    con.register("_shown", __import__("pyarrow").table({"article_id": ids}))
    articles = {r["article_id"]: {"title": r["title"], "text": r["text"], "uri": r["source_uri"],
                                  "outlet": r["source"], "published": shown_date(r["published_date"],
                                                                                 r["published_precision"])}
                for r in _rows(con, """SELECT article_id, title, text, source_uri, source, published_date,
                    published_precision FROM articles WHERE article_id IN (SELECT article_id FROM _shown)""")}
    con.unregister("_shown")
    return rows, articles, total


def _quality(con, wh, run_id: str | None) -> dict:
    from flows import storage

    runs = _rows(con, """SELECT run_id, started_at, inputs, articles, duplicates, rejected, quarantined_rows,
        events, validation_success, report_path FROM runs ORDER BY started_at DESC""")
    run = next((r for r in runs if r["run_id"] == run_id), runs[0] if runs else None)
    validation, validation_note, docs = [], None, None
    if run and run["report_path"]:
        path = wh.path(run["report_path"], "validation.json")
        text = storage.read_text(path)
        if text is not None:
            summary = json.loads(text).get("summary", {})
            validation = [{"table": name, **t} for name, t in summary.items()]
        else:
            validation_note = f"{path} is missing"
        index = wh.path(run["report_path"], "data_docs", "index.html")
        if storage.exists(index):
            docs = index if wh.remote else Path(index).resolve().as_uri()
    return {
        "accounting": _rows(con, "SELECT outcome, coalesce(reason, '') AS reason, inputs FROM input_accounting"),
        "rejects": _rows(con, """SELECT stage, reason, count(*) AS n FROM rejects GROUP BY ALL ORDER BY n DESC"""),
        "quarantine_counts": _rows(con, """SELECT table_name, detail, count(*) AS n FROM rejects WHERE stage = 'validate'
            GROUP BY ALL ORDER BY n DESC"""),
        "quarantined": _rows(con, f"""SELECT run_id, table_name, detail, source_uri, left(row_json, 300) AS row_json
            FROM rejects WHERE stage = 'validate' ORDER BY rejected_at DESC LIMIT {QUARANTINE_LIMIT}"""),
        "runs": runs[:10], "run": run, "validation": validation, "validation_note": validation_note,
        "data_docs": docs,
    }


# --- the page ---------------------------------------------------------------------------------------
def _json_script(value) -> str:
    """JSON safe inside <script>: no `</script>` or `<!--` can close or comment it."""
    return json.dumps(value, ensure_ascii=False, default=str).replace("<", "\\u003c")


def _ensure_views(wh) -> None:
    """A catalog from an older vnevents lacks the name views: rebuild it at the versions of the last run
    (views only, no data moves)."""
    from flows.catalog import extra_views

    if wh.remote:  # views are built on each connection
        return
    con = wh.connect()
    try:
        have = {r[0] for r in con.sql("SELECT view_name FROM duckdb_views()").fetchall()}
    finally:
        con.close()
    if not set(extra_views()) <= have:
        runs = wh.runs()
        wh.build_catalog(versions=wh.versions_of_run(runs[-1]["run_id"]) if runs else wh.versions())


def build(warehouse, since: dt.date | None = None, until: dt.date | None = None,
          out: str | Path | None = None, run_id: str | None = None) -> Built:
    """Write the report of `warehouse` (events in [since, until]) to `out` [default
    <warehouse>/reports/report.html]; `run_id` names the run whose validation results it shows [the last]."""
    import jinja2
    from plotly.offline import get_plotlyjs

    from flows.warehouse import Warehouse

    t0 = time.monotonic()
    wh = warehouse if isinstance(warehouse, Warehouse) else Warehouse.open(str(warehouse), create=False)
    if wh.delta("runs") is None:
        raise UsageError(f"no published tables at {wh.display()}: run `vnevents run -w {wh.uri}` first")
    _ensure_views(wh)
    con = wh.connect()
    try:
        _views(con, since, until)
        figures = key_figures(con)
        actors, dyads = _actors(con), _dyads(con)
        with _bare_figures():
            charts = _charts(con, figures, actors, dyads) if figures["events"] else {}
        rows, articles, total = _events_table(con)
        quality = _quality(con, wh, run_id)
    finally:
        con.close()
    env = jinja2.Environment(loader=jinja2.PackageLoader("flows", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    page = env.get_template("report.html.j2").render(
        title="vnevents report", warehouse=wh.display(), since=since, until=until, run_id=run_id,
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), figures=figures,
        figures_json=_json_script(figures), quads=QUADS, charts=charts, actors=actors, dyads=dyads, rows=rows,
        total=total, limit=TABLE_LIMIT, articles_json=_json_script(articles), quality=quality,
        plotly_js=get_plotlyjs(),
        # plotly.js asks for its base-map topojson even when every base layer is off and the trace brings
        # its own GeoJSON (plotly.js#6767): an empty topology registered under its name stops the fetch
        geo_assets=_json_script({"topojson": {"world_110m": {"type": "Topology", "objects": {}, "arcs": []}}}))
    if out is None and wh.remote:
        raise UsageError(f"the warehouse {wh.uri} is remote: give a local file with --out")
    path = Path(out) if out else Path(wh.uri) / "reports" / "report.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(path)  # a reader never sees half a page
    return Built(path.resolve(), figures, round(time.monotonic() - t0, 2), {"rows": len(rows), "events": total})


# --- the flow's step --------------------------------------------------------------------------------
def run_report(wh, summary: dict) -> str:
    """After a run has published: the warehouse's report under reports/<run_id>/report.html, and Prefect
    artifacts beside the validation summary: the run's key figures (a markdown table) and a link to the page.
    `wh`: the flows.warehouse.Warehouse (a remote one gets the page copied next to its tables)."""
    import tempfile

    from prefect.artifacts import create_link_artifact, create_markdown_artifact

    from flows import storage
    from flows.serve import report_link

    if wh.remote:
        local = Path(tempfile.mkdtemp(prefix="vnevents-report-")) / "report.html"
        built = build(wh, out=local, run_id=summary["run_id"])
        target = wh.path("reports", summary["run_id"], "report.html")
        fs, path = storage.fs_of(target)
        fs.put(str(local), path)
        link = target
    else:
        root = Path(wh.uri)
        built = build(wh, out=root / "reports" / summary["run_id"] / "report.html", run_id=summary["run_id"])
        link = report_link(built.path, root)  # http:// under `vnevents serve`, which serves reports/
    f = built.figures
    dyad = f["top_dyad"]
    rows = [("this run: inputs", f"{summary['inputs']:,}"), ("this run: articles", f"{summary['articles']:,}"),
            ("this run: duplicates / rejected", f"{summary['duplicates']:,} / {summary['rejected']:,}"),
            ("this run: event records", f"{summary['events']:,}"),
            ("this run: rows quarantined", f"{summary['quarantined_rows']:,}"),
            ("this run: validation", "passed" if summary["validation_success"] else "FAILED"),
            ("warehouse: event records / happenings", f"{f['events']:,} / {f['happenings']:,}"),
            ("warehouse: articles with events", f"{f['articles']:,}"),
            *((f"warehouse: {name}", f"{q['events']:,} / {q['happenings']:,}") for name, q in f["quad_classes"].items()),
            ("warehouse: known only to the year / undated", f"{f['year_only']:,} / {f['undated']:,}"),
            ("warehouse: top dyad (happenings)",
             f"{dyad['source']} → {dyad['target']}: {dyad['happenings']}" if dyad else "-")]
    table = "\n".join(f"| {k} | {v} |" for k, v in rows)
    create_markdown_artifact(key="event-report", description="Key figures and the event report", markdown=(
        f"# Run {summary['run_id']}: key figures\n\n| figure | value |\n|---|---|\n{table}\n\n"
        f"Quad classes as event records / happenings. Event report (charts, events with their evidence, data "
        f"quality), one HTML file that opens offline: [{built.path.name}]({link}) (`{built.path}`)\n"))
    create_link_artifact(key="event-report-page", link=link, link_text="Event report (HTML)",
                         description="Charts, events table and data quality of the warehouse after this run")
    return link if wh.remote else str(built.path)
