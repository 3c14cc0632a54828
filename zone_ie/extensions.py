"""Custom ``Doc``/``Span`` attributes shared by the zone_ie components.

Everything a Doc needs to point back into the raw text lives in
``doc.user_data["zone_ie"]`` (plain lists and strings), so it survives
``Doc.to_bytes`` and multiprocessing in ``nlp.pipe``.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from .repair import RepairedText

KEY = "zone_ie"


def _data(doc: Doc) -> dict[str, Any]:
    return doc.user_data.setdefault(KEY, {})


def set_repair(doc: Doc, rep: RepairedText) -> None:
    """Attach the raw text and the repaired->raw map to ``doc``."""
    d = _data(doc)
    d["raw"] = rep.raw
    d["runs"] = [list(r) for r in rep.runs]


def get_repair(doc: Doc) -> RepairedText:
    """The :class:`RepairedText` of ``doc`` (identity when it was never repaired)."""
    d = doc.user_data.get(KEY) or {}
    if "runs" not in d:
        return RepairedText.identity(doc.text)
    return RepairedText.from_runs(d["raw"], d["runs"])  # cheaper than doc.text


def _to_raw(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return get_repair(doc).span_to_raw(start, end)


def _span_raw(span: Span) -> tuple[int, int]:
    return get_repair(span.doc).span_to_raw(span.start_char, span.end_char)


def register() -> None:
    """Register the extensions once (idempotent)."""
    if not Doc.has_extension("raw_text"):
        Doc.set_extension("raw_text", getter=lambda d: get_repair(d).raw)
        Doc.set_extension("repair", getter=get_repair)
        Doc.set_extension("to_raw", method=_to_raw)
        Doc.set_extension("doc_id", default=None)
        Doc.set_extension("date", default=None)
        Doc.set_extension("facts", default=None)
        Doc.set_extension("clusters", default=None)
        Span.set_extension("raw_offsets", getter=_span_raw)
        Span.set_extension("quantity", default=None)
        Span.set_extension("period", default=None)


register()
