"""Batch extraction over corpora of any size (``zone-ie extract``).

* Streams: records come from :func:`zone_ie.io.iter_records` one at a time and go
  through ``nlp.pipe(n_process=N)``; only the documents in flight are in memory.
* Long documents are cut at paragraph boundaries into chunks of at most
  ``chunk_chars`` characters (:func:`split_chunks`); each chunk is processed as a
  Doc of its own, its offsets are shifted back by the chunk's raw start and the
  chunk results are merged (:func:`merge_results`). Offsets stay raw offsets into
  the whole document. Documents longer than ``max_chars`` are *not* processed:
  they are recorded as errors (``too long``) without being read in full.
* Bad input never stops the batch: unreadable, empty, binary or non-Chinese
  documents and documents on which a component raises come out as failed
  :class:`Outcome` objects, in input order with the good ones.

:func:`run_extract` is the whole ``zone-ie extract`` command: sinks (JSONL,
errors JSONL, SQLite :class:`zone_ie.store.Store`), ``--resume``, progress and
summary.
"""
from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Optional, Sequence, Union

import regex

from .io import InputError, Record, check_text, iter_records
from .models import Cluster, DocResult
from .names import norm_name

DEFAULT_CHUNK_CHARS = 50_000
DEFAULT_MAX_CHARS = 20_000_000
DEFAULT_BATCH_SIZE = 16
_UKEY = "zone_ie.batch"  # doc.user_data key: [sequence number, chunk index]
_RKEY = "zone_ie.batch.result"  # doc.user_data key: the chunk's SPEC result (JSON), packed in a worker
PACK = "zone_ie_batch_pack"
KILL_ENV = "ZONE_IE_TEST_KILL_AFTER"  # test hook: SIGKILL this process after N written outcomes


# --- outcomes ------------------------------------------------------------------


