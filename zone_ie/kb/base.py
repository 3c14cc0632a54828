"""``KnowledgeBase``: park and company records, figures and conflicts in the fact store.

The knowledge base lives in the same SQLite file as the facts (tables
prefixed ``kb_`` plus ``park_metrics`` / ``park_metric_sources``).
:meth:`KnowledgeBase.build` is incremental: only documents that are new or
whose content changed are read again (their clusters analysed, their evidence
texts cut); the records, the figures and the conflicts are then derived from
all documents, so an incremental build gives what a full rebuild gives, ids
included.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from ..store import Store
from .gazetteer import Gazetteer, clean_name, default_gazetteer, name_form
from .identity import Mention, Record, analyze_document, assign_parents, resolve_companies, resolve_parks
from .metrics import Figure, MetricRow, merge_figures
from .texts import TextSource

KB_SCHEMA_VERSION = 2  # bump when a kb table changes: older kb tables are dropped and rebuilt
KB_SCHEMA = """
CREATE TABLE IF NOT EXISTS kb_docs (doc_id TEXT PRIMARY KEY, signature TEXT);
CREATE TABLE IF NOT EXISTS kb_mentions (
    doc_id TEXT NOT NULL, idx INTEGER NOT NULL, label TEXT NOT NULL, canonical TEXT NOT NULL,
    names TEXT NOT NULL, keys TEXT NOT NULL, province TEXT, city TEXT, place_src TEXT, zone_id TEXT,
    inside TEXT NOT NULL, PRIMARY KEY (doc_id, idx));
CREATE TABLE IF NOT EXISTS kb_evidence (
    doc_id TEXT NOT NULL, fact_idx INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (doc_id, fact_idx));
CREATE TABLE IF NOT EXISTS kb_parks (
    park_id TEXT PRIMARY KEY, name TEXT NOT NULL, level TEXT, province TEXT, city TEXT,
    zone_name TEXT, approved TEXT, parent_id TEXT, names TEXT NOT NULL,
    n_docs INTEGER, n_facts INTEGER, n_conflicts INTEGER);
CREATE TABLE IF NOT EXISTS kb_park_mentions (
    doc_id TEXT NOT NULL, idx INTEGER NOT NULL, park_id TEXT NOT NULL, PRIMARY KEY (doc_id, idx));
CREATE TABLE IF NOT EXISTS kb_companies (
    company_id TEXT PRIMARY KEY, name TEXT NOT NULL, names TEXT NOT NULL, n_docs INTEGER);
CREATE TABLE IF NOT EXISTS kb_company_mentions (
    doc_id TEXT NOT NULL, idx INTEGER NOT NULL, company_id TEXT NOT NULL, PRIMARY KEY (doc_id, idx));
CREATE TABLE IF NOT EXISTS kb_company_parks (
    company_id TEXT NOT NULL, park_id TEXT NOT NULL, doc_id TEXT NOT NULL, fact_idx INTEGER NOT NULL,
    PRIMARY KEY (company_id, park_id, doc_id, fact_idx));
CREATE TABLE IF NOT EXISTS kb_projects (
    park_id TEXT NOT NULL, doc_id TEXT NOT NULL, fact_idx INTEGER NOT NULL, name TEXT,
    company_id TEXT, status TEXT, investment REAL, unit TEXT, PRIMARY KEY (park_id, doc_id, fact_idx));
