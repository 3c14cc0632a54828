"""Helpers for tests that read the facts of a short invented text."""
from __future__ import annotations

from zone_ie.pipeline import make_doc


def facts(nlp, text: str, kind: str, date: str | None = None) -> list[dict]:
    """The facts of one ``type`` that the pipeline extracts from ``text`` (published on
    ``date``), as SPEC dicts."""
    doc = nlp(make_doc(nlp, text, date=date))
    return [f.model_dump(mode="json") for f in doc._.facts if f.type == kind]


def metrics(nlp, text: str, date: str | None = None) -> list[dict]:
    return facts(nlp, text, "metric", date)