def content_sha256(text: str) -> str:
    """The content hash stored with each document (UTF-8 bytes of the raw text)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Outcome:
    """What happened to one input document: a result, or an error reason."""

    doc_id: str
    source: str = ""
    date: Optional[str] = None
    sha256: Optional[str] = None
    n_chars: int = 0
    n_chunks: int = 0
    result: Optional[DocResult] = None
    error: Optional[str] = None
    warnings: list[str] = field(default_factory=list)  # metadata dropped; the document was processed
    keep_stored: bool = False  # a doc_id conflict: the store keeps what it has for this doc_id

    @property
    def ok(self) -> bool:
        return self.error is None and self.result is not None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able dict (what the Dask bag carries)."""
        return {
            "doc_id": self.doc_id, "source": self.source, "date": self.date,
            "sha256": self.sha256, "n_chars": self.n_chars, "n_chunks": self.n_chunks,
            "status": "ok" if self.ok else "error",
            "result": self.result.to_json_dict() if self.result is not None else None,
            "error": self.error, "warnings": list(self.warnings), "keep_stored": self.keep_stored,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Outcome":
        res = d.get("result")
        return cls(
            doc_id=d["doc_id"], source=d.get("source", ""), date=d.get("date"),
            sha256=d.get("sha256"), n_chars=d.get("n_chars", 0), n_chunks=d.get("n_chunks", 0),
            result=DocResult.model_validate(res) if res is not None else None,
            error=d.get("error"), warnings=list(d.get("warnings") or []),
            keep_stored=bool(d.get("keep_stored", False)),
        )

    def error_json(self) -> str:
        """The errors-file line of a failed outcome."""
        return _error_line(self.doc_id, self.source, self.error or "", "error")

    def warning_json(self) -> Optional[str]:
        """The errors-file line of the outcome's warnings (``None`` if it has none)."""
        if not self.warnings:
            return None
        return _error_line(self.doc_id, self.source, "; ".join(self.warnings), "warning")


def _error_line(doc_id: str, source: str, reason: str, severity: str) -> str:
    return json.dumps({"doc_id": doc_id, "source": source, "reason": reason, "severity": severity},
                      ensure_ascii=False)


def _failed(doc_id: str, source: str, reason: str, **kw: Any) -> Outcome:
    return Outcome(doc_id=doc_id, source=source, error=reason, **kw)


def _internal(ex: Exception) -> str:
    """A component raised: a bug of zone_ie, not of the input (the details help a report)."""
    return f"internal error, please report it ({type(ex).__name__}: {ex})"


# --- chunking ------------------------------------------------------------------

# a line break after sentence-final punctuation (closing quotes/brackets allowed)
_PARA_END = regex.compile(r"[。！？!?…；;][”’」』）)】》\"']*[ \t\u3000]*\r?\n[\r\n]*")
_ANY_BREAK = regex.compile(r"\n[\r\n]*")
_SENT_END = regex.compile(r"[。！？!?；;][”’」』）)】》\"']*")


def split_chunks(text: str, chunk_chars: Optional[int]) -> list[tuple[int, int]]:
    """Cut ``text`` into ``[start, end)`` spans of at most ``chunk_chars`` characters.

    Cuts go after a paragraph break (a line break after sentence-final
    punctuation), else after any line break, else after a sentence end, else at
    the limit; never before half the limit, so there are at most
    ``2 * len(text) / chunk_chars + 1`` chunks. The spans cover ``text`` exactly.
    """
    n = len(text)
    if not chunk_chars or n <= chunk_chars:
        return [(0, n)]
    spans = []
    start = 0
    while n - start > chunk_chars:
        lo, hi = start + max(1, chunk_chars // 2), start + chunk_chars
        cut = None
        for pattern in (_PARA_END, _ANY_BREAK, _SENT_END):
            last = None
            for m in pattern.finditer(text, lo, hi):
                last = m
            if last is not None and last.end() <= hi:
                cut = last.end()
                break
        if cut is None or cut <= start:
            cut = hi
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans


def shift_result(result: DocResult, offset: int) -> DocResult:
    """``result`` with every raw offset (entities, evidence) moved by ``offset``."""
    if offset == 0:
        return result
    ents = [e.model_copy(update={"start": e.start + offset, "end": e.end + offset}) for e in result.entities]
    facts = [
        f.model_copy(update={"evidence": (f.evidence[0] + offset, f.evidence[1] + offset)})
        if f.evidence is not None else f
        for f in result.facts
    ]
    return result.model_copy(update={"entities": ents, "facts": facts})


def merge_clusters(groups: Iterable[Sequence[Cluster]]) -> list[Cluster]:
    """Union clusters of the same label that share a (normalized) name.

    The canonical name is the longest name (ties: first seen), as in one document.
    """
    merged: list[tuple[str, list[str]]] = []  # (label, names) of live clusters
    owner: dict[tuple[str, str], int] = {}  # (label, name) -> index into merged
    alive: list[bool] = []
    for clusters in groups:
        for c in clusters:
            names = [norm_name(x) for x in c.names] or [norm_name(c.canonical)]
            hits = sorted({owner[(c.label, x)] for x in names if (c.label, x) in owner})
            if not hits:
                idx = len(merged)
                merged.append((c.label, []))
                alive.append(True)
            else:
                idx = hits[0]
                for other in hits[1:]:  # this cluster joins two earlier ones
                    for x in merged[other][1]:
                        if x not in merged[idx][1]:
                            merged[idx][1].append(x)
                        owner[(c.label, x)] = idx
                    alive[other] = False
            for x in names:
                if x not in merged[idx][1]:
                    merged[idx][1].append(x)
                owner[(c.label, x)] = idx
    out = []
    for (label, names), live in zip(merged, alive):
        if live:
            out.append(Cluster(label=label, canonical=max(names, key=len), names=names))
    return out


def merge_results(doc_id: str, date: Optional[str], parts: Sequence[tuple[int, DocResult]]) -> DocResult:
    """One document's result from its chunk results ``(raw start, chunk result)``.

    Offsets are shifted back to the whole document; clusters that share a name
    are merged; ``alias`` and ``located_in`` facts stated in several chunks are
    kept once (the first); metrics and projects are kept as stated.
    """
    if len(parts) == 1:
        return shift_result(parts[0][1], parts[0][0]).model_copy(update={"doc_id": doc_id, "date": date})
    shifted = [shift_result(r, off) for off, r in parts]
    entities = [e for r in shifted for e in r.entities]
    clusters = merge_clusters(r.clusters for r in shifted)
    facts = []
    seen: set[str] = set()
    for r in shifted:
        for f in r.facts:
            if f.type in ("alias", "located_in"):
                key = f.model_dump_json(exclude={"evidence"})
                if key in seen:
                    continue
                seen.add(key)
            facts.append(f)
    return DocResult(doc_id=doc_id, date=date, entities=entities, clusters=clusters, facts=facts)


# --- the extractor -------------------------------------------------------------


def _drop_failed(proc_name: Any, proc: Any, docs: Any, e: Exception) -> None:
    """spaCy error handler: drop the failing doc; :class:`BatchExtractor` notices and
    reruns it alone to record the reason. Module level, so workers can unpickle it."""
    return None


class _MetaText(str):
    """A chunk's text carrying its document's metadata through ``nlp.pipe``'s queues
    to the worker processes, so that they (not the main process) tokenize it."""

    meta: tuple


class _MetaTokenizer:
    """Wraps the pipeline's tokenizer while :meth:`BatchExtractor.run` runs with
    ``n_process > 1``: sets ``doc._.doc_id``/``date`` from a :class:`_MetaText`
    before any component runs (the normalizer resolves 今年 with the date)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __call__(self, text: str) -> Any:
        doc = self.inner(str(text))
        meta = getattr(text, "meta", None)
        if meta is not None:
            doc._.doc_id, doc._.date, doc.user_data[_UKEY] = meta
        return doc

    def __getattr__(self, name: str) -> Any:
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)


def _pack(doc: Any) -> Any:
    """Last component in the workers: the chunk's SPEC result goes back to the main
    process as JSON in an empty Doc (instead of the whole serialized Doc)."""
    from spacy.tokens import Doc

    from .result import doc_result

    small = Doc(doc.vocab, words=[])
    small.user_data[_UKEY] = doc.user_data.get(_UKEY)
    small.user_data[_RKEY] = doc_result(doc).to_jsonl()
    return small


class _FrozenHooks:
    """srsly looks up its msgpack extension hooks on every call: all installed
    packages' entry points and the whole catalogue registry, ~0.2 ms a call.
    ``nlp.pipe(n_process=N)`` serializes each Doc through msgpack four or five
    times (``Doc.to_bytes`` in the worker, ``from_bytes`` in the main process),
    which cost ~10 % of the CPU of a two-process run. While a parallel run lasts,
    :meth:`get_all` of both hook registries returns what it returned at the
    start (forked workers inherit this); :meth:`close` restores them."""

    def __init__(self) -> None:
        from srsly import msgpack

        self.registries = [msgpack.msgpack_encoders, msgpack.msgpack_decoders]
        for reg in self.registries:
            hooks = reg.get_all()
            reg.get_all = lambda hooks=hooks: dict(hooks)  # type: ignore[method-assign]

    def close(self) -> None:
        for reg in self.registries:
            reg.__dict__.pop("get_all", None)


def _register_pack() -> None:
    from spacy.language import Language

    if not Language.has_factory(PACK):
        Language.component(PACK, func=_pack)


@dataclass
class _Pending:
    seq: int
    rec: Record
    sha256: str
    spans: list[tuple[int, int]]
    parts: list[Optional[DocResult]] = field(default_factory=list)
    errors: dict[int, str] = field(default_factory=dict)

    def done(self) -> bool:
        return all(p is not None or k in self.errors for k, p in enumerate(self.parts))


class BatchExtractor:
    """Run the pipeline over a stream of records, in bounded memory.

    >>> ex = BatchExtractor(zone_ie.load("char"), n_process=2)
    >>> for outcome in ex.run(iter_records(["corpus/"])):
    ...     outcome.ok, outcome.result, outcome.error
    """

    def __init__(
        self,
        nlp: Any,
        n_process: int = 1,
        batch_size: int = DEFAULT_BATCH_SIZE,
        chunk_chars: Optional[int] = DEFAULT_CHUNK_CHARS,
        max_chars: Optional[int] = DEFAULT_MAX_CHARS,
        validate: bool = True,
    ) -> None:
        self.nlp = nlp
        self.n_process = n_process
        self.batch_size = batch_size
        self.chunk_chars = chunk_chars
        self.max_chars = max_chars
        self.validate = validate

    # one chunk, in this process, raising on error (used to find the reason of a drop)
    def _process_chunk(self, rec: Record, s: int, e: int) -> DocResult:
        from .result import doc_result

        doc = self.nlp.make_doc(rec.text[s:e])
        doc._.doc_id, doc._.date = rec.doc_id, rec.date
        for name, proc in self.nlp.pipeline:
            if name != PACK:
                doc = proc(doc)
        return doc_result(doc, doc_id=rec.doc_id, date=rec.date)

    def _finish(self, p: _Pending) -> Outcome:
        rec = p.rec
        base = dict(date=rec.date, sha256=p.sha256, n_chars=len(rec.text), n_chunks=len(p.spans),
                    warnings=list(rec.warnings))
        for k, part in enumerate(p.parts):
            if part is None and k not in p.errors:  # dropped by the pipe: rerun alone
                try:
                    p.parts[k] = self._process_chunk(rec, *p.spans[k])
                except Exception as ex:  # noqa: BLE001
                    p.errors[k] = _internal(ex)
        if p.errors:
            k, reason = min(p.errors.items())
            where = f" (chunk {k + 1}/{len(p.spans)})" if len(p.spans) > 1 else ""
            return _failed(rec.doc_id, rec.source, f"extraction failed{where}: {reason}", **base)
        try:
            parts = [(s, r) for (s, _), r in zip(p.spans, p.parts)]
            result = merge_results(rec.doc_id, rec.date, parts)  # type: ignore[arg-type]
        except Exception as ex:  # noqa: BLE001
            return _failed(rec.doc_id, rec.source, f"merge failed: {_internal(ex)}", **base)
        return Outcome(doc_id=rec.doc_id, source=rec.source, result=result, **base)

    def run(self, items: Iterable[Union[Record, InputError]]) -> Iterator[Outcome]:
        """One :class:`Outcome` per item, in input order."""
        from .result import doc_result

        nlp = self.nlp
        parallel = self.n_process != 1
        pending: deque[Union[_Pending, Outcome]] = deque()

        def units() -> Iterator[Any]:
            for seq, item in enumerate(items):
                if isinstance(item, InputError):
                    pending.append(_failed(item.doc_id, item.source, item.reason, keep_stored=item.keep_stored))
                    continue
                reason = check_text(item.text, self.max_chars) if self.validate else None
                if reason is not None:
                    pending.append(_failed(item.doc_id, item.source, reason, date=item.date,
                                           n_chars=len(item.text), warnings=list(item.warnings)))
                    continue
                spans = split_chunks(item.text, self.chunk_chars)
                p = _Pending(seq, item, content_sha256(item.text), spans, [None] * len(spans))
                pending.append(p)
                for k, (s, e) in enumerate(spans):
                    if parallel:  # the workers tokenize (see _MetaTokenizer)
                        text = _MetaText(item.text[s:e])
                        text.meta = (item.doc_id, item.date, [seq, k])
                        yield text
                        continue
                    try:  # tokenizer: layout repair + segmentation
                        doc = nlp.make_doc(item.text[s:e])
                    except Exception as ex:  # noqa: BLE001
                        p.errors[k] = _internal(ex)
                        continue
                    doc._.doc_id, doc._.date = item.doc_id, item.date
                    doc.user_data[_UKEY] = [seq, k]
                    yield doc

        old_handler, old_tokenizer = nlp.default_error_handler, nlp.tokenizer
        nlp.set_error_handler(_drop_failed)
        frozen = _FrozenHooks() if parallel else None
        if parallel:
            _register_pack()
            nlp.tokenizer = _MetaTokenizer(old_tokenizer)
            nlp.add_pipe(PACK, last=True)
        try:
            for doc in nlp.pipe(units(), batch_size=self.batch_size, n_process=self.n_process):
                seq, k = doc.user_data[_UKEY]
                # everything queued before this doc is finished (or was dropped)
                while pending and not (isinstance(pending[0], _Pending) and pending[0].seq == seq):
                    head = pending.popleft()
                    yield head if isinstance(head, Outcome) else self._finish(head)
                p = pending[0]
                assert isinstance(p, _Pending)
                try:
                    if _RKEY in doc.user_data:  # packed by a worker
                        p.parts[k] = DocResult.model_validate_json(doc.user_data[_RKEY])
                    else:
                        p.parts[k] = doc_result(doc, doc_id=p.rec.doc_id, date=p.rec.date)
                except Exception as ex:  # noqa: BLE001
                    p.errors[k] = _internal(ex)
                del doc
                if k == len(p.spans) - 1 or p.done():
                    pending.popleft()
                    yield self._finish(p)
            while pending:
                head = pending.popleft()
                yield head if isinstance(head, Outcome) else self._finish(head)
        finally:
            if frozen is not None:
                frozen.close()
                nlp.remove_pipe(PACK)
                nlp.tokenizer = old_tokenizer
            nlp.set_error_handler(old_handler)


# --- sinks and the extract command ---------------------------------------------


def _scan_jsonl(path: Path, key: str = "doc_id") -> set[str]:
    """``key`` of every complete line of ``path``; a torn last line (killed while
    writing) is cut off so that appending goes on from a clean line."""
    done: set[str] = set()
    if not path.exists():
        return done
    good_end = 0
    with open(path, "rb") as f:
        pos = 0
        for line in f:
            pos += len(line)
            if not line.endswith(b"\n"):
                break
            try:
                done.add(str(json.loads(line)[key]))
            except (ValueError, KeyError, TypeError):
                break
            good_end = pos
    if good_end != path.stat().st_size:
        with open(path, "r+b") as f:
            f.truncate(good_end)
    return done


class JsonlSink:
    """SPEC JSONL lines (``path`` ``-`` = stdout); with ``resume``, appends and
    skips doc_ids already in the file."""

    def __init__(self, path: str, resume: bool = False, stdout: Optional[IO[str]] = None) -> None:
        self.path = path
        self.done: set[str] = set()
        if path == "-":
            self.f = stdout or sys.stdout
            self.own = False
        else:
            p = Path(path)
            p.parent.mkdir(parents=True, exist_ok=True)
            if resume:
                self.done = _scan_jsonl(p)
            self.f = open(p, "a" if resume else "w", encoding="utf-8", newline="\n")
            self.own = True

    def write(self, doc_id: str, line: str) -> None:
        if doc_id in self.done:
            return
        self.f.write(line)
        self.f.write("\n")

    def flush(self) -> None:
        self.f.flush()

    def close(self) -> None:
        self.flush()
        if self.own:
            self.f.close()


class ErrorSink(JsonlSink):
    def __init__(self, path: str, resume: bool = False) -> None:
        super().__init__(path, resume)

    def write_error(self, o: Outcome) -> None:
        self._write(o, o.error_json())

    def write_warning(self, o: Outcome) -> None:
        line = o.warning_json()
        if line is not None:
            self._write(o, line)

    def _write(self, o: Outcome, line: str) -> None:
        key = f"{o.doc_id}\x00{o.source}"
        if key in self.done:
            return
        self.done.add(key)
        self.f.write(line)
        self.f.write("\n")


def _scan_errors(path: Path) -> set[str]:
    done: set[str] = set()
    if path.exists():
        _scan_jsonl(path)  # cut a torn line
        with open(path, encoding="utf-8") as f:
            for line in f:
                try:
                    obj = json.loads(line)
                    done.add(f"{obj['doc_id']}\x00{obj['source']}")
                except (ValueError, KeyError, TypeError):
                    pass
    return done


def default_errors_path(output: Optional[str], db: Optional[str]) -> Optional[str]:
    """``out.jsonl`` -> ``out.errors.jsonl``; else ``facts.sqlite`` -> ``facts.errors.jsonl``;
    nothing when the output is stdout and there is no database."""
    base = output if output and output != "-" else db
    if not base:
        return None
    p = Path(base)
    stem = p.name[: -len(p.suffix)] if p.suffix else p.name
    return str(p.with_name(stem + ".errors.jsonl"))


@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    warned: int = 0  # processed, some metadata dropped
    repeated: int = 0  # records repeating an earlier one of the run (same doc_id and content)
    chars: int = 0
    seconds: float = 0.0
    reasons: Counter = field(default_factory=Counter)
    interrupted: bool = False

    def lines(self) -> list[str]:
        rate = self.ok / self.seconds if self.seconds else 0.0
        out = [f"{self.ok} documents extracted, {self.failed} failed"
               + (f", {self.warned} with warnings" if self.warned else "")
               + (f", {self.skipped} skipped (already stored)" if self.skipped else "")
               + (f", {self.repeated} repeated (same doc_id and content)" if self.repeated else "")
               + f" in {self.seconds:.1f} s ({rate:.1f} docs/s, {self.chars / max(self.seconds, 1e-9):,.0f} chars/s)"]
        for reason, n in self.reasons.most_common(10):
            out.append(f"  {n:>8}  {reason}")
        if len(self.reasons) > 10:
            out.append(f"  {sum(self.reasons.values()) - sum(n for _, n in self.reasons.most_common(10)):>8}  (other reasons)")
        if self.interrupted:
            out.append("interrupted: rerun the same command with --resume to finish")
        return out


def _reason_class(reason: str) -> str:
    """Group reasons for the summary: ``not valid UTF-8 (… at byte 3)`` -> ``not valid UTF-8``."""
    return reason.split(" (", 1)[0].split(":", 1)[0]


def run_extract(
    inputs: Sequence[str],
    *,
    nlp: Any = None,
    segmenter: str = "char",
    output: Optional[str] = None,
    db: Optional[str] = None,
    errors: Optional[str] = None,
    resume: bool = False,
    replace: bool = False,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    chunk_chars: Optional[int] = DEFAULT_CHUNK_CHARS,
    max_chars: Optional[int] = DEFAULT_MAX_CHARS,
    commit_every: Optional[int] = None,
    progress: bool = True,
    stdin: Optional[IO[str]] = None,
    stdout: Optional[IO[str]] = None,
    stderr: Optional[IO[str]] = None,
) -> Summary:
    """``zone-ie extract``: every input to JSONL and/or SQLite, errors and warnings to
    the errors file/table; returns the :class:`Summary` (``failed`` counts this run only).

    doc_ids are unique: a record repeating an earlier doc_id of the run with other
    content is an error (the first is kept; the same content is skipped quietly),
    and so is a doc_id that ``db`` holds with other content, unless ``replace``.

    Outputs are committed (JSONL flushed, SQLite transaction committed) every
    ``commit_every`` outcomes (default: ``batch_size``), and on Ctrl-C for what is
    finished; ``resume`` skips what a previous run committed."""
    from .store import Store

    stderr = stderr or sys.stderr
    if output is None and db is None:
        output = "-"
    errors = errors if errors is not None else default_errors_path(output, db)
    if nlp is None:
        from .pipeline import load

        nlp = load(segmenter=segmenter)
    store = Store(db) if db else None
    jsonl = JsonlSink(output, resume, stdout) if output else None
    err_sink = None
    if errors:
        err_done = _scan_errors(Path(errors)) if resume else set()
        err_sink = ErrorSink(errors, resume)
        err_sink.done = err_done

    summary = Summary()

    seen: dict[str, str] = {}  # doc_id -> content hash (a prefix) of the records of this run

    def records() -> Iterator[Union[Record, InputError]]:
        for rec in iter_records(inputs, max_chars=max_chars, stdin=stdin):
            if not isinstance(rec, Record):
                yield rec
                continue
            sha = content_sha256(rec.text)
            first = seen.get(rec.doc_id)
            if first is not None:
                if first != sha[:32]:
                    yield InputError(rec.doc_id, rec.source,
                                     f"duplicate doc_id {rec.doc_id}: first kept (this record has other content)",
                                     keep_stored=True)
                else:  # the same document again: nothing new
                    summary.repeated += 1
                continue
            seen[rec.doc_id] = sha[:32]
            if resume:
                if store is not None:
                    done = store.is_done(rec.doc_id, sha)
                else:
                    done = jsonl is not None and rec.doc_id in jsonl.done
                if done:
                    summary.skipped += 1
                    continue
            if store is not None and not replace:
                stored = store.stored(rec.doc_id)
                if stored is not None and stored[1] == "ok" and stored[0] != sha:
                    yield InputError(rec.doc_id, rec.source,
                                     f"doc_id {rec.doc_id} is stored with other content "
                                     f"(sha256 {(stored[0] or '')[:12]}…): not replaced; "
                                     "rerun with --replace to replace it", keep_stored=True)
                    continue
            yield rec

    extractor = BatchExtractor(nlp, n_process=n_process, batch_size=batch_size,
                               chunk_chars=chunk_chars, max_chars=max_chars)
    commit_every = commit_every or batch_size  # one transaction per batch
    kill_after = int(os.environ.get(KILL_ENV, "0") or 0)
    bar = _progress(progress, stderr)
    t0 = time.perf_counter()
    written = 0

    def commit() -> None:
        if jsonl is not None:
            jsonl.flush()
        if err_sink is not None:
            err_sink.flush()
        if store is not None:
            store.commit()

    try:
        for o in extractor.run(records()):
            if o.ok:
                assert o.result is not None
                summary.ok += 1
                summary.chars += o.n_chars
                if jsonl is not None:
                    jsonl.write(o.doc_id, o.result.to_jsonl())
                if o.warnings:
                    summary.warned += 1
                    _say(bar, stderr, f"warning: {o.source or o.doc_id}: {'; '.join(o.warnings)}")
                    if err_sink is not None:
                        err_sink.write_warning(o)
            else:
                summary.failed += 1
                summary.reasons[_reason_class(o.error or "")] += 1
                _say(bar, stderr, f"error: {o.source or o.doc_id}: {o.error}")
                if err_sink is not None:
                    err_sink.write_error(o)
            if store is not None:
                store.write(o)
            written += 1
            if kill_after and written >= kill_after:  # test hook: a crash mid-batch
                os.kill(os.getpid(), signal.SIGKILL)
            if bar is not None:
                bar.update(1)
            if written % commit_every == 0:
                commit()
                if bar is not None:
                    dt = time.perf_counter() - t0
                    bar.set_postfix(chars_s=f"{summary.chars / max(dt, 1e-9):,.0f}", failed=summary.failed,
                                    refresh=False)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        # every outcome written so far is complete: keep it (--resume goes on from here)
        commit()
        if bar is not None:
            bar.close()
        if store is not None:
            store.close()
        if jsonl is not None:
            jsonl.close()
        if err_sink is not None:
            err_sink.close()
        summary.seconds = time.perf_counter() - t0
    return summary


def _say(bar: Any, stderr: IO[str], msg: str) -> None:
    """One line to stderr, through the progress bar when one is shown (it keeps its line)."""
    if bar is not None:
        bar.write(msg, file=stderr)
    else:
        print(msg, file=stderr)


def _progress(enabled: bool, stderr: IO[str]) -> Any:
    if not enabled:
        return None
    try:
        if not stderr.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    from tqdm import tqdm

    return tqdm(unit="doc", file=stderr, dynamic_ncols=True, smoothing=0.05, mininterval=0.5)
