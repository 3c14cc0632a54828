"""The tokenizer: a simplified view of traditional characters, layout repair, then
word segmentation (``char`` or ``pkuseg``).

Conversion (:mod:`zone_ie.convert`) and repair run here, first in the pipeline, so that ``nlp(raw)`` yields a Doc of
repaired text that knows its map back to the raw text (``doc._.to_raw``), and so
that segmentation runs once, on repaired text. Registered as
``zone_ie.Tokenizer.v1``; its settings live in the ``[nlp.tokenizer]`` block.
"""
from __future__ import annotations

import contextlib
import io
import re
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

import srsly
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from . import extensions
from .convert import simplified_view
from .punctuation import sentence_stop_view
from .repair import RepairedText, repair
from .setup_model import ModelMissingError, model_installed, pkuseg_model_dir, require_model

SEGMENTERS = ("char", "pkuseg", "auto")


@registry.tokenizers("zone_ie.Tokenizer.v1")
def create_tokenizer(
    segmenter: str = "char",
    pkuseg_model: Optional[str] = None,
    user_dict: bool = True,
    repair_layout: bool = True,
    convert_traditional: bool = True,
) -> Callable[[Language], "ZoneTokenizer"]:
    def make(nlp: Language) -> ZoneTokenizer:
        return ZoneTokenizer(
            nlp.vocab, segmenter=segmenter, pkuseg_model=pkuseg_model,
            user_dict=user_dict, repair_layout=repair_layout,
            convert_traditional=convert_traditional,
        )

    return make


def resolve_segmenter(segmenter: str) -> str:
    """``auto`` -> ``pkuseg`` when its model is installed, else ``char`` (with a warning)."""
    if segmenter not in SEGMENTERS:
        raise ValueError(f"segmenter must be one of {SEGMENTERS}, got {segmenter!r}")
    if segmenter != "auto":
        return segmenter
    if model_installed():
        return "pkuseg"
    warnings.warn(
        "pkuseg model not installed; using the 'char' segmenter. "
        "Run `zone-ie setup` to install it.",
        stacklevel=2,
    )
    return "char"


_WS_RUNS = re.compile(r"\s+")


def char_words_and_spaces(text: str) -> tuple[list[str], list[bool]]:
    """One token per non-space character, as ``spacy.util.get_words_and_spaces``
    would give for them, in one pass (a single space after a token is its
    trailing whitespace; other whitespace runs are tokens)."""
    words: list[str] = []
    marks: list[int] = []  # tokens followed by a single trailing space
    prev = 0
    for m in _WS_RUNS.finditer(text):
        s, e = m.span()
        words.extend(text[prev:s])  # one token per character
        if text[s] == " " and s:  # s > 0: the previous token is a character
            marks.append(len(words) - 1)
            if e - s > 1:
                words.append(text[s + 1 : e])
        else:
            words.append(text[s:e])
        prev = e
    words.extend(text[prev:])
    spaces = [False] * len(words)
    for i in marks:
        spaces[i] = True
    return words, spaces


class _OrthCache(dict):
    """``word -> orth`` of the vocab's lexemes, creating missing ones on first use."""

    def __init__(self, vocab: Vocab) -> None:
        super().__init__()
        self.vocab = vocab

    def __missing__(self, word: str) -> int:
        orth = self[word] = self.vocab[word].orth  # as Doc(words=...) would create it
        return orth

    def preload(self, words: Iterable[str]) -> None:
        """Create the lexemes of ``words`` now (~10 µs each) rather than in the first documents."""
        for w in words:
            self[w]


@lru_cache(maxsize=1)
def common_characters() -> str:
    """The 3,755 level-1 characters of GB 2312 (~99 % of running Chinese text),
    printable ASCII, CJK and full-width punctuation, dashes and quotes."""
    level1 = bytes(b for hi in range(0xB0, 0xD8) for lo in range(0xA1, 0xFF) for b in (hi, lo))
    han = level1.decode("gb2312", errors="ignore")  # 0xD7FA-0xD7FE are unassigned
    blocks = ((0x21, 0x7F), (0x2010, 0x2028), (0x3000, 0x3020), (0xFF01, 0xFF5F))
    return han + "".join(chr(c) for lo, hi in blocks for c in range(lo, hi))