CREATE TABLE IF NOT EXISTS park_metrics (
    metric_id TEXT PRIMARY KEY, key_id TEXT NOT NULL, park_id TEXT NOT NULL,
    indicator TEXT NOT NULL, indicator_text TEXT, scope TEXT,
    period_year INTEGER, period_start_month INTEGER, period_end_month INTEGER,
    value REAL, value_low REAL, value_high REAL, unit TEXT, qualifier TEXT,
    yoy_pct REAL, share_pct REAL, n_sources INTEGER NOT NULL, n_docs INTEGER NOT NULL,
    conflict INTEGER NOT NULL, conflict_across_docs INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS park_metric_sources (
    metric_id TEXT NOT NULL, doc_id TEXT NOT NULL, fact_idx INTEGER NOT NULL,
    evidence_start INTEGER, evidence_end INTEGER, value REAL, unit TEXT, yoy_pct REAL, share_pct REAL,
    PRIMARY KEY (metric_id, doc_id, fact_idx));
CREATE INDEX IF NOT EXISTS park_metrics_park ON park_metrics (park_id, indicator);
"""
DERIVED = ("kb_parks", "kb_park_mentions", "kb_companies", "kb_company_mentions", "kb_company_parks",
           "kb_projects", "park_metrics", "park_metric_sources")
KB_TABLES = ("kb_docs", "kb_mentions", "kb_evidence") + DERIVED
_EVIDENCE_TYPES = ("metric", "located_in", "project")


@dataclass
class BuildStats:
    """What one :meth:`KnowledgeBase.build` did and found."""

    read: int = 0
    removed: int = 0
    documents: int = 0
    park_clusters: int = 0
    parks: int = 0
    gazetteer_parks: int = 0
    companies: int = 0
    metrics: int = 0
    conflicts: int = 0

    def line(self) -> str:
        return (f"{self.documents} documents ({self.read} read, {self.removed} removed): "
                f"{self.park_clusters} park clusters -> {self.parks} parks "
                f"({self.gazetteer_parks} official zones), {self.companies} companies, "
                f"{self.metrics} figures, {self.conflicts} in conflict")


class KnowledgeBase:
    """Parks, companies and figures across the documents of a fact store."""

    def __init__(self, db: Union[str, Path], gazetteer: Optional[Gazetteer] = None) -> None:
        self.store = Store(db)
        self.conn: sqlite3.Connection = self.store.conn
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'kb_schema_version'").fetchone()
        if row is None or row[0] != str(KB_SCHEMA_VERSION):  # an older layout: derived data, rebuilt
            for t in KB_TABLES:
                self.conn.execute(f"DROP TABLE IF EXISTS {t}")
            self.conn.execute("DELETE FROM meta WHERE key = 'kb_derived'")
        self.conn.executescript(KB_SCHEMA)
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('kb_schema_version', ?)", (str(KB_SCHEMA_VERSION),))
        self.conn.commit()
        self.g = gazetteer or default_gazetteer()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "KnowledgeBase":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # --- building ------------------------------------------------------------

    def build(self, full: bool = False, texts: Optional[dict[str, str]] = None) -> BuildStats:
        """Update the records from the stored documents (``full``: re-read every document)."""
        c = self.conn
        stats = BuildStats()
        if full:
            for t in KB_TABLES:
                c.execute(f"DELETE FROM {t}")
            c.execute("DELETE FROM meta WHERE key = 'kb_derived'")
        # a document is read again when its content or what was extracted from it changed
        docs = {d: (sha, src, f"{sha}:{nc}:{nf}") for d, sha, src, nc, nf in c.execute(
            "SELECT d.doc_id, d.sha256, d.source, (SELECT COUNT(*) FROM clusters c WHERE c.doc_id = d.doc_id), "
            "(SELECT COUNT(*) FROM facts f WHERE f.doc_id = d.doc_id) FROM documents d WHERE d.status = 'ok'")}
        seen = dict(c.execute("SELECT doc_id, signature FROM kb_docs").fetchall())
        gone = [d for d in seen if d not in docs or docs[d][2] != seen[d]]
        for d in gone:
            for t in ("kb_docs", "kb_mentions", "kb_evidence"):
                c.execute(f"DELETE FROM {t} WHERE doc_id = ?", (d,))
        stats.removed = sum(1 for d in gone if d not in docs)
        todo = sorted(d for d in docs if d not in seen or d in gone)
        source = TextSource(texts)
        for doc_id in todo:
            self._read_document(doc_id, *docs[doc_id], source)
        stats.read = len(todo)
        stats.documents = len(docs)
        if todo or gone or full or not self._derived():
            self._derive(stats)
        else:  # nothing changed: the records stand
            self._count(stats)
        c.commit()
        return stats

    def _derived(self) -> bool:
        return self.conn.execute("SELECT value FROM meta WHERE key = 'kb_derived'").fetchone() is not None

    def _count(self, stats: BuildStats) -> None:
        q = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        stats.park_clusters = q("SELECT COUNT(*) FROM kb_mentions WHERE label = 'PARK'")
        stats.parks = q("SELECT COUNT(*) FROM kb_parks")
        stats.gazetteer_parks = q("SELECT COUNT(*) FROM kb_parks WHERE zone_name IS NOT NULL")
        stats.companies = q("SELECT COUNT(*) FROM kb_companies")
        stats.metrics = q("SELECT COUNT(*) FROM park_metrics")
        stats.conflicts = q("SELECT COUNT(*) FROM park_metrics WHERE conflict = 1")

    def _read_document(self, doc_id: str, sha: Optional[str], src: str, signature: str, source: TextSource) -> None:
        c = self.conn
        clusters = [(i, lab, can, json.loads(n)) for i, lab, can, n in c.execute(
            "SELECT idx, label, canonical, names FROM clusters WHERE doc_id = ? ORDER BY idx", (doc_id,))]
        entities = c.execute('SELECT start, "end", label, text FROM entities WHERE doc_id = ?', (doc_id,)).fetchall()
        mentions = analyze_document(self.g, doc_id, clusters, entities)
        c.executemany(
            "INSERT OR REPLACE INTO kb_mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(m.doc_id, m.idx, m.label, m.canonical, json.dumps(m.names, ensure_ascii=False),
              json.dumps(m.keys, ensure_ascii=False), m.province, m.city, m.place_src, m.zone_id,
              json.dumps(m.inside)) for m in mentions])
        text = source.get(doc_id, src, sha)
        if text is not None:
            rows = [(doc_id, i, text[s:e]) for i, s, e in c.execute(
                "SELECT idx, evidence_start, evidence_end FROM facts WHERE doc_id = ? AND type IN (?, ?, ?) "
                "AND evidence_start IS NOT NULL", (doc_id, *_EVIDENCE_TYPES))]
            c.executemany("INSERT OR REPLACE INTO kb_evidence VALUES (?, ?, ?)", rows)
        c.execute("INSERT OR REPLACE INTO kb_docs VALUES (?, ?)", (doc_id, signature))

    def _mentions(self) -> list[Mention]:
        return [Mention(d, i, lab, can, json.loads(n), json.loads(k), p or "", ci or "", src or "", z, json.loads(ins))
                for d, i, lab, can, n, k, p, ci, src, z, ins in self.conn.execute(
                    "SELECT doc_id, idx, label, canonical, names, keys, province, city, place_src, zone_id, inside "
                    "FROM kb_mentions")]

    def _derive(self, stats: BuildStats) -> None:
        c = self.conn
        for t in DERIVED:
            c.execute(f"DELETE FROM {t}")
        mentions = self._mentions()
        parks, park_of = resolve_parks(self.g, mentions)
        companies, company_of = resolve_companies(mentions)
        by_name: dict[tuple[str, str, str], int] = {}
        for m in mentions:
            by_name.setdefault((m.doc_id, m.label, m.canonical), m.idx)
            for n in m.names:
                by_name.setdefault((m.doc_id, m.label, n), m.idx)

        def park(doc_id: str, name: Optional[str]) -> Optional[str]:
            i = by_name.get((doc_id, "PARK", clean_name(name))) if name else None
            return park_of.get((doc_id, i)) if i is not None else None

        def company(doc_id: str, name: Optional[str]) -> Optional[str]:
            i = by_name.get((doc_id, "COMPANY", clean_name(name))) if name else None
            return company_of.get((doc_id, i)) if i is not None else None

        figures: list[Figure] = []
        links: set[tuple[str, str, str, int]] = set()
        projects: list[tuple] = []
        sub_parks: list[tuple[str, str]] = []
        for row in c.execute(
            "SELECT doc_id, idx, type, subject_canonical, company_canonical, park_canonical, indicator, "
            "indicator_text, scope, period_year, period_start_month, period_end_month, value, value_low, "
            "value_high, unit, qualifier, yoy_pct, share_pct, evidence_start, evidence_end, name, status "
            "FROM facts WHERE type IN ('metric', 'located_in', 'project')"
        ):
            doc_id, idx, t = row[0], row[1], row[2]
            if t == "metric":
                pid = park(doc_id, row[3])
                if pid is not None:
                    figures.append(Figure(pid, doc_id, idx, row[6] or "other", row[7] or "", *row[8:21]))
                continue
            pid = park(doc_id, row[5])
            if pid is None:
                continue
            cid = company(doc_id, row[4])
            if t == "located_in":
                if cid is not None:
                    links.add((cid, pid, doc_id, idx))
                else:
                    inner = park(doc_id, row[4])  # a park located in a park: a sub-park
                    if inner is not None:
                        sub_parks.append((inner, pid))
            else:
                if cid is not None:
                    links.add((cid, pid, doc_id, idx))
                projects.append((pid, doc_id, idx, row[21], cid, row[22], row[12], row[15]))
        for m in mentions:
            for outer in m.inside:
                a, b = park_of.get((m.doc_id, m.idx)), park_of.get((m.doc_id, outer))
                if a is not None and b is not None:
                    sub_parks.append((a, b))
        assign_parents(self.g, parks, sub_parks)
        rows = merge_figures(figures)
        self._write(parks, park_of, companies, company_of, links, projects, rows)
        stats.park_clusters = sum(1 for m in mentions if m.label == "PARK")
        stats.parks = len(parks)
        stats.gazetteer_parks = sum(1 for p in parks if p.zone_id)
        stats.companies = len(companies)
        stats.metrics = len(rows)
        stats.conflicts = sum(1 for r in rows if r.conflict)
        c.execute("INSERT OR REPLACE INTO meta VALUES ('kb_derived', '1')")

    def _write(self, parks: list[Record], park_of: dict, companies: list[Record], company_of: dict,
               links: set, projects: list[tuple], rows: list[MetricRow]) -> None:
        c = self.conn
        n_docs: dict[str, set[str]] = {}
        for (doc_id, _), pid in park_of.items():
            n_docs.setdefault(pid, set()).add(doc_id)
        n_facts: dict[str, int] = {}
        n_conf: dict[str, set[str]] = {}
        for r in rows:
            pid = r.first.park_id
            n_facts[pid] = n_facts.get(pid, 0) + len(r.figures)
            if r.conflict:
                n_conf.setdefault(pid, set()).add(r.key_id)
        for _, pid, _, _ in links:
            n_facts[pid] = n_facts.get(pid, 0) + 1
        for p in projects:
            n_facts[p[0]] = n_facts.get(p[0], 0) + 1
        c.executemany("INSERT INTO kb_parks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            (p.id, p.name, p.level, p.province, p.city, self.g.zones[p.zone_id].name if p.zone_id else None,
             self.g.zones[p.zone_id].approved if p.zone_id else None, p.parent_id,
             json.dumps(p.names, ensure_ascii=False), len(n_docs.get(p.id, ())), n_facts.get(p.id, 0),
             len(n_conf.get(p.id, ()))) for p in parks])
        c.executemany("INSERT INTO kb_park_mentions VALUES (?, ?, ?)",
                      [(d, i, pid) for (d, i), pid in sorted(park_of.items())])
        docs_of: dict[str, set[str]] = {}
        for (d, _), cid in company_of.items():
            docs_of.setdefault(cid, set()).add(d)
        c.executemany("INSERT INTO kb_companies VALUES (?, ?, ?, ?)", [
            (r.id, r.name, json.dumps(r.names, ensure_ascii=False), len(docs_of.get(r.id, ())))
            for r in companies])
        c.executemany("INSERT INTO kb_company_mentions VALUES (?, ?, ?)",
                      [(d, i, cid) for (d, i), cid in sorted(company_of.items())])
        c.executemany("INSERT OR IGNORE INTO kb_company_parks VALUES (?, ?, ?, ?)", sorted(links))
        c.executemany("INSERT OR IGNORE INTO kb_projects VALUES (?, ?, ?, ?, ?, ?, ?, ?)", projects)
        metric_rows, source_rows = [], []
        for r in rows:
            f = r.first
            value, low, high, unit, qual = r.value_fields()
            metric_rows.append((
                r.metric_id, r.key_id, f.park_id, f.indicator, f.indicator_text, f.scope, f.year,
                f.start_month, f.end_month, value, low, high, unit, qual, r.merged("yoy_pct"),
                r.merged("share_pct"), len(r.figures), len({x.doc_id for x in r.figures}), int(r.conflict),
                int(r.across_documents)))
            source_rows.extend((r.metric_id, x.doc_id, x.fact_idx, x.evidence_start, x.evidence_end,
                                x.value, x.unit, x.yoy_pct, x.share_pct) for x in r.figures)
        c.executemany(f"INSERT INTO park_metrics VALUES ({', '.join('?' * 20)})", metric_rows)
        c.executemany("INSERT INTO park_metric_sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", source_rows)

    # --- reading -------------------------------------------------------------

    def parks(self) -> list[dict[str, Any]]:
        """Every park record, most documents first."""
        cur = self.conn.execute(
            "SELECT park_id, name, level, province, city, zone_name, approved, parent_id, names, n_docs, "
            "n_facts, n_conflicts FROM kb_parks ORDER BY n_docs DESC, n_facts DESC, park_id")
        cols = [d[0] for d in cur.description]
        out = []
        for row in cur.fetchall():
            d = dict(zip(cols, row))
            d["names"] = json.loads(d["names"])
            out.append(d)
        return out

    def park(self, query: str) -> Optional[dict[str, Any]]:
        """The park record for an id or any of its names (name forms compared), or None;
        of several parks with that name, the one most documents name (see :meth:`find_parks`)."""
        hits = self.find_parks(query)
        return hits[0] if hits else None

    def find_parks(self, query: str) -> list[dict[str, Any]]:
        """Every park record whose id is ``query`` or that has ``query`` among its name forms
        (else the gazetteer zone the name links to), most documents first."""
        parks = self.parks()
        hits = [p for p in parks if p["park_id"] == query]
        if hits:
            return hits
        form = name_form(query)
        hits = [p for p in parks if form in {name_form(n) for n in p["names"] + [p["name"]]}]
        if not hits:
            zid = self.g.link([query], self.g.place(query), [])
            hits = [p for p in parks if zid is not None and p["park_id"] == zid]
        return hits

    def series(self, park_id: str, indicator: Optional[str] = None) -> list[dict[str, Any]]:
        """The park's figures ordered by indicator, scope and period, with their sources."""
        q = ("SELECT * FROM park_metrics WHERE park_id = ?" + (" AND indicator = ?" if indicator else ""))
        cur = self.conn.execute(q + " ORDER BY indicator, COALESCE(scope, ''), period_year IS NULL, period_year, "
                                "COALESCE(period_end_month, 12), COALESCE(period_start_month, 1), metric_id",
                                (park_id, indicator) if indicator else (park_id,))
        cols = [d[0] for d in cur.description]
        out = [dict(zip(cols, r)) for r in cur.fetchall()]
        for m in out:
            m["sources"] = [dict(zip(("doc_id", "fact_idx", "evidence_start", "evidence_end", "value", "unit",
                                      "yoy_pct", "share_pct", "text"), s)) for s in self.conn.execute(
                "SELECT s.doc_id, s.fact_idx, s.evidence_start, s.evidence_end, s.value, s.unit, s.yoy_pct, "
                "s.share_pct, e.text FROM park_metric_sources s LEFT JOIN kb_evidence e "
                "ON e.doc_id = s.doc_id AND e.fact_idx = s.fact_idx WHERE s.metric_id = ? "
                "ORDER BY s.doc_id, s.fact_idx", (m["metric_id"],))]
        return out

    def companies_of(self, park_id: str) -> list[dict[str, Any]]:
        """Companies located in the park, with the documents that say so."""
        rows = self.conn.execute(
            "SELECT c.company_id, c.name, l.doc_id, l.fact_idx, e.text FROM kb_company_parks l "
            "JOIN kb_companies c ON c.company_id = l.company_id LEFT JOIN kb_evidence e "
            "ON e.doc_id = l.doc_id AND e.fact_idx = l.fact_idx WHERE l.park_id = ? "
            "ORDER BY c.name, l.doc_id, l.fact_idx", (park_id,)).fetchall()
        out: dict[str, dict[str, Any]] = {}
        for cid, name, d, i, text in rows:
            out.setdefault(cid, {"company_id": cid, "name": name, "sources": []})["sources"].append(
                {"doc_id": d, "fact_idx": i, "text": text})
        return list(out.values())

    def companies(self) -> list[dict[str, Any]]:
        """Every company record with its names and the parks it is located in (most documents first)."""
        parks: dict[str, list[str]] = {}
        for cid, pid in self.conn.execute("SELECT DISTINCT company_id, park_id FROM kb_company_parks ORDER BY park_id"):
            parks.setdefault(cid, []).append(pid)
        return [{"company_id": cid, "name": name, "names": json.loads(names), "n_docs": n, "parks": parks.get(cid, [])}
                for cid, name, names, n in self.conn.execute(
                    "SELECT company_id, name, names, n_docs FROM kb_companies ORDER BY n_docs DESC, company_id")]

    def projects_of(self, park_id: str) -> list[dict[str, Any]]:
        """Projects in the park, with their company and evidence."""
        cur = self.conn.execute(
            "SELECT p.name, p.status, p.investment, p.unit, c.name AS company, p.doc_id, p.fact_idx, e.text "
            "FROM kb_projects p LEFT JOIN kb_companies c ON c.company_id = p.company_id LEFT JOIN kb_evidence e "
            "ON e.doc_id = p.doc_id AND e.fact_idx = p.fact_idx WHERE p.park_id = ? ORDER BY p.doc_id, p.fact_idx",
            (park_id,))
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    def sub_parks(self, park_id: str) -> list[dict[str, Any]]:
        return [p for p in self.parks() if p["parent_id"] == park_id]

    def dump(self, tables: Iterable[str] = KB_TABLES) -> dict[str, list[tuple]]:
        """Every knowledge-base table's rows, sorted (to compare two builds)."""
        return {t: sorted(self.conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
