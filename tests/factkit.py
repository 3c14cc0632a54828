"""Helpers for tests that read the facts of a short invented text."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from zone_ie.pipeline import make_doc

ROOT = Path(__file__).resolve().parents[1]


def load_script(relpath: str, name: str):
    """A script of the repository (e.g. ``benchmarks/quantities.py``) imported as module ``name``."""
    spec = importlib.util.spec_from_file_location(name, ROOT / relpath)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def facts(nlp, text: str, kind: str, date: str | None = None) -> list[dict]:
    """The facts of one ``type`` that the pipeline extracts from ``text`` (published on
    ``date``), as SPEC dicts."""
    doc = nlp(make_doc(nlp, text, date=date))
    return [f.model_dump(mode="json") for f in doc._.facts if f.type == kind]


def metrics(nlp, text: str, date: str | None = None) -> list[dict]:
    return facts(nlp, text, "metric", date)

