"""The embedded fact store: one SQLite file (stdlib ``sqlite3``).

Tables (all keyed by ``doc_id``; a document's rows are replaced together):

``documents``  doc_id, sha256 (of the raw text), date, source, n_chars, n_chunks,
               status (``ok`` | ``error``)
``entities``   doc_id, idx, start, end, label, text                  (raw offsets)
``clusters``   doc_id, idx, label, canonical, names (JSON list)
``facts``      doc_id, idx, type, key columns, evidence_start/end, json (the SPEC fact)
``errors``     doc_id, source, reason, severity (``error``: not stored; ``warning``: stored,
               some metadata dropped, e.g. an invalid date)

Fact key columns: ``subject`` (metric), ``company``/``park`` (located_in, project),
``name``/``alias``/``label`` (alias; ``name`` is also the project name),
``indicator``, ``indicator_text``, ``scope``, ``period_year``,
``period_start_month``, ``period_end_month``, ``value``, ``value_low``,
``value_high``, ``unit``, ``qualifier`` (the metric value, or the project's
investment), ``yoy_pct``, ``share_pct``, ``status`` (project). ``subject_label``,
``subject_canonical``, ``company_canonical`` and ``park_canonical`` resolve the
names through the document's clusters (SPEC 3), so that "per park" queries group
``潍坊经开区`` with ``潍坊经济开发区``.

Writes are idempotent: a document is stored once per doc_id (re-running replaces
its rows with identical ones), and :meth:`Store.is_done` tells ``--resume`` that a
doc_id is stored with the same content hash. An outcome with ``keep_stored`` (a
doc_id conflict) only adds its error row: the stored document stays. Callers
commit per batch; a document's rows are replaced inside one transaction.
Stores made before the ``severity`` column get it on opening (``error``).
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Optional, Union

from .models import Cluster, DocResult, Entity
from .names import norm_name

if TYPE_CHECKING:
    from .batch import Outcome

SCHEMA_VERSION = 2

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    doc_id   TEXT PRIMARY KEY,
    sha256   TEXT,
    date     TEXT,
    source   TEXT,
    n_chars  INTEGER,
    n_chunks INTEGER,
    status   TEXT NOT NULL CHECK (status IN ('ok', 'error'))
);
CREATE TABLE IF NOT EXISTS entities (
    doc_id TEXT NOT NULL, idx INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS clusters (
    doc_id TEXT NOT NULL, idx INTEGER NOT NULL,
    label TEXT NOT NULL, canonical TEXT NOT NULL, names TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS facts (
    doc_id TEXT NOT NULL, idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    subject TEXT, subject_label TEXT, subject_canonical TEXT,
    company TEXT, company_canonical TEXT,
    park TEXT, park_canonical TEXT,
    name TEXT, alias TEXT, label TEXT,
    indicator TEXT, indicator_text TEXT, scope TEXT,
    period_year INTEGER, period_start_month INTEGER, period_end_month INTEGER,
    value REAL, value_low REAL, value_high REAL, unit TEXT, qualifier TEXT,
    yoy_pct REAL, share_pct REAL, status TEXT,
    evidence_start INTEGER, evidence_end INTEGER,
    json TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS errors (
    doc_id TEXT NOT NULL, source TEXT NOT NULL, reason TEXT NOT NULL,
    severity TEXT NOT NULL DEFAULT 'error' CHECK (severity IN ('error', 'warning')),
    PRIMARY KEY (doc_id, source)
);
CREATE INDEX IF NOT EXISTS facts_indicator ON facts (type, indicator);
CREATE INDEX IF NOT EXISTS facts_subject ON facts (subject_canonical);
CREATE INDEX IF NOT EXISTS facts_park ON facts (park_canonical);
CREATE INDEX IF NOT EXISTS entities_text ON entities (label, text);
"""

TABLES = ("documents", "entities", "clusters", "facts", "errors")
_FACT_COLS = (
    "type", "subject", "subject_label", "subject_canonical", "company", "company_canonical",
    "park", "park_canonical", "name", "alias", "label", "indicator", "indicator_text", "scope",
    "period_year", "period_start_month", "period_end_month", "value", "value_low", "value_high",
    "unit", "qualifier", "yoy_pct", "share_pct", "status", "evidence_start", "evidence_end", "json",
)


def fact_row(fact: dict[str, Any], clusters: list[Cluster]) -> dict[str, Any]:
    """The key columns of one SPEC fact (``fact`` as a JSON dict)."""
    lookup: dict[str, Cluster] = {}
    for c in clusters:
        for n in c.names:
            lookup.setdefault(norm_name(n), c)

    def resolve(name: Optional[str]) -> Optional[Cluster]:
        return lookup.get(norm_name(name)) if name else None

    t = fact.get("type")
    row: dict[str, Any] = {c: None for c in _FACT_COLS}
    row["type"] = t
    row["json"] = json.dumps(fact, ensure_ascii=False, sort_keys=True)
    ev = fact.get("evidence")
    if ev:
        row["evidence_start"], row["evidence_end"] = int(ev[0]), int(ev[1])
    for k in ("subject", "company", "park", "indicator", "indicator_text", "scope",
              "yoy_pct", "share_pct", "status", "alias", "label"):
        if k in fact:
            row[k] = fact[k]
    if t in ("alias", "project"):
        row["name"] = fact.get("name")
    period = fact.get("period") or {}
    row["period_year"] = period.get("year")
    row["period_start_month"] = period.get("start_month")
    row["period_end_month"] = period.get("end_month")
    q = fact.get("value") if t == "metric" else fact.get("investment") if t == "project" else None
    if q:
        row["value"], row["value_low"], row["value_high"] = q.get("value"), q.get("low"), q.get("high")
        row["unit"], row["qualifier"] = q.get("unit"), q.get("qualifier")
    for key in ("subject", "company", "park"):
        c = resolve(row[key])
        if c is not None:
            row[f"{key}_canonical"] = c.canonical
            if key == "subject":
                row["subject_label"] = c.label
        elif row[key] is not None:
            row[f"{key}_canonical"] = norm_name(row[key])
    if t == "alias" and row["label"] is None:
        row["label"] = fact.get("label")
    return row


