"""Views beside the table views in catalog.duckdb: conveniences for analysts and BI tools."""
from __future__ import annotations


def _actor(n: int, side: str) -> str:
    return (f"e.{side}_actor_code AS Actor{n}Code, e.{side}_actor_name AS Actor{n}Name, "
            f"e.{side}_actor_country AS Actor{n}CountryCode, e.{side}_actor_group AS Actor{n}KnownGroupCode, "
            f"NULL::VARCHAR AS Actor{n}EthnicCode, NULL::VARCHAR AS Actor{n}Religion1Code, "
            f"NULL::VARCHAR AS Actor{n}Religion2Code, NULL::VARCHAR AS Actor{n}Type1Code, "
            f"NULL::VARCHAR AS Actor{n}Type2Code, NULL::VARCHAR AS Actor{n}Type3Code")


def _geo(prefix: str, name: str, country: str) -> str:
    return (f"CASE WHEN {name} IS NULL THEN 0 ELSE 1 END AS {prefix}_Type, {name} AS {prefix}_FullName, "
            f"{country} AS {prefix}_CountryCode, NULL::VARCHAR AS {prefix}_ADM1Code, "
            f"NULL::VARCHAR AS {prefix}_ADM2Code, NULL::DOUBLE AS {prefix}_Lat, NULL::DOUBLE AS {prefix}_Long, "
            f"NULL::VARCHAR AS {prefix}_FeatureID")


# GDELT 2.0 event table (http://data.gdeltproject.org/documentation/GDELT-Event_Codebook-V2.0.pdf), in its
# column order. Differences: GLOBALEVENTID is vnevents' hex event_id; country codes are ISO 3166 alpha-3
# (GDELT uses CAMEO country codes for actors, which mostly agree, and FIPS for geography); actor types,
# ethnicity, religion, coordinates and tone are not coded and are NULL; NumMentions/NumArticles/NumSources
# count the reports of the same happening (event_clusters). Dates keep their precision: a year-only event has
# Year and no MonthYear, SQLDATE or FractionDate (never a made-up 1 January); a month-only one adds MonthYear.
GDELT_EVENTS = f"""
SELECT e.event_id AS GLOBALEVENTID,
       CASE WHEN e.event_date_precision = 'day' THEN CAST(strftime(e.event_date, '%Y%m%d') AS INTEGER) END AS SQLDATE,
       CASE WHEN e.event_date_precision IN ('day', 'month') THEN CAST(strftime(e.event_date, '%Y%m') AS INTEGER)
            END AS MonthYear,
       year(e.event_date) AS Year,
       CASE WHEN e.event_date_precision = 'day'
            THEN round(year(e.event_date) + (dayofyear(e.event_date) - 1) / 365.0, 4) END AS FractionDate,
       {_actor(1, "source")},
       {_actor(2, "target")},
       1 AS IsRootEvent,
       e.event_code AS EventCode, substr(e.event_code, 1, 3) AS EventBaseCode, e.event_root_code AS EventRootCode,
       e.quad_class AS QuadClass, e.goldstein AS GoldsteinScale,
       c.num_mentions AS NumMentions, c.num_sources AS NumSources, c.num_articles AS NumArticles,
       NULL::DOUBLE AS AvgTone,
       {_geo("Actor1Geo", "NULL::VARCHAR", "e.source_actor_country")},
       {_geo("Actor2Geo", "NULL::VARCHAR", "e.target_actor_country")},
       {_geo("ActionGeo", "e.location_name", "e.location_code")},
       CAST(strftime(a.ingested_at, '%Y%m%d%H%M%S') AS BIGINT) AS DATEADDED,
       a.source_uri AS SOURCEURL
FROM events e
LEFT JOIN event_clusters c USING (cluster_id)
LEFT JOIN articles a USING (article_id)
"""


QUAD_CLASSES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}


def _values(rows: list[tuple], columns: str) -> str:
    """A constant table as SQL, so the catalog file carries it (no path to a data file that may move)."""
    def literal(v):
        return "NULL" if v is None else repr(v) if isinstance(v, (int, float)) else "'" + str(v).replace("'", "''") + "'"
    return "SELECT * FROM (VALUES " + ", ".join("(" + ", ".join(map(literal, r)) + ")" for r in rows) + f") AS t({columns})"


def cameo_codes_sql() -> str:
    """CAMEO codes with their root's name, quad class and Goldstein score (transforms/data/cameo_codes.tsv)."""
    from transforms.gazetteer import read_tsv

    rows = read_tsv("cameo_codes.tsv")
    roots = {r["code"]: r["name"] for r in rows if r["code"] == r["root"]}
    values = _values([(r["code"], r["root"], r["name"], roots[r["root"]], int(r["quad_class"]),
                       QUAD_CLASSES[int(r["quad_class"])], float(r["goldstein"])) for r in rows],
                     "code, root, name, root_name, quad_class, quad_class_name, goldstein")
    # the types of events.quad_class and events.goldstein
    return (f"SELECT code, root, name, root_name, quad_class::TINYINT AS quad_class, quad_class_name, "
            f"goldstein::FLOAT AS goldstein FROM ({values})")


def countries_sql() -> str:
    """ISO 3166 countries (transforms/data/countries.tsv) with the English short name an analyst expects
    (CLDR, via babel: `North Korea`), the ISO name (`Korea, Democratic People's Republic of`) and the
    Vietnamese name."""
    from babel import Locale

    from transforms.gazetteer import read_tsv

    english = Locale("en").territories
    return _values([(r["iso3"], r["iso2"], english.get(r["iso2"], r["name_en"]), r["name_en"], r["name_vi"])
                    for r in read_tsv("countries.tsv")], "iso3, iso2, name_en, name_iso, name_vi")


# events with names instead of codes, for BI tools and the report: the CAMEO code's and root's names, the
# quad class's name, and the actors' and place's country names
EVENTS_NAMED = """
SELECT e.*, c.name AS event_name, c.root_name AS event_root_name, c.quad_class_name,
       sc.name_en AS source_actor_country_name, tc.name_en AS target_actor_country_name,
       lc.name_en AS location_country_name
FROM events e
LEFT JOIN cameo_codes c ON c.code = e.event_code
LEFT JOIN countries sc ON sc.iso3 = e.source_actor_country
LEFT JOIN countries tc ON tc.iso3 = e.target_actor_country
LEFT JOIN countries lc ON lc.iso3 = e.location_code
"""


def extra_views() -> dict[str, str]:
    return {
        # the accounting in one query: every input ended as an article, a duplicate or a reject
        "input_accounting": "SELECT outcome, reason, count(*) AS inputs FROM inputs GROUP BY ALL ORDER BY inputs DESC",
        "gdelt_events": GDELT_EVENTS,
        "cameo_codes": cameo_codes_sql(),
        "countries": countries_sql(),
        "events_named": EVENTS_NAMED,  # after the views it reads: views are created in this order
    }
