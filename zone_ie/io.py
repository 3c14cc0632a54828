"""Reading documents and writing SPEC JSONL.

Inputs are

* ``.txt`` files (doc_id = file name without ``.txt``),
* ``.jsonl`` files of ``{"doc_id", "text", "date"?}`` records, read line by line,
* directories (recursively, sorted; their ``.txt`` and ``.jsonl`` files),
* glob patterns (``'corpus/**/*.txt'``; expanded here, sorted, so the shell's
  argument limit does not apply),
* ``-``: a JSONL stream on standard input.

Everything is streamed: one document is in memory at a time, never the corpus.
A document that cannot be read is reported as an :class:`InputError` (its
reason in plain words) and the others go on. Metadata that cannot be used is
dropped with a warning on the :class:`Record` (a ``date`` that is not a valid
``YYYY-MM-DD``: processed with ``date`` null). Content checks (empty, binary, no Chinese) are
:func:`check_text`'s job; :func:`iter_records` applies them with ``validate=True``.
"""
from __future__ import annotations

import datetime as _dt
import glob
import io as _io
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator, NamedTuple, Optional, TextIO, Union

import regex

STDIN = "-"
_GLOB_CHARS = set("*?[")
_HAN = regex.compile(r"\p{Han}")
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_ISO_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Record:
    doc_id: str
    text: str
    date: Optional[str] = None
    source: str = ""
    warnings: tuple[str, ...] = ()  # metadata dropped (processed anyway)


@dataclass(frozen=True)
class InputError:
    doc_id: str
    source: str
    reason: str
    # a doc_id conflict (repeated in the run, or stored with other content): the
    # store keeps what it has for this doc_id; the error goes to its errors table only
    keep_stored: bool = False


def printable(s: str) -> str:
    """``s`` with lone surrogates (undecodable file-name bytes, ``\\ud800`` escapes in
    JSON) written as backslash escapes, so that it can be stored and printed as UTF-8."""
    if _SURROGATE.search(s) is None:
        return s
    return s.encode("utf-8", "backslashreplace").decode("utf-8")


