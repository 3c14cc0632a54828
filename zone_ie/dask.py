"""Scale-out: the same extraction over a Dask bag of documents.

``zone_ie.dask`` (this module; it imports the real ``dask`` package with absolute
imports, so the name does not shadow it) needs the ``dask`` extra:
``pip install 'zone-ie[dask]'``.

>>> import dask.bag as db, zone_ie.dask as zd
>>> from dask.distributed import Client
>>> client = Client("tcp://scheduler:8786")                 # or LocalCluster()
>>> bag = zd.read_jsonl("s3://bucket/news/*.jsonl")          # or zd.read_files([...]) / db.from_sequence(dicts)
>>> out = zd.extract_bag(bag, segmenter="pkuseg")           # bag of outcome dicts
>>> zd.spec_results(out).map(json.dumps).to_textfiles("out/part-*.jsonl")
>>> zd.write_store(out, "facts.sqlite")                     # or: stream into the SQLite store

Each outcome dict is :meth:`zone_ie.batch.Outcome.to_dict`: ``doc_id``, ``source``,
``date``, ``sha256``, ``status`` (``ok`` | ``error``), ``result`` (the SPEC dict) or
``error`` (the reason). Bad records never fail a task; they come out as errors.

The pipeline is loaded once per worker process (:func:`worker_nlp` caches it per
segmenter) and reused by every partition the process runs. With
``segmenter="pkuseg"`` each worker needs the pkuseg model: run ``zone-ie setup`` on
each machine (:func:`install_model_on_workers` does it through the client), or put
the model on a shared filesystem and point ``ZONE_IE_CACHE`` at it on every worker.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Iterator, Optional, Sequence, Union

import dask.bag as db

from .batch import DEFAULT_CHUNK_CHARS, DEFAULT_MAX_CHARS, BatchExtractor
from .io import InputError, Record, iter_records, parse_record, strip_bom

_NLP: dict[str, Any] = {}


def worker_nlp(segmenter: str = "char") -> Any:
    """The pipeline of this process, loaded on first use and then cached."""
    if segmenter not in _NLP:
        from .pipeline import load

        _NLP[segmenter] = load(segmenter=segmenter)
    return _NLP[segmenter]


def _to_item(obj: Any) -> Union[Record, InputError]:
    """A bag element -> Record (or InputError): a dict ``{"doc_id", "text", "date"?}``,
    a Record, an InputError, or an outcome-style error dict."""
    if isinstance(obj, (Record, InputError)):
        return obj
    if isinstance(obj, dict) and "reason" in obj and "text" not in obj:
        return InputError(str(obj.get("doc_id", "")), str(obj.get("source", "")), str(obj["reason"]))
    source = str(obj.get("source", "")) if isinstance(obj, dict) else ""
    if isinstance(obj, dict) and obj.get("doc_id") in (None, ""):
        return InputError("", source, 'bad record: missing field "doc_id"')
    parsed, doc_id, reason = parse_record(obj, "")
    if parsed is None:
        return InputError(doc_id, source, f"bad record: {reason}")
    doc_id, text, date, warnings = parsed
    earlier = tuple(obj.get("warnings") or ())  # type: ignore[union-attr]  # from read_files
    return Record(doc_id, strip_bom(text), date, source, earlier + warnings)


def extract_partition(
    items: Iterable[Any],
    segmenter: str = "char",
    chunk_chars: Optional[int] = DEFAULT_CHUNK_CHARS,
    max_chars: Optional[int] = DEFAULT_MAX_CHARS,
) -> list[dict[str, Any]]:
    """Outcome dicts for one partition (runs on a worker)."""
    ex = BatchExtractor(worker_nlp(segmenter), n_process=1, chunk_chars=chunk_chars, max_chars=max_chars)
    return [o.to_dict() for o in ex.run(_to_item(x) for x in items)]


def extract_bag(
    bag: db.Bag,
    segmenter: str = "char",
    chunk_chars: Optional[int] = DEFAULT_CHUNK_CHARS,
    max_chars: Optional[int] = DEFAULT_MAX_CHARS,
) -> db.Bag:
    """A bag of outcome dicts, one per element of ``bag`` (record dicts / Records)."""
    return bag.map_partitions(extract_partition, segmenter=segmenter, chunk_chars=chunk_chars,
                              max_chars=max_chars)


def spec_results(outcomes: db.Bag) -> db.Bag:
    """The SPEC dicts (one JSONL line each) of the successful outcomes."""
    return outcomes.filter(lambda o: o["status"] == "ok").pluck("result")


def errors(outcomes: db.Bag) -> db.Bag:
    """``{doc_id, source, reason, severity}`` of the failed outcomes (``error``) and of
    the outcomes processed with dropped metadata (``warning``)."""
    return outcomes.filter(lambda o: o["status"] == "error" or o.get("warnings")).map(_error_record)


def _error_record(o: dict[str, Any]) -> dict[str, Any]:
    if o["status"] == "error":
        return {"doc_id": o["doc_id"], "source": o["source"], "reason": o["error"], "severity": "error"}
    return {"doc_id": o["doc_id"], "source": o["source"], "reason": "; ".join(o["warnings"]),
            "severity": "warning"}


def _read_paths(paths: Sequence[str], max_chars: Optional[int]) -> list[dict[str, Any]]:
    out = []
    for rec in iter_records(paths, max_chars=max_chars):
        if isinstance(rec, InputError):
            out.append({"doc_id": rec.doc_id, "source": rec.source, "reason": rec.reason})
        else:
            out.append({"doc_id": rec.doc_id, "text": rec.text, "date": rec.date, "source": rec.source,
                        "warnings": list(rec.warnings)})
    return out


def read_files(
    inputs: Sequence[str], files_per_partition: int = 64, max_chars: Optional[int] = DEFAULT_MAX_CHARS
) -> db.Bag:
    """A bag of record dicts from ``.txt`` / ``.jsonl`` paths, directories or globs
    (listed here; read on the workers, so they must see the same filesystem)."""
    from .io import iter_paths

    paths = [str(p) for p in iter_paths(inputs)]
    groups = [paths[i : i + files_per_partition] for i in range(0, len(paths), files_per_partition)]
    return db.from_sequence(groups, npartitions=max(1, len(groups))).map_partitions(
        lambda part: [r for group in part for r in _read_paths(group, max_chars)]
    )


def _parse_line(line: str) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return {"doc_id": "", "source": "jsonl", "reason": f"bad JSONL record: not valid JSON ({e.msg})"}
    except (ValueError, RecursionError):
        return {"doc_id": "", "source": "jsonl",
                "reason": "bad JSONL record: not valid JSON (a number too long or nesting too deep)"}
    if not isinstance(obj, dict):
        return {"doc_id": "", "source": "jsonl", "reason": "bad JSONL record: record is not a JSON object"}
    return obj


def read_jsonl(urlpath: Union[str, Sequence[str]], blocksize: Optional[Union[int, str]] = "32MiB") -> db.Bag:
    """A bag of record dicts from JSONL files (any fsspec URL: local, s3://, gs://...)."""
    return db.read_text(urlpath, blocksize=blocksize).filter(lambda s: s.strip() != "").map(_parse_line)


def iter_outcomes(outcomes: db.Bag, partitions_at_once: int = 8) -> Iterator[dict[str, Any]]:
    """Compute ``outcomes`` a few partitions at a time and yield them on the client:
    the client holds ``partitions_at_once`` partitions, not the corpus."""
    import dask

    parts = outcomes.to_delayed()
    for i in range(0, len(parts), partitions_at_once):
        for part in dask.compute(*parts[i : i + partitions_at_once]):
            yield from part


def write_store(outcomes: db.Bag, db_path: str, partitions_at_once: int = 8) -> dict[str, int]:
    """Stream ``outcomes`` into the SQLite store ``db_path`` (one transaction per wave
    of partitions); returns ``{"ok": n, "error": m}``."""
    from .store import Store

    counts = {"ok": 0, "error": 0}
    with Store(db_path) as store:
        n = 0
        for o in iter_outcomes(outcomes, partitions_at_once):
            store.write(o)
            counts[o["status"]] += 1
            n += 1
            if n % 256 == 0:
                store.commit()
    return counts


def install_model_on_workers(client: Any) -> dict[str, str]:
    """Run ``zone-ie setup`` on every worker of a ``distributed.Client``
    (each machine downloads the pkuseg sdist once; idempotent)."""

    def _setup() -> str:
        from .setup_model import install_pkuseg_model

        return str(install_pkuseg_model())

    return client.run(_setup)
