"""The name views of the catalog: `cameo_codes`, `countries` and `events_named`, so BI tools show names."""
import duckdb

from flows.warehouse import Warehouse
from schemas.tables import EVENTS
from transforms.gazetteer import read_tsv


def _catalog(tmp_path):
    Warehouse.open(str(tmp_path)).build_catalog()  # nothing published yet: empty table views, full name views
    return duckdb.connect(str(tmp_path / "catalog.duckdb"), read_only=True)


def test_cameo_codes_view_holds_every_code_with_its_root_quad_class_and_goldstein(tmp_path):
    con = _catalog(tmp_path)
    assert con.sql("select count(*) from cameo_codes").fetchall()[0][0] == len(read_tsv("cameo_codes.tsv"))
    assert con.sql("select * from cameo_codes where code in ('0841', '190', '04') order by code").fetchall() == [
        ("04", "04", "Consult", "Consult", 1, "Verbal cooperation", 1.0),
        ("0841", "08", "Return, release person(s)", "Yield", 2, "Material cooperation", 7.0),
        ("190", "19", "Use conventional military force, not specified below", "Fight", 4, "Material conflict", -10.0),
    ]
    # the same types as events.quad_class and events.goldstein, so joins and comparisons need no cast
    types = dict(con.sql("select column_name, data_type from information_schema.columns "
                         "where table_name = 'cameo_codes'").fetchall())
    assert types["quad_class"] == "TINYINT" and types["goldstein"] == "FLOAT"
    assert con.sql("select count(*) from cameo_codes where root_name is null").fetchall()[0][0] == 0


def test_countries_view_has_english_iso_and_vietnamese_names(tmp_path):
    con = _catalog(tmp_path)
    assert con.sql("select * from countries where iso3 in ('VNM', 'PRK') order by 1").fetchall() == [
        ("PRK", "KP", "North Korea", "Korea, Democratic People's Republic of", "Triều Tiên"),
        ("VNM", "VN", "Vietnam", "Viet Nam", "Việt Nam")]


def test_events_named_adds_names_to_every_events_column(tmp_path):
    columns = _catalog(tmp_path).sql("select * from events_named").columns
    names = ["event_name", "event_root_name", "quad_class_name", "source_actor_country_name",
             "target_actor_country_name", "location_country_name"]
    assert sorted(columns[:-len(names)]) == sorted(EVENTS.column_names) and columns[-len(names):] == names
