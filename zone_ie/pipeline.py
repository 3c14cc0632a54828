"""Assemble the zone_ie spaCy pipeline from ``pipeline.cfg``."""
from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401  (registers Doc/Span attributes)
from .components import entity_ruler, fact_filter, normalizer, relations  # noqa: F401  (factories)
from .io import check_date, lone_surrogate_at, strip_bom
from .models import DocResult
from .result import doc_result
from .tokenizer import create_tokenizer  # noqa: F401  (registers the tokenizer)

CONFIG_PATH = Path(__file__).with_name("pipeline.cfg")


def load(segmenter: str = "char", pkuseg_model: Optional[str] = None, **overrides: Any) -> Language:
    """The zone_ie pipeline. ``segmenter``: ``"char"`` (default: fast, same facts),
    ``"pkuseg"`` or ``"auto"`` (pkuseg when its model is installed, else char with a warning)."""
    config = spacy.util.load_config(CONFIG_PATH)
    config["nlp"]["tokenizer"]["segmenter"] = segmenter
    config["nlp"]["tokenizer"]["pkuseg_model"] = pkuseg_model
    for dotted, value in overrides.items():
        section = config
        *parents, leaf = dotted.split(".")
        for p in parents:
            section = section[p]
        section[leaf] = value
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


def make_doc(nlp: Language, text: str, doc_id: Optional[str] = None, date: Optional[str] = None) -> Doc:
    """Tokenize (repair + segment) ``text`` and attach its metadata (a ``date`` that
    is not a valid ``YYYY-MM-DD`` is dropped with a warning). Text that is not valid
    Unicode (a lone surrogate, e.g. from a ``\\ud800`` JSON escape) raises ValueError."""
    if not isinstance(text, str):
        hint = " (decode bytes as UTF-8 first)" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"text must be a str, got {type(text).__name__}{hint}")
    bad = lone_surrogate_at(text)
    if bad is not None:
        raise ValueError(
            f"text is not valid Unicode: a lone surrogate (U+{ord(text[bad]):04X}) at character {bad}; "
            "decode the source as UTF-8 (for example with errors='replace') before extracting"
        )
    doc = nlp.make_doc(strip_bom(text))
    doc._.doc_id = doc_id
    doc._.date, problem = check_date(date)
    if problem is not None:
        warnings.warn(problem, stacklevel=2)
    return doc


_DEFAULT: dict[str, Language] = {}


def _default_nlp(segmenter: str) -> Language:
    if segmenter not in _DEFAULT:
        _DEFAULT[segmenter] = load(segmenter=segmenter)
    return _DEFAULT[segmenter]


def extract(
    text: str,
    date: Optional[str] = None,
    doc_id: Optional[str] = None,
    nlp: Optional[Language] = None,
    segmenter: str = "char",
) -> DocResult:
    """Extract the SPEC result of one document (raw text as read from its file)."""
    nlp = nlp or _default_nlp(segmenter)
    doc = nlp(make_doc(nlp, text, doc_id, date))
    return doc_result(doc, doc_id=doc_id or "", date=doc._.date)


def extract_many(
    nlp: Language,
    records: Iterable[tuple[str, str, Optional[str]]],
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[DocResult]:
    """Results for ``(doc_id, text, date)`` records, in order."""
    docs = (make_doc(nlp, text, doc_id, date) for doc_id, text, date in records)
    for doc in nlp.pipe(docs, batch_size=batch_size, n_process=n_process):
        yield doc_result(doc)