def json_kind(value: object) -> str:
    """What a JSON value is, in plain words (``an array``, ``a number``...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a value of another kind"


def check_date(value: object) -> tuple[Optional[str], Optional[str]]:
    """``(date, warning)``: a valid ``YYYY-MM-DD`` string is kept; anything else
    but null becomes ``None`` with a warning naming the field and the value."""
    if value is None:
        return None, None
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            _dt.date.fromisoformat(value)
            return value, None
        except ValueError:
            pass
    shown = printable(json.dumps(value, ensure_ascii=False)) if isinstance(value, (str, int, float, bool)) \
        else json_kind(value)
    if len(shown) > 80:
        shown = shown[:77] + "..."
    return None, f'field "date" is not a valid YYYY-MM-DD date: {shown} (processed with date null)'


class ParsedRecord(NamedTuple):
    doc_id: str
    text: str
    date: Optional[str]
    warnings: tuple[str, ...]


def parse_record(obj: object, fallback_id: str) -> tuple[Optional[ParsedRecord], str, Optional[str]]:
    """Check one JSON record: ``(ParsedRecord, doc_id, None)``, or ``(None, doc_id,
    reason)`` with the reason in plain words (``fallback_id`` when it has no doc_id)."""
    if not isinstance(obj, dict):
        return None, fallback_id, f"record is not a JSON object (found {json_kind(obj)})"
    raw_id = obj.get("doc_id")
    if raw_id is None or raw_id == "":
        doc_id = fallback_id
    elif isinstance(raw_id, str):
        if _SURROGATE.search(raw_id) is not None:
            return None, fallback_id, 'field "doc_id" is not valid Unicode (lone surrogate)'
        doc_id = raw_id
    elif isinstance(raw_id, int) and not isinstance(raw_id, bool):
        doc_id = str(raw_id)
    else:
        return None, fallback_id, f'field "doc_id" is not a string (found {json_kind(raw_id)})'
    if "text" not in obj:
        return None, doc_id, 'missing field "text"'
    text = obj["text"]
    if not isinstance(text, str):
        return None, doc_id, f'field "text" is not a string (found {json_kind(text)})'
    date, warning = check_date(obj.get("date"))
    return ParsedRecord(doc_id, text, date, (warning,) if warning else ()), doc_id, None


class TooLongError(ValueError):
    """A document longer than the ``max_chars`` limit (not read in full)."""


def strip_bom(text: str) -> str:
    """SPEC 1: a leading BOM is dropped before offsets are counted."""
    return text[1:] if text.startswith("\ufeff") else text


def read_text_file(path: Union[str, Path], max_chars: Optional[int] = None) -> str:
    """SPEC 1: UTF-8, no newline translation, leading BOM dropped.

    With ``max_chars``, a file longer than that raises :class:`TooLongError`
    without reading more than ``4 * max_chars`` bytes of it.
    """
    with open(path, "rb") as f:
        if max_chars is not None:
            size = os.fstat(f.fileno()).st_size
            if size > 4 * max_chars + 3:  # UTF-8: at most 4 bytes a character (+ BOM)
                raise TooLongError(f"too long ({size} bytes > --max-chars {max_chars} characters)")
        data = f.read()
    # bytes.decode never translates newlines: the same text as open(newline="")
    text = strip_bom(data.decode("utf-8"))
    if max_chars is not None and len(text) > max_chars:
        raise TooLongError(f"too long ({len(text)} characters > --max-chars {max_chars})")
    return text


def lone_surrogate_at(text: str) -> Optional[int]:
    """The index of the first lone surrogate in ``text`` (not valid Unicode), or None."""
    m = _SURROGATE.search(text)
    return None if m is None else m.start()


def check_text(text: str, max_chars: Optional[int] = None) -> Optional[str]:
    """Why ``text`` cannot be processed, or None when it can.

    Empty (or whitespace only), binary (NUL bytes), no Chinese character at all,
    or longer than ``max_chars``. Traditional characters are Chinese: they pass.
    """
    if not text.strip():
        return "empty document"
    if "\x00" in text:
        return "binary content (NUL bytes)"
    if _SURROGATE.search(text) is not None:
        return "invalid Unicode (lone surrogate)"
    if max_chars is not None and len(text) > max_chars:
        return f"too long ({len(text)} characters > --max-chars {max_chars})"
    if _HAN.search(text) is None:
        return "no Chinese text"
    return None


def _is_glob(item: str) -> bool:
    return any(c in _GLOB_CHARS for c in item)


def iter_paths(inputs: Iterable[Union[str, Path]]) -> Iterator[Path]:
    """Files named by ``inputs`` (``-`` is passed through as ``Path('-')``)."""
    for item in inputs:
        s = str(item)
        p = Path(item)
        if s == STDIN:
            yield Path(STDIN)
        elif p.is_dir():
            yield from _walk(p)
        elif not p.exists() and _is_glob(s):
            matches = sorted(glob.iglob(s, recursive=True))
            if not matches:
                yield p  # reported as "file not found"
            for m in matches:
                q = Path(m)
                if q.is_dir():
                    yield from _walk(q)
                elif q.suffix in (".txt", ".jsonl"):
                    yield q
        else:
            yield p


def _walk(root: Path) -> Iterator[Path]:
    """``.txt`` / ``.jsonl`` files under ``root``, sorted, without listing it all at once."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for e in entries:
        if e.is_dir(follow_symlinks=True):
            yield from _walk(Path(e.path))
        elif e.name.endswith((".txt", ".jsonl")) and e.is_file():
            yield Path(e.path)


def iter_records(
    inputs: Iterable[Union[str, Path]],
    max_chars: Optional[int] = None,
    validate: bool = False,
    stdin: Optional[IO[str]] = None,
) -> Iterator[Union[Record, InputError]]:
    """Every document of ``inputs``, or an error record for what cannot be read.

    ``max_chars``: longer documents become errors (files are not read in full).
    ``validate``: also turn empty, binary and non-Chinese documents into errors
    (:func:`check_text`). ``stdin``: the stream ``-`` reads (default ``sys.stdin``).
    """
    for rec in _iter_raw(inputs, max_chars, stdin):
        if validate and isinstance(rec, Record):
            reason = check_text(rec.text, max_chars)
            if reason is not None:
                yield InputError(rec.doc_id, rec.source, reason)
                continue
        yield rec


