"""Custom ``Doc``/``Span`` attributes shared by the zone_ie components.

Everything a Doc needs to point back into the raw text lives in
``doc.user_data["zone_ie"]`` (plain lists and strings), so it survives
``Doc.to_bytes`` and multiprocessing in ``nlp.pipe``.
"""
from __future__ import annotations

from typing import Any, Sequence

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
    if rep.view is not None:
        d["view"] = rep.view
    else:
        d.pop("view", None)
    _LAST_REPAIR[:] = [d["runs"], d["raw"], rep]


# the last repair attached: every component reads it back (``doc._.repair``), and
# rebuilding it from the stored runs joins the whole text again; the entry holds
# the runs list, so an ``is`` match is that very list (never modified in place)
_LAST_REPAIR: list[Any] = [None, None, None]


def get_repair(doc: Doc) -> RepairedText:
    """The :class:`RepairedText` of ``doc`` (identity when it was never repaired)."""
    d = doc.user_data.get(KEY) or {}
    if "runs" not in d:
        return RepairedText.identity(doc.text)
    runs, raw, rep = _LAST_REPAIR
    if d["runs"] is runs and d["raw"] is raw:
        return rep
    return RepairedText.from_runs(d["raw"], d["runs"], d.get("view"))  # cheaper than doc.text


def _to_raw(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return get_repair(doc).span_to_raw(start, end)


def _span_raw(span: Span) -> tuple[int, int]:
    return get_repair(span.doc).span_to_raw(span.start_char, span.end_char)


# --- fast access to plain span attributes ---------------------------------------
#
# A plain extension attribute (a default, no getter, setter or method) lives in
# ``doc.user_data`` under the key spaCy's ``Underscore`` uses; reading and writing
# it there gives the same values without an ``Underscore`` object per span. Each
# call checks the key once against the public accessor and falls back to it.


def _value_key(attr: str, start: int, end: int) -> tuple[str, str, int, int]:
    return ("._.", attr, start, end)


def set_span_values(spans: Sequence[Span], attr: str, values: Sequence[Any]) -> None:
    """``span._.<attr> = value`` for each span and value."""
    if not spans:
        return
    ext = Span.get_extension(attr)
    if ext is None or ext[3] is not None:  # unknown or with a setter: the public way
        for span, value in zip(spans, values):
            span._.set(attr, value)
        return
    data = spans[0].doc.user_data
    for span, value in zip(spans, values):
        data[_value_key(attr, span.start_char, span.end_char)] = value
    if spans[0]._.get(attr) is not values[0]:  # spaCy keeps values under another key
        for span, value in zip(spans, values):
            span._.set(attr, value)


def span_values(doc: Doc, group: str, attr: str) -> list[tuple[int, int, Any]]:
    """``(start_char, end_char, span._.<attr>)`` for the spans of ``doc.spans[group]``."""
    spans = doc.spans.get(group, [])
    ext = Span.get_extension(attr)
    if ext is None or ext[1] is not None or ext[2] is not None or isinstance(ext[0], (dict, list, set)):
        return [(sp.start_char, sp.end_char, getattr(sp._, attr)) for sp in spans]
    default = ext[0]
    data = doc.user_data
    out = []
    for sp in spans:
        s, t = sp.start_char, sp.end_char
        out.append((s, t, data.get(_value_key(attr, s, t), default)))
    for (_, _, direct), sp in zip(out, spans):  # check the key against the public way once
        value = getattr(sp._, attr)
        if value is not default:
            if direct is not value:  # spaCy keeps extension values under another key
                return [(x.start_char, x.end_char, getattr(x._, attr)) for x in spans]
            break
    return out


def register() -> None:
    """Register the extensions once (idempotent)."""
    if not Doc.has_extension("raw_text"):
        Doc.set_extension("raw_text", getter=lambda d: get_repair(d).raw)
        Doc.set_extension("repair", getter=get_repair)
        Doc.set_extension("to_raw", method=_to_raw)
        Doc.set_extension("doc_id", default=None)
        Doc.set_extension("date", default=None)
        Doc.set_extension("facts", default=None)
        Doc.set_extension("fact_confidence", default=None)
        Doc.set_extension("clusters", default=None)
        Span.set_extension("raw_offsets", getter=_span_raw)
        Span.set_extension("quantity", default=None)
        Span.set_extension("period", default=None)


register()