class Store:
    """A SQLite fact store. ``with Store("facts.sqlite") as s: s.write(outcome)``."""

    def __init__(self, path: Union[str, Path]) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.executescript(SCHEMA)
        self._migrate()
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        self.conn.commit()

    def _migrate(self) -> None:
        """Schema 1 -> 2: the ``errors`` table gets its ``severity`` column."""
        cols = {row[1] for row in self.conn.execute("PRAGMA table_info(errors)")}
        if "severity" not in cols:
            self.conn.execute("ALTER TABLE errors ADD COLUMN severity TEXT NOT NULL DEFAULT 'error'")

    # --- writing -------------------------------------------------------------

    def _delete(self, doc_id: str) -> None:
        for table in ("entities", "clusters", "facts", "errors"):
            self.conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))

    def write(self, outcome: Union["Outcome", dict[str, Any]]) -> None:
        """Store one outcome (replacing whatever the doc_id had); not committed."""
        if isinstance(outcome, dict):
            from .batch import Outcome

            outcome = Outcome.from_dict(outcome)
        o = outcome
        c = self.conn
        if o.keep_stored:  # a doc_id conflict: the stored document stays as it is
            self._error(o.doc_id, o.source, o.error or "", "error")
            return
        self._delete(o.doc_id)
        status = "ok" if o.ok else "error"
        c.execute(
            "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)",
            (o.doc_id, o.sha256, o.date, o.source, o.n_chars, o.n_chunks, status),
        )
        if not o.ok:
            self._error(o.doc_id, o.source, o.error or "", "error")
            return
        self.write_result(o.result)  # type: ignore[arg-type]
        if o.warnings:
            self._error(o.doc_id, o.source, "; ".join(o.warnings), "warning")

    def _error(self, doc_id: str, source: str, reason: str, severity: str) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO errors (doc_id, source, reason, severity) VALUES (?, ?, ?, ?)",
            (doc_id, source, reason, severity),
        )

    def write_result(self, r: DocResult) -> None:
        c = self.conn
        c.executemany(
            'INSERT INTO entities (doc_id, idx, start, "end", label, text) VALUES (?, ?, ?, ?, ?, ?)',
            [(r.doc_id, i, e.start, e.end, e.label, e.text) for i, e in enumerate(r.entities)],
        )
        c.executemany(
            "INSERT INTO clusters VALUES (?, ?, ?, ?, ?)",
            [(r.doc_id, i, cl.label, cl.canonical, json.dumps(cl.names, ensure_ascii=False))
             for i, cl in enumerate(r.clusters)],
        )
        rows = []
        for i, f in enumerate(r.facts):
            row = fact_row(f.model_dump(mode="json"), r.clusters)
            rows.append((r.doc_id, i, *(row[k] for k in _FACT_COLS)))
        cols = ", ".join(("doc_id", "idx") + _FACT_COLS)
        marks = ", ".join("?" * (len(_FACT_COLS) + 2))
        c.executemany(f"INSERT INTO facts ({cols}) VALUES ({marks})", rows)

    def commit(self) -> None:
        self.conn.commit()

    def close(self) -> None:
        self.conn.commit()
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        if exc[0] is not None:
            self.conn.rollback()
        self.close()

    # --- reading -------------------------------------------------------------

    def is_done(self, doc_id: str, sha256: str) -> bool:
        """Is ``doc_id`` stored, extracted successfully, from this very content?"""
        row = self.conn.execute(
            "SELECT 1 FROM documents WHERE doc_id = ? AND sha256 = ? AND status = 'ok'", (doc_id, sha256)
        ).fetchone()
        return row is not None

    def stored(self, doc_id: str) -> Optional[tuple[Optional[str], str]]:
        """``(sha256, status)`` of the stored ``doc_id``, or ``None`` when it is not stored."""
        row = self.conn.execute("SELECT sha256, status FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return None if row is None else (row[0], row[1])

    def counts(self) -> dict[str, int]:
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}

    def dump(self) -> dict[str, list[tuple]]:
        """Every table's rows, sorted (to compare two stores)."""
        return {t: sorted(self.conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}

    def results(self) -> Iterator[DocResult]:
        """The stored SPEC results, by doc_id (errors left out)."""
        c = self.conn
        for (doc_id, date) in c.execute(
            "SELECT doc_id, date FROM documents WHERE status = 'ok' ORDER BY doc_id"
        ).fetchall():
            ents = [Entity(start=s, end=e, label=lab, text=t) for s, e, lab, t in c.execute(
                'SELECT start, "end", label, text FROM entities WHERE doc_id = ? ORDER BY idx', (doc_id,))]
            clusters = [Cluster(label=lab, canonical=can, names=json.loads(n)) for lab, can, n in c.execute(
                "SELECT label, canonical, names FROM clusters WHERE doc_id = ? ORDER BY idx", (doc_id,))]
            facts = [json.loads(j) for (j,) in c.execute(
                "SELECT json FROM facts WHERE doc_id = ? ORDER BY idx", (doc_id,))]
            yield DocResult.model_validate(
                {"doc_id": doc_id, "date": date, "entities": [e.model_dump() for e in ents],
                 "clusters": [x.model_dump() for x in clusters], "facts": facts}
            )