def _iter_raw(
    inputs: Iterable[Union[str, Path]], max_chars: Optional[int], stdin: Optional[IO[str]]
) -> Iterator[Union[Record, InputError]]:
    for path in iter_paths(inputs):
        if str(path) == STDIN:
            yield from _iter_jsonl_stream(_stdin_text(stdin), "stdin", "<stdin>", max_chars)
            continue
        if path.suffix == ".jsonl":
            yield from _iter_jsonl(path, max_chars)
            continue
        # undecodable bytes in a file name: escaped in the doc_id and source, not in the path opened
        doc_id = printable(path.name[:-4] if path.name.endswith(".txt") else path.name)
        where = printable(str(path))
        try:
            yield Record(doc_id, read_text_file(path, max_chars), None, where)
        except FileNotFoundError:
            yield InputError(doc_id, where, "file not found")
        except IsADirectoryError:
            yield InputError(doc_id, where, "is a directory")
        except TooLongError as e:
            yield InputError(doc_id, where, str(e))
        except UnicodeDecodeError as e:
            reason = f"not valid UTF-8 ({e.reason} at byte {e.start})"
            if b"\x00" in e.object:
                reason = f"binary content (NUL bytes; {reason})"
            yield InputError(doc_id, where, reason)
        except OSError as e:
            yield InputError(doc_id, where, f"cannot read: {e.strerror or e}")


def _stdin_text(stdin: Optional[IO[str]]) -> IO[str]:
    if stdin is not None:
        return stdin
    # strict UTF-8, no newline translation, whatever the locale says
    return _io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="", errors="strict")


def _iter_jsonl(path: Path, max_chars: Optional[int]) -> Iterator[Union[Record, InputError]]:
    try:
        f = open(path, encoding="utf-8", newline="")
    except OSError as e:
        yield InputError(printable(path.stem), printable(str(path)), f"cannot read: {e.strerror or e}")
        return
    with f:
        yield from _iter_jsonl_stream(f, printable(path.stem), printable(str(path)), max_chars)


def _iter_jsonl_stream(
    f: IO[str], stem: str, where_prefix: str, max_chars: Optional[int]
) -> Iterator[Union[Record, InputError]]:
    # a JSON line may escape every character as \uXXXX (6 characters); beyond that
    # the line is skipped unread, so a runaway line never fills the memory
    limit = None if max_chars is None else 6 * max_chars + 65536
    lineno = 0
    while True:
        lineno += 1
        doc_id = f"{stem}:{lineno}"
        where = f"{where_prefix}:{lineno}"
        try:
            line = f.readline(limit) if limit is not None else f.readline()
            if limit is not None and len(line) == limit and not line.endswith("\n"):
                while True:  # skip the rest of the line
                    rest = f.readline(limit)
                    if not rest or rest.endswith("\n"):
                        break
                yield InputError(doc_id, where, f"too long (JSONL line > {limit} characters)")
                continue
        except UnicodeDecodeError as e:
            yield InputError(doc_id, where, f"not valid UTF-8 ({e.reason})")
            return
        if not line:
            return
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(doc_id, where, f"bad JSONL record: not valid JSON ({e.msg} at column {e.colno})")
            continue
        except (ValueError, RecursionError):  # an integer of thousands of digits, deep nesting
            yield InputError(doc_id, where, "bad JSONL record: not valid JSON (a number too long or nesting too deep)")
            continue
        parsed, doc_id, reason = parse_record(obj, doc_id)
        if parsed is None:
            yield InputError(doc_id, where, f"bad JSONL record: {reason}")
            continue
        _, text, date, warnings = parsed
        text = strip_bom(text)
        if max_chars is not None and len(text) > max_chars:
            yield InputError(doc_id, where, f"too long ({len(text)} characters > --max-chars {max_chars})")
            continue
        yield Record(doc_id, text, date, where, warnings)


def write_jsonl_line(out: TextIO, obj_json: str) -> None:
    out.write(obj_json)
    out.write("\n")