class ZoneTokenizer:
    """Convert traditional characters (in a view), repair the raw text, then segment
    it into a Doc that remembers the raw text."""

    def __init__(
        self,
        vocab: Vocab,
        segmenter: str = "char",
        pkuseg_model: Optional[str] = None,
        user_dict: bool = True,
        repair_layout: bool = True,
        convert_traditional: bool = True,
    ) -> None:
        self.vocab = vocab
        self.segmenter = resolve_segmenter(segmenter)
        self.pkuseg_model = pkuseg_model
        self.user_dict = user_dict
        self.repair_layout = repair_layout
        self.convert_traditional = convert_traditional
        self._seg: Any = None
        self._orths = _OrthCache(vocab)
        if self.segmenter == "pkuseg":
            self._load_pkuseg()
        else:  # the char segmenter's tokens are characters: create the common ones' lexemes at load
            self._orths.preload(common_characters())

    def _load_pkuseg(self) -> None:
        import spacy_pkuseg

        from .resources import user_dictionary

        path = require_model(self.pkuseg_model)
        words = user_dictionary() if self.user_dict else None
        with contextlib.redirect_stdout(io.StringIO()):
            self._seg = spacy_pkuseg.pkuseg(model_name=str(path), user_dict=words or None)

    def __call__(self, text: str) -> Doc:
        view = simplified_view(text) if self.convert_traditional else None
        view = sentence_stop_view(view if view is not None else text) or view
        rep = repair(text, view) if self.repair_layout else RepairedText.identity(text, view)
        doc = self.segment(rep.text)
        extensions.set_repair(doc, rep)
        return doc

    def segment(self, text: str) -> Doc:
        """Segment already repaired ``text`` into a Doc (no repair)."""
        if self.segmenter == "pkuseg":
            words: list[str] = []
            for line in text.splitlines():
                words.extend(w for w in self._seg.cut(line) if w)
            words, spaces = util.get_words_and_spaces(words, text)
            return Doc(self.vocab, words=words, spaces=spaces)
        words, spaces = char_words_and_spaces(text)
        return self._char_doc(words, spaces)

    def _char_doc(self, words: list[str], spaces: list[bool]) -> Doc:
        """``Doc(vocab, words, spaces)``, built from cached orth ids (no string hashing)."""
        orths = self._orths
        if orths.vocab is not self.vocab or len(orths) > 200_000:
            orths = self._orths = _OrthCache(self.vocab)
        try:
            return Doc(self.vocab, words=list(map(orths.__getitem__, words)), spaces=spaces)
        except KeyError:
            # a cached lexeme's string is gone (e.g. flushed by a memory zone)
            self._orths = _OrthCache(self.vocab)
            return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    # serialization: settings only; the pkuseg model stays in the user cache
    def _cfg(self) -> dict[str, Any]:
        return {
            "segmenter": self.segmenter, "pkuseg_model": self.pkuseg_model,
            "user_dict": self.user_dict, "repair_layout": self.repair_layout,
            "convert_traditional": self.convert_traditional,
        }

    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        return srsly.msgpack_dumps(self._cfg())

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = tuple()) -> "ZoneTokenizer":
        self._apply(srsly.msgpack_loads(data))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg.json", self._cfg())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> "ZoneTokenizer":
        self._apply(srsly.read_json(Path(path) / "cfg.json"))
        return self

    def _apply(self, cfg: dict[str, Any]) -> None:
        seg = cfg["segmenter"]
        self.pkuseg_model = cfg.get("pkuseg_model")
        self.user_dict = cfg.get("user_dict", True)
        self.repair_layout = cfg.get("repair_layout", True)
        self.convert_traditional = cfg.get("convert_traditional", True)
        if seg != self.segmenter or (seg == "pkuseg" and self._seg is None):
            self.segmenter = seg
            if seg == "pkuseg":
                self._load_pkuseg()


__all__ = ["ZoneTokenizer", "create_tokenizer", "resolve_segmenter", "ModelMissingError", "pkuseg_model_dir"]
