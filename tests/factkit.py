"""Helpers for tests that read the facts of a short invented text."""
from __future__ import annotations

from zone_ie.pipeline import make_doc


def facts(nlp, text: str, kind: str) -> list[dict]:
    """The facts of one ``type`` that the pipeline extracts from ``text``, as SPEC dicts."""
    doc = nlp(make_doc(nlp, text))
    return [f.model_dump(mode="json") for f in doc._.facts if f.type == kind]


def metrics(nlp, text: str) -> list[dict]:
    return facts(nlp, text, "metric")
