"""Reading documents and writing SPEC JSONL.

Inputs are ``.txt`` files (doc_id = file name without ``.txt``), directories of
them (recursively, sorted), or ``.jsonl`` files of ``{"doc_id", "text", "date"?}``.
A document that cannot be read is reported as an :class:`InputError` and the
others go on.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, TextIO, Union


@dataclass(frozen=True)
class Record:
    doc_id: str
    text: str
    date: Optional[str] = None
    source: str = ""


@dataclass(frozen=True)
class InputError:
    doc_id: str
    source: str
    reason: str


def read_text_file(path: Union[str, Path]) -> str:
    """SPEC 1: UTF-8, no newline translation, leading BOM dropped."""
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    return text[1:] if text.startswith("\ufeff") else text


def iter_paths(inputs: Iterable[Union[str, Path]]) -> Iterator[Path]:
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.is_file() and q.suffix in (".txt", ".jsonl"))
        else:
            yield p


def iter_records(inputs: Iterable[Union[str, Path]]) -> Iterator[Union[Record, InputError]]:
    """Every document of ``inputs``, or an error record for what cannot be read."""
    for path in iter_paths(inputs):
        if path.suffix == ".jsonl":
            yield from _iter_jsonl(path)
            continue
        doc_id = path.name[:-4] if path.name.endswith(".txt") else path.name
        try:
            yield Record(doc_id, read_text_file(path), None, str(path))
        except FileNotFoundError:
            yield InputError(doc_id, str(path), "file not found")
        except UnicodeDecodeError as e:
            yield InputError(doc_id, str(path), f"not valid UTF-8 ({e.reason} at byte {e.start})")
        except OSError as e:
            yield InputError(doc_id, str(path), f"cannot read: {e.strerror or e}")


def _iter_jsonl(path: Path) -> Iterator[Union[Record, InputError]]:
    try:
        f = open(path, encoding="utf-8", newline="")
    except OSError as e:
        yield InputError(path.stem, str(path), f"cannot read: {e.strerror or e}")
        return
    with f:
        lineno = 0
        while True:
            lineno += 1
            try:
                line = f.readline()
            except UnicodeDecodeError as e:
                yield InputError(f"{path.stem}:{lineno}", str(path), f"not valid UTF-8 ({e.reason})")
                return
            if not line:
                return
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                obj = json.loads(line)
                text = obj["text"]
                doc_id = str(obj.get("doc_id") or f"{path.stem}:{lineno}")
                if not isinstance(text, str):
                    raise TypeError("'text' is not a string")
            except (ValueError, KeyError, TypeError, AttributeError) as e:
                yield InputError(f"{path.stem}:{lineno}", where, f"bad JSONL record: {e}")
                continue
            date = obj.get("date")
            yield Record(doc_id, text[1:] if text.startswith("\ufeff") else text, date, where)


def write_jsonl_line(out: TextIO, obj_json: str) -> None:
    out.write(obj_json)
    out.write("\n")
