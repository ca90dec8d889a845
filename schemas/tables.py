"""Every row layout of the pipeline, declared once: the published warehouse tables (read by the writer
as Arrow schemas, the validator as great-expectations suites, schemas/expectations.py, and the data
dictionary, docs/data_dictionary.md) and the staging layouts between stages (STAGING). Rows are built
from these declarations (`Table.empty`, `Table.from_rows`), so adding a column is one change here plus
the code that fills it.

Column names and meanings used by ../shared/gold/GUIDELINE.md and score.py are a contract: add
columns freely, rename none without a migration.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import pyarrow as pa

# Plausible years: 1800-2199 for time expressions, events and publication years (a value `0000` or `9999`
# is a bug or hostile input). A publication date given by metadata or a header is held to 1900 - the run
# date at extraction; one inferred from the text may name an older year.
YEAR = r"(?:1[89]|2[01])\d\d"
ISO_VALUE = rf"^{YEAR}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$"
HEX16 = r"^[0-9a-f]{16}$"
PRECISIONS = ("day", "month", "year")
ENTITY_TYPES = ("PER", "GPE", "IGO", "ORG", "LOC")
MODALITIES = ("asserted", "planned", "hypothetical", "negated")
CAMEO_ROOTS = tuple(f"{r:02d}" for r in range(1, 21))
SEGMENT = pa.struct([("role", pa.string()), ("char_start", pa.int32()), ("char_end", pa.int32())])
HEADER = pa.list_(pa.struct([("name", pa.string()), ("value", pa.string())]))


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    doc: str
    nullable: bool = True
    values: tuple | None = None  # allowed values
    regex: str | None = None
    min: float | None = None
    max: float | None = None
    unique: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    doc: str
    columns: tuple[Column, ...]
    replace_key: str  # publishing replaces every published row whose key a run brings again
    partition_by: tuple[str, ...]
    ordered_pairs: tuple[tuple[str, str], ...] = ()  # (a, b): a > b on every row (char_end > char_start)
    quarantine: bool = True  # failing rows go to `rejects`; False: a failure fails the run
    append_only: bool = False  # `runs`: one row per run, never replaced
    derived: bool = False  # recomputed from the other tables at every publish (`entities`)
    children: tuple[str, ...] = field(default_factory=tuple)  # rows keyed by this table's key

    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.type, nullable=c.nullable) for c in self.columns])

    def empty(self) -> pa.Table:
        return self.arrow_schema().empty_table()

    def from_rows(self, rows: list[dict]) -> pa.Table:
        """Rows (dicts; missing keys are null) as an Arrow table of this layout."""
        return pa.Table.from_pylist(rows, schema=self.arrow_schema())

    def conform(self, table) -> pa.Table:
        """An Arrow or polars table cast to this layout, columns in declared order (extra ones dropped)."""
        if not isinstance(table, pa.Table):
            table = table.to_arrow()
        return table.select(self.column_names).cast(self.arrow_schema())

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _run_columns(partition: Column | None = None) -> tuple[Column, ...]:
    cols = (Column("run_id", pa.string(), "The pipeline run that wrote the row (see `runs`).", nullable=False),)
    return cols + ((partition,) if partition else ())


def _occurrence() -> tuple[Column, ...]:
    """Where a time expression or mention occurs."""
    return (
        Column("article_id", pa.string(), "Article (see `articles`).", nullable=False, regex=HEX16),
        Column("sentence_index", pa.int32(), "Sentence number in the article.", nullable=False, min=0),
        Column("char_start", pa.int32(), "Start offset in `articles.text`.", nullable=False, min=0),
        Column("char_end", pa.int32(), "End offset in `articles.text`.", nullable=False, min=1),
    )


EXTRACTION_VERSION = Column("extraction_version", pa.string(), "Version of the extraction code (vnevents version "
                            "and a hash of transforms/ and its data files) that coded the row.", nullable=False)

_PUBLISHED_YEAR = Column("published_year", pa.string(),
                         "Partition: the article's publication year, or `unknown`.", nullable=False,
                         regex=rf"^(?:{YEAR}|unknown)$")

ARTICLES = Table(
    "articles", "One row per distinct article (deduplicated by content).",
    (
        Column("article_id", pa.string(), "Stable id: hash of the normalized text; the same story from two files or "
               "encodings is one article.", nullable=False, regex=HEX16, unique=True),
        Column("input_id", pa.string(), "The input it was first read from (see `inputs`).", nullable=False),
        Column("source_uri", pa.string(), "The input path or URL as given (a tabular row's `url`).", nullable=False),
        Column("source", pa.string(), "Outlet: from metadata, else the host of the article's URL (the input's, or "
               "a `# url` header line)."),
        Column("encoding", pa.string(), "Encoding the input was decoded from (utf-8, utf-16-le, cp1258, tcvn3, vni, "
               "viscii).", nullable=False),
        Column("title", pa.string(), "Headline."),
        Column("lead", pa.string(), "First body paragraph (sapo)."),
        Column("body", pa.string(), "Lead, paragraphs and section heads, one per line; no captions, bylines, "
               "related-article lists or image names.", nullable=False),
        Column("text", pa.string(), "The clean text all character offsets refer to: title, body, captions, byline "
               "and related-article lines, one segment per line.", nullable=False),
        Column("segments", pa.list_(SEGMENT), "Role (title, lead, body, heading, caption, byline, related) and "
               "character span of each line of `text`."),
        Column("headings", pa.list_(pa.string()), "Section heads."),
        Column("captions", pa.list_(pa.string()), "Photo captions and credits."),
        Column("byline", pa.string(), "Byline as written (`Minh Châu (theo AP, NBC, 29/5)`)."),
        Column("byline_author", pa.string(), "Author named in the byline."),
        Column("byline_agencies", pa.list_(pa.string()), "Agencies credited in the byline."),
        Column("byline_date", pa.string(), "Date written in the byline (`29/5`)."),
        Column("related", pa.list_(pa.string()), "Related-article list entries, kept apart from the body."),
        Column("images", pa.list_(pa.string()), "Image file names removed from the text."),
        Column("header", HEADER, "`# key: value` header lines of the input (url, date), as read."),
        Column("published_metadata", pa.string(), "Publication date given by the input's metadata, as given."),
        Column("published_date", pa.date32(), "Publication date; the first day of the month or year when known "
               "only to that precision."),
        Column("published_precision", pa.string(), "Precision of `published_date`: day, month or year.",
               values=PRECISIONS),
        Column("published_basis", pa.string(), "How the date was fixed: metadata, header, dateline, byline, "
               "text, world (who held which office), batch (no clue of its own: the typical year of the articles "
               "of its source group the run dated with confidence, `published_group`), none.", nullable=False,
               values=("metadata", "header", "dateline", "byline", "text", "world", "batch", "none")),
        Column("published_date_text", pa.string(), "Publication date at its precision, as an analyst should show "
               "it: `2016`, `2016-05` or `2016-05-23`; null when unknown.", regex=r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"),
        Column("published_evidence", pa.string(), "The clues that fixed an inferred date, `; `-separated (office "
               "holders, anchors, years, weekday, related articles, byline, batch prior)."),
        Column("published_group", pa.string(), "The source group (input folder, table file or object-store prefix) "
               "whose batch prior chose the year: inside the years the article's clues leave open (basis world), or "
               "for an article without clues (basis batch); null when the article's own clues fixed it."),
        Column("sentence_count", pa.int32(), "Sentences in `text`.", nullable=False, min=0),
        Column("char_count", pa.int32(), "Characters in `text`.", nullable=False, min=1),
        Column("vietnamese_share", pa.float32(), "Share of words that read as Vietnamese.", min=0, max=1),
        Column("flags", pa.list_(pa.string()), "What was off about the input, the article kept: `lossy` (bytes that "
               "are not text in the detected encoding were replaced by U+FFFD), `published_unparsed` (the metadata "
               "publication date does not parse), `published_implausible` (a given publication date before 1900 or "
               "after the run date plus a day); the date is then inferred as if none was given."),
        Column("ingested_at", pa.timestamp("us", tz="UTC"), "When the run read the input.", nullable=False),
        Column("pipeline_version", pa.string(), "vnevents version that produced the row.", nullable=False),
        EXTRACTION_VERSION,
        *_run_columns(_PUBLISHED_YEAR),
    ),
    replace_key="article_id", partition_by=("published_year",), children=("timexes", "mentions", "events"),
)

TIMEXES = Table(
    "timexes", "Time expressions, one row per occurrence, with their TIMEX3 value.",
    (
        Column("timex_id", pa.string(), "Stable id of the occurrence.", nullable=False, unique=True),
        *_occurrence(),
        Column("surface", pa.string(), "The expression as written (`ngày 16/6`).", nullable=False),
        Column("kind", pa.string(), "date, month, year, relative_day, relative_month, relative_year, weekday, "
               "anaphora.", nullable=False),
        Column("value", pa.string(), "TIMEX3 value: YYYY-MM-DD, YYYY-MM or YYYY; null where it cannot be fixed.",
               regex=ISO_VALUE),
        Column("granularity", pa.string(), "day, month or year.", values=PRECISIONS),
        _PUBLISHED_YEAR,
        *_run_columns(),
    ),
    replace_key="article_id", partition_by=("published_year",), ordered_pairs=(("char_end", "char_start"),),
)

MENTIONS = Table(
    "mentions", "Mentions of people, countries, organizations and places, each tied to a canonical entity.",
    (
        Column("mention_id", pa.string(), "Stable id of the occurrence.", nullable=False, unique=True),
        *_occurrence(),
        Column("surface", pa.string(), "The mention as written, titles excluded.", nullable=False),
        Column("entity_type", pa.string(), "PER, GPE, IGO, ORG or LOC.", nullable=False, values=ENTITY_TYPES),
        Column("entity_code", pa.string(), "ISO 3166 alpha-3 for GPE (and a person's or place's country), the "
               "short code for IGO (UN, NATO) and non-state groups."),
        Column("canonical_name", pa.string(), "Canonical name (`Vladimir Putin` for `ông Putin`)."),
        Column("entity_id", pa.string(), "Stable id of the canonical entity, the same across runs.",
               nullable=False),
        Column("role", pa.string(), "Title stripped from a person's name (`Bộ trưởng Quốc phòng`)."),
        Column("country", pa.string(), "A person's country, where the text or the office table gives it."),
        Column("method", pa.string(), "How it was found: gazetteer, title, office_table, vietnamese_name, ner, "
               "name_shape, coreference.", nullable=False),
        Column("confidence", pa.float32(), "0-1.", nullable=False, min=0, max=1),
        _PUBLISHED_YEAR,
        *_run_columns(),
    ),
    replace_key="article_id", partition_by=("published_year",), ordered_pairs=(("char_end", "char_start"),),
)

EVENTS = Table(
    "events", "CAMEO-coded events: one per distinct (source, target, code, date) in an article.",
    (
        Column("event_id", pa.string(), "Stable id: hash of article, actors, code and date.", nullable=False,
               unique=True, regex=HEX16),
        Column("article_id", pa.string(), "Article (see `articles`).", nullable=False, regex=HEX16),
        Column("sentence_index", pa.int32(), "Sentence reporting it.", nullable=False, min=0),
        Column("char_start", pa.int32(), "Start of the evidence sentence in `articles.text`.", nullable=False, min=0),
        Column("char_end", pa.int32(), "End of the evidence sentence.", nullable=False, min=1),
        Column("evidence", pa.string(), "The sentence that reports it.", nullable=False),
        Column("trigger", pa.string(), "The lexicon entry that fired (`hội đàm`).", nullable=False),
        Column("trigger_start", pa.int32(), "Start of the trigger in `articles.text`.", nullable=False, min=0),
        Column("trigger_end", pa.int32(), "End of the trigger.", nullable=False, min=1),
        Column("event_code", pa.string(), "CAMEO code, as a string with its leading zero (`040`, `0841`).",
               nullable=False, regex=r"^\d{2,4}$"),
        Column("event_root_code", pa.string(), "CAMEO root, two characters (`04`).", nullable=False,
               values=CAMEO_ROOTS),
        Column("quad_class", pa.int8(), "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
               "4 material conflict.", nullable=False, values=(1, 2, 3, 4)),
        Column("goldstein", pa.float32(), "Goldstein scale of the code, -10 to 10.", nullable=False, min=-10, max=10),
        Column("source_actor_code", pa.string(), "Acting actor: ISO3 for a state and its officials, IGO code, "
               "or a non-state group's short name; null if unknown."),
        Column("target_actor_code", pa.string(), "Receiving actor, same codes; null for drills and tests."),
        Column("source_actor_name", pa.string(), "Name of the source mention."),
        Column("target_actor_name", pa.string(), "Name of the target mention."),
        Column("source_actor_country", pa.string(), "ISO3 of the source when it is a state, its official or "
               "citizen."),
        Column("target_actor_country", pa.string(), "ISO3 of the target when it is a state, its official or "
               "citizen."),
        Column("source_actor_group", pa.string(), "IGO or non-state group code of the source."),
        Column("target_actor_group", pa.string(), "IGO or non-state group code of the target."),
        Column("event_date", pa.date32(), "Date of the event (first day of the month or year at coarser "
               "precision); null when neither the text nor the publication date gives one."),
        Column("event_date_precision", pa.string(), "day, month or year.", values=PRECISIONS),
        Column("event_date_text", pa.string(), "Event date at its precision: `2016`, `2016-05` or `2016-05-23`; "
               "null when undated.", regex=r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"),
        Column("event_date_basis", pa.string(), "timex (an expression tied to the event), published (fallback to "
               "the publication date) or none.", nullable=False, values=("timex", "published", "none")),
        Column("modality", pa.string(), "asserted, planned, hypothetical or negated.", nullable=False,
               values=MODALITIES),
        Column("location_name", pa.string(), "Place named with `tại`/`ở`."),
        Column("location_code", pa.string(), "Country of the place, where known."),
        Column("confidence", pa.float32(), "0-1.", nullable=False, min=0, max=1),
        Column("cluster_id", pa.string(), "The happening it reports: shared by events with the same dyad, root and "
               "date in any article (see `event_clusters`).", nullable=False, regex=HEX16),
        Column("event_year", pa.int32(), "Partition: year of `event_date`; null when undated (folder "
               "`event_year=__HIVE_DEFAULT_PARTITION__`).", min=1800, max=2199),
        Column("event_month", pa.int32(), "Partition: month of `event_date` (1-12); null when undated.", min=1,
               max=12),
        *_run_columns(),
    ),
    replace_key="article_id", partition_by=("event_year", "event_month"),
    ordered_pairs=(("char_end", "char_start"), ("trigger_end", "trigger_start")),
)

INPUTS = Table(
    "inputs", "The ledger: one row per input seen, and what became of it.",
    (
        Column("input_id", pa.string(), "Hash of source_uri and content.", nullable=False, unique=True),
        Column("source_uri", pa.string(), "The input path or URL as given.", nullable=False),
        Column("size_bytes", pa.int64(), "Size in bytes.", nullable=False, min=0),
        Column("sha256", pa.string(), "SHA-256 of the bytes.", nullable=False, regex=r"^[0-9a-f]{64}$"),
        Column("encoding", pa.string(), "Encoding detected; null when undecodable."),
        Column("outcome", pa.string(), "article, duplicate, rejected, or unchanged (the same bytes were already "
               "published by the same extraction version: skipped).", nullable=False,
               values=("article", "duplicate", "rejected", "unchanged")),
        Column("article_id", pa.string(), "The article it became, or duplicates."),
        Column("reason", pa.string(), "Why it was rejected (empty, binary, undecodable, too_large, "
               "not_vietnamese, unsupported_type, unreadable, missing, not_a_file, malformed, timeout, "
               "failed_validation, ...), or `duplicate`."),
        Column("origin_uri", pa.string(), "The file it was read from, as given (for a table's row, the table; "
               "`source_uri` is then the row's `url`)."),
        Column("origin_line", pa.int64(), "A table's row: its line in the file (JSONL, CSV) or its row number "
               "(Parquet), from 1; null for a whole file.", min=1),
        Column("ingested_at", pa.timestamp("us", tz="UTC"), "When the run read it.", nullable=False),
        EXTRACTION_VERSION,
        Column("ingest_date", pa.string(), "Partition: UTC date of ingestion.", nullable=False,
               regex=r"^\d{4}-\d{2}-\d{2}$"),
        *_run_columns(),
    ),
    replace_key="input_id", partition_by=("ingest_date",),
)

REJECTS = Table(
    "rejects", "Inputs and rows the pipeline refused, with the reason and what is needed to replay them.",
    (
        Column("reject_id", pa.string(), "Stable id.", nullable=False, unique=True),
        Column("input_id", pa.string(), "The input concerned (see `inputs`).", nullable=False),
        Column("source_uri", pa.string(), "The input path or URL.", nullable=False),
        Column("stage", pa.string(), "ingest, clean, extract or validate.", nullable=False,
               values=("ingest", "clean", "extract", "validate")),
        Column("reason", pa.string(), "Short reason code.", nullable=False),
        Column("detail", pa.string(), "Human-readable detail (the failed expectation for validation rejects)."),
        Column("table_name", pa.string(), "For validation rejects: the table the row was meant for."),
        Column("row_json", pa.string(), "For validation rejects: the quarantined row, as JSON."),
        Column("replay", pa.string(), "Shell command that re-runs this input, every argument quoted "
               "(`vnevents run <file>`; `shlex.split` gives the argument list).", nullable=False),
        Column("rejected_at", pa.timestamp("us", tz="UTC"), "When.", nullable=False),
        Column("reject_date", pa.string(), "Partition: UTC date.", nullable=False, regex=r"^\d{4}-\d{2}-\d{2}$"),
        *_run_columns(),
    ),
    replace_key="input_id", partition_by=("reject_date",), quarantine=False,
)

RUNS = Table(
    "runs", "One row per pipeline run (append-only): counts, validation outcome, report location.",
    (
        Column("run_id", pa.string(), "Run id.", nullable=False, unique=True),
        Column("flow_run_id", pa.string(), "Prefect flow run id."),
        Column("started_at", pa.timestamp("us", tz="UTC"), "Start.", nullable=False),
        Column("finished_at", pa.timestamp("us", tz="UTC"), "End of publishing.", nullable=False),
        Column("inputs", pa.int64(), "Inputs seen.", nullable=False, min=0),
        Column("articles", pa.int64(), "Articles written.", nullable=False, min=0),
        Column("duplicates", pa.int64(), "Inputs that duplicated an article.", nullable=False, min=0),
        Column("rejected", pa.int64(), "Inputs rejected.", nullable=False, min=0),
        Column("quarantined_rows", pa.int64(), "Rows held back by validation.", nullable=False, min=0),
        Column("timexes", pa.int64(), "Time expressions written.", nullable=False, min=0),
        Column("mentions", pa.int64(), "Mentions written.", nullable=False, min=0),
        Column("events", pa.int64(), "Events written.", nullable=False, min=0),
        Column("validation_success", pa.bool_(), "Every expectation held on the published rows.", nullable=False),
        Column("report_path", pa.string(), "Validation report (JSON and HTML) under the warehouse."),
        Column("parameters", pa.string(), "Run parameters, as JSON."),
        Column("pipeline_version", pa.string(), "vnevents version.", nullable=False),
        EXTRACTION_VERSION,
        Column("table_versions", pa.list_(pa.struct([("table_name", pa.string()), ("version", pa.int64())])),
               "The Delta version of every table after this run's commits: what `vnevents query --as-of RUN_ID` "
               "reads (`runs` itself at the version that added this row)."),
        Column("run_date", pa.string(), "Partition: UTC date of the run.", nullable=False,
               regex=r"^\d{4}-\d{2}-\d{2}$"),
    ),
    replace_key="run_id", partition_by=("run_date",), quarantine=False, append_only=True,
)

ENTITIES = Table(
    "entities", "One row per canonical entity the warehouse mentions, merged across runs (derived from `mentions` "
    "at every publish).",
    (
        Column("entity_id", pa.string(), "Stable id: GPE and IGO by code, people and others by their "
               "spelling-insensitive canonical name; the same across runs.", nullable=False, unique=True),
        Column("entity_type", pa.string(), "PER, GPE, IGO, ORG or LOC.", nullable=False, values=ENTITY_TYPES),
        Column("canonical_name", pa.string(), "Most frequent canonical name of its mentions."),
        Column("entity_code", pa.string(), "ISO3 or IGO code; a person's country."),
        Column("country", pa.string(), "A person's country, where known."),
        Column("aliases", pa.list_(pa.string()), "Surface forms seen, most frequent first (at most 20)."),
        Column("first_seen", pa.date32(), "Earliest publication date of an article naming it."),
        Column("last_seen", pa.date32(), "Latest publication date of an article naming it."),
        Column("first_ingested_at", pa.timestamp("us", tz="UTC"), "When a run first read an article naming it."),
        Column("mention_count", pa.int64(), "Mentions.", nullable=False, min=1),
        Column("article_count", pa.int64(), "Articles naming it.", nullable=False, min=1),
        Column("entity_type_partition", pa.string(), "Partition: the entity type.", nullable=False,
               values=ENTITY_TYPES),
    ),
    replace_key="entity_id", partition_by=("entity_type_partition",), quarantine=False, derived=True,
)

EVENT_CLUSTERS = Table(
    "event_clusters", "One row per happening: events with the same dyad, root and date across articles, counted as "
    "GDELT counts mentions, articles and sources (derived from `events` at every publish).",
    (
        Column("cluster_id", pa.string(), "See `events.cluster_id`.", nullable=False, unique=True, regex=HEX16),
        Column("event_root_code", pa.string(), "CAMEO root.", nullable=False, values=CAMEO_ROOTS),
        Column("source_actor_code", pa.string(), "Source actor (of the first event; either order for roots 04-06)."),
        Column("target_actor_code", pa.string(), "Target actor."),
        Column("event_date", pa.date32(), "Date of the happening."),
        Column("event_date_precision", pa.string(), "day, month or year.", values=PRECISIONS),
        Column("num_mentions", pa.int64(), "Events (one per article at most, as events are deduplicated per "
               "article) reporting it.", nullable=False, min=1),
        Column("num_articles", pa.int64(), "Distinct articles reporting it.", nullable=False, min=1),
        Column("num_sources", pa.int64(), "Distinct outlets reporting it.", nullable=False, min=1),
        Column("first_published", pa.date32(), "Earliest publication date of a reporting article."),
        Column("last_published", pa.date32(), "Latest publication date of a reporting article."),
        Column("root_partition", pa.string(), "Partition: the CAMEO root.", nullable=False, values=CAMEO_ROOTS),
    ),
    replace_key="cluster_id", partition_by=("root_partition",), quarantine=False, derived=True,
)

TABLES: dict[str, Table] = {t.name: t for t in (ARTICLES, TIMEXES, MENTIONS, EVENTS, INPUTS, REJECTS, RUNS,
                                                 ENTITIES, EVENT_CLUSTERS)}


# --- staging layouts: what one stage hands the next under <warehouse>/.runs/<run_id>/ ----------------------
_INPUT = (
    Column("input_id", pa.string(), "See `inputs`.", nullable=False),
    Column("source_uri", pa.string(), "See `inputs`.", nullable=False),
    Column("size_bytes", pa.int64(), "See `inputs`.", nullable=False),
    Column("sha256", pa.string(), "See `inputs`.", nullable=False),
    Column("encoding", pa.string(), "Encoding detected."),
    Column("order", pa.int64(), "Position of the input in the run (first wins among duplicates).", nullable=False),
    Column("outcome", pa.string(), "`unchanged` when skipped as already published, else null until decided."),
    Column("article_id", pa.string(), "The article (the published one, for unchanged inputs)."),
    Column("reason", pa.string(), "Why it was rejected."),
    Column("detail", pa.string(), "Reject detail."),
    Column("stage", pa.string(), "Stage that rejected it."),
    Column("origin", pa.string(), "See `inputs.origin_uri`."),
    Column("line", pa.int64(), "See `inputs.origin_line`."),
)
_ARTICLE_COLUMNS = ("article_id", "source", "title", "lead", "body", "text", "segments", "headings", "captions",
                    "byline", "byline_author", "byline_agencies", "byline_date", "related", "images", "header",
                    "published_metadata", "vietnamese_share", "flags")

INGESTED = Table(
    "ingested", "Staging: one row per input read and decoded (ingest -> clean).",
    _INPUT + (
        Column("lossy", pa.bool_(), "Some bytes could not be decoded."),
        Column("text", pa.string(), "Decoded text."),
        Column("title", pa.string(), "Title from metadata."),
        Column("published", pa.string(), "Publication date from metadata."),
        Column("source_name", pa.string(), "Outlet from metadata."),
    ),
    replace_key="input_id", partition_by=(),
)

CLEANED = Table(
    "cleaned", "Staging: one row per input, with its structured article when cleaning accepted it "
    "(clean -> deduplicate -> extract).",
    _INPUT + tuple(replace(ARTICLES.column(c), nullable=True) for c in _ARTICLE_COLUMNS if c != "article_id"),
    replace_key="input_id", partition_by=(),
)

DECISIONS = Table(
    "decisions", "Staging: what deduplication decided for each input (deduplicate -> assemble).",
    (
        Column("input_id", pa.string(), "See `inputs`.", nullable=False),
        Column("outcome", pa.string(), "article, duplicate, rejected or unchanged.", nullable=False),
        Column("article_id", pa.string(), "The article it is or duplicates."),
    ),
    replace_key="input_id", partition_by=(),
)

PUBDATES = Table(
    "pubdates", "Staging: each extracted article's publication date as dated alone, with what a batch prior needs "
    "(extract -> redate: the run's source groups' priors, then the articles they change extracted again).",
    (
        Column("input_id", pa.string(), "See `inputs`.", nullable=False),
        Column("group", pa.string(), "The source group: the table file a row was read from, else the folder (or "
               "object-store prefix) of the file.", nullable=False),
        Column("basis", pa.string(), "See `articles.published_basis`.", nullable=False),
        Column("year", pa.int32(), "The year of the date, if any."),
        Column("window", pa.list_(pa.int32()), "The years a batch prior may choose among (transforms/pubdate.py "
               "`Published.window`)."),
    ),
    replace_key="input_id", partition_by=(),
)

STAGING: dict[str, Table] = {t.name: t for t in (INGESTED, CLEANED, DECISIONS, PUBDATES)}
ARTICLE_FIELDS = _ARTICLE_COLUMNS
