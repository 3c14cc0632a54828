"""Layout repair for text pulled out of newspaper PDF pages.

``repair(raw)`` only ever *deletes* characters, so the repaired text maps back
to the raw text by a monotonic index map. Four kinds of noise are removed:

* invisible characters: zero-width spaces and joiners, BOMs inside the text,
  bidi controls, soft hyphens and every other format or control character but
  ``\\n``, ``\\t`` and ``\\r`` (``产\\u200b值`` reads ``产值``);
* line breaks inside a sentence (narrow columns: ``阿拉\\n\\n善高新区``), including
  a hyphen at a line end inside a number range (``500-\\n1000``);
* letter-spacing of justified lines (``盟 总 量 的 41.6% ，``): spaces next to a
  CJK character or full-width punctuation;
* bold headings that the extraction printed twice, whole or run by run
  (``从从““企业找服务企业找服务””`` -> ``从“企业找服务”``).

Real paragraph ends stay: a break after sentence-final punctuation, before or
after a heading/byline marker line, followed by an indent, or of three or more
newlines (a block boundary: captions and column jumps).

``repair(raw, view=...)`` repairs a *view* of the raw text instead: a string of
the same length whose characters stand for the raw ones position by position
(the simplified-character view of :mod:`zone_ie.convert`). Decisions are taken
on the view and the repaired text is made of view characters; the map to raw
offsets is the same, and :attr:`RepairedText.written` gives the raw characters
as the user wrote them.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from dataclasses import dataclass
from typing import Optional, Sequence

import regex

# Unicode format (Cf) and control (Cc) characters but \t \n \r: invisible noise
# (zero-width spaces and joiners, BOM, bidi controls, soft hyphen, tags...).
# Written out (not ``\p{Cf}``) so that the check on every document is one ``re`` scan.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f"
    "\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
# a superset with one astral range: ``re`` scans a class of astral literals slowly
_INVISIBLE_SCAN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f"
    "\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U000110bd-\U000e007f]"
)


def has_invisible(text: str) -> bool:
    """Whether ``text`` has a character :data:`INVISIBLE` matches."""
    return any(INVISIBLE.match(m.group()) for m in _INVISIBLE_SCAN.finditer(text))

_WS_RUN = regex.compile(r"[ \t\r\n\u00a0\u3000\u2002-\u200b\ufeff]+")
_SENT_FINAL = set("。！？!?…")
_CLOSERS = set("”’」』）)】》\"'")
_INDENT = set(" \t\u3000\u00a0")
# A logical line starting with one of these is a heading, byline or caption.
_MARKERS = set("#◎▶■●★◆▲☆□【")
_DIGITS = set("0123456789０１２３４５６７８９")
_NUM_TAIL = _DIGITS | set(".．")
_NUM_HEAD = _DIGITS | set(".．%％")
_HYPHENS = set("-‐‑–—－～~")
_HAN = regex.compile(r"\p{Han}")
_MAX_DOUBLED_LINE = 240
# Line wraps come out of the PDF as one or two newlines; three or more (``\n\n\n\n``)
# separate blocks: image captions, figure labels, a jump to another column.
_BLOCK_BREAK = 3
# An enumeration: a line ending in one of _ITEM_END and the next opening with a list number
# (``2.``, ``（3）``, ``④``; not a decimal such as ``2.5%``) starts a new item.
_ITEM_END = set("；;：:，,")
_ITEM_START = re.compile(r"[（(]?\d{1,2}[)）]|\d{1,2}[.．、](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]")
# Unwrapped text (web pages, PDFs extracted paragraph by paragraph): its long lines are
# whole paragraphs, so a short line that ends no sentence is a heading, not a wrap.
_UNWRAPPED_LINE = 60  # a text whose 90th-percentile line is at least this long is unwrapped
_HEADING_MAX = 30  # the longest line read as a heading in unwrapped text
_CONTINUATIONS = set("的之地得了着过和与及或等")  # never open a paragraph
_PHRASE_RUN = 3  # ideographs on each side of a space that make it a phrase gap, not letter-spacing
_PAIRS = (("“", "”"), ("（", "）"), ("(", ")"), ("《", "》"), ("【", "】"))


def is_wide(ch: str) -> bool:
    """CJK ideographs, CJK/full-width punctuation and Chinese quotes/dashes."""
    o = ord(ch)
    return o >= 0x2E80 or 0x2010 <= o <= 0x206F


@dataclass(frozen=True)
class RepairedText:
    """Repaired text plus the exact map of each of its characters to the raw text.

    ``runs`` holds ``(text_start, raw_start, length)`` for each stretch of
    characters kept contiguously from the raw text. ``view`` is ``None`` or a
    string as long as ``raw`` whose characters replace the raw ones
    (simplified for traditional characters): ``text`` is made of the kept
    characters of ``view`` (else of ``raw``), :attr:`written` of the same
    characters of ``raw``.
    """

    raw: str
    text: str
    runs: tuple[tuple[int, int, int], ...]
    view: Optional[str] = None

    @classmethod
    def identity(cls, raw: str, view: Optional[str] = None) -> "RepairedText":
        return cls(raw, raw if view is None else view, ((0, 0, len(raw)),) if raw else (), view)

    @classmethod
    def from_runs(
        cls, raw: str, runs: Sequence[Sequence[int]], view: Optional[str] = None
    ) -> "RepairedText":
        """Rebuild from a raw text, stored runs and view (e.g. after deserialization)."""
        runs_t = tuple((int(a), int(b), int(c)) for a, b, c in runs)
        src = raw if view is None else view
        text = "".join(src[b : b + n] for _, b, n in runs_t)
        return cls(raw, text, runs_t, view)

    @property
    def source(self) -> str:
        """The whole raw text as the pipeline reads it: ``view`` if there is one, else ``raw``."""
        return self.raw if self.view is None else self.view

    @property
    def written(self) -> str:
        """``text`` in the raw characters (as the user wrote them): same length and offsets."""
        if self.view is None:
            return self.text
        w = self.__dict__.get("_written_cache")
        if w is None:
            w = "".join(self.raw[b : b + n] for _, b, n in self.runs)
            object.__setattr__(self, "_written_cache", w)
        return w

    def to_raw(self, i: int) -> int:
        """Raw offset of repaired character ``i`` (``len(text)`` -> ``len(raw)``)."""
        if i >= len(self.text):
            return len(self.raw)
        if i < 0:
            raise IndexError(i)
        k = bisect_right(self._starts, i) - 1
        t0, r0, _ = self.runs[k]
        return r0 + (i - t0)

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``[start, end)`` of the repaired span ``[start, end)``."""
        if end <= start:
            p = self.to_raw(start)
            return p, p
        return self.to_raw(start), self.to_raw(end - 1) + 1

    def from_raw(self, raw_i: int) -> int:
        """Index of the first repaired character whose raw offset is ``>= raw_i``."""
        ends = self.__dict__.get("_raw_ends_cache")
        if ends is None:
            ends = [r0 + n for _, r0, n in self.runs]
            object.__setattr__(self, "_raw_ends_cache", ends)
        k = bisect_right(ends, raw_i)  # the first run that ends after raw_i
        if k == len(ends):
            return len(self.text)
        t0, r0, _ = self.runs[k]
        return t0 + max(0, raw_i - r0)

    @property
    def _starts(self) -> list[int]:
        starts = self.__dict__.get("_starts_cache")
        if starts is None:
            starts = [r[0] for r in self.runs]
            object.__setattr__(self, "_starts_cache", starts)
        return starts

    def index_map(self) -> list[int]:
        """The full map as a list: ``index_map()[i] == to_raw(i)``."""
        out: list[int] = []
        for _, r0, n in self.runs:
            out.extend(range(r0, r0 + n))
        return out


def repair(raw: str, view: Optional[str] = None) -> RepairedText:
    """Repair layout noise in ``raw`` (decided on ``view`` when given); see the module docstring."""
    if view is not None and len(view) != len(raw):
        raise ValueError("a view must be as long as the raw text")
    src = raw if view is None else view
    if not src:
        return RepairedText.identity(raw, view)
    if not has_invisible(src):
        return _build(raw, _layout_keep(src), view)
    # invisible characters: repair the text without them, then map back
    visible = [i for i, ch in enumerate(src) if INVISIBLE.match(ch) is None]
    keep_visible = _layout_keep("".join(src[i] for i in visible)) if visible else bytearray()
    keep = bytearray(len(src))
    for i, k in zip(visible, keep_visible):
        keep[i] = k
    return _build(raw, keep, view)


def _layout_keep(raw: str) -> bytearray:
    """Which characters of ``raw`` layout repair keeps (1) or deletes (0)."""
    keep = bytearray(b"\x01") * len(raw)
    # 1. bold headings doubled on their own raw line
    line_start = 0
    while True:
        line_end = raw.find("\n", line_start)
        if line_end < 0:
            _undouble_range(raw, keep, line_start, len(raw), kept_only=False)
            break
        _undouble_range(raw, keep, line_start, line_end, kept_only=False)
        line_start = line_end + 1
    # 2. whitespace runs: letter-spacing and broken lines (table rows stay as they are)
    rows = table_rows(raw)
    single_gap: dict[int, bool] = {}  # row line start -> whether single spaces set its cells apart
    logical_start = 0  # raw offset where the current logical line starts
    kept_breaks: list[tuple[int, int]] = []
    n = len(raw)
    body = body_start(raw)  # section heads are read only after the first body paragraph
    for m in _WS_RUN.finditer(raw):
        s, e = m.span()
        ws = m.group()
        if s == 0 or e == n:
            if "\n" in ws:
                kept_breaks.append((s, e))
                logical_start = e
            continue
        a = _prev_kept(raw, keep, s)
        b = raw[e]
        if a is None:
            continue
        if rows and (_in_rows(rows, s) or _in_rows(rows, e)):
            # a statistics table: its column gaps and its row ends are the table's structure
            if "\n" in ws:
                kept_breaks.append((s, e))
                logical_start = e
            elif _spaced(raw[a], b) and not _COLUMN_GAP.fullmatch(ws) and not _single_gap_grid(raw, s, single_gap):
                keep[s:e] = b"\x00" * (e - s)
            continue
        if "\n" not in ws:
            if _spaced(raw[a], b) and not _phrase_gap(raw, a, e):
                keep[s:e] = b"\x00" * (e - s)
            continue
        if _label_over_figure(raw, keep, logical_start, a, e):
            keep[s:e] = b"\x00" * (e - s)  # ``▶ 地区生产总值⏎43.8亿元``: one statement
            logical_start = e  # (the lines under the figure join it as a paragraph's would)
            continue
        if (_is_paragraph_break(raw, keep, a, ws, b, logical_start)
                or ((a > body or _section_head(raw, a, e)) and heading_line(raw, a, b))
                or _opens_section_head(raw, e)):
            kept_breaks.append((s, e))
            logical_start = e
        elif _joins(raw, a, b, e):
            keep[s:e] = b"\x00" * (e - s)
        else:
            kept_breaks.append((s, e))
            logical_start = e
    # 3. doubled logical lines that the joins produced
    prev = 0
    for s, e in kept_breaks + [(n, n)]:
        _undouble_range(raw, keep, prev, s, kept_only=True)
        prev = e
    return keep


_COLUMN_GAP = re.compile(r"[ \u3000\t]{2,}|\t")
_PIPE = re.compile(r"[|｜]")  # the cell separator of a plain-text table on a web page
_CELL_NUMBER = re.compile(r"^[-+－—]?\d[\d,.]*%?$|^[—–-]+$")


_CLAUSE_PUNCT = re.compile(r"[，,。；;：:！？!?、]")
_SINGLE_GAP = re.compile(r"[ \u3000]+")
_ROW_LEAD = re.compile(r"^其中[：:]")  # ``其中：出口 71.6 42.9``: a sub-row's lead, no clause


def grid_cells(line: str) -> list[str]:
    """The cells of a table line split by column gaps; a line without clause punctuation
    whose cells are set apart by single spaces (``1　盘北经济开发区　92.6``, a web page's
    table copied as text) is split at each space."""
    line = line.strip()
    cells = [c for c in _COLUMN_GAP.split(line) if c]
    if len(cells) < 3 and not _CLAUSE_PUNCT.search(_ROW_LEAD.sub("", line)) and not _PIPE.search(line):
        single = [c for c in _SINGLE_GAP.split(line) if c]
        # (not letter-spacing: ``邯 郸 经 开 区`` is a word spaced out character by character)
        if len(single) >= 3 and 2 * sum(1 for c in single if len(c) == 1 and not c.isdigit()) < len(single):
            return single
    return cells


def _single_gap_grid(raw: str, i: int, memo: dict[int, bool]) -> bool:
    """Whether the raw line around ``i`` is a table row whose cells single spaces set apart
    (``memo``: the answer per line start, asked once for each space of the line)."""
    start = raw.rfind("\n", 0, i) + 1
    hit = memo.get(start)
    if hit is None:
        line = raw[start : (raw.find("\n", i) + 1 or len(raw) + 1) - 1]
        hit = memo[start] = len([c for c in _COLUMN_GAP.split(line.strip()) if c]) < 3 and len(grid_cells(line)) >= 3
    return hit


# a line that holds only the units of the header line above it (``      （亿元）   （%）``)
UNIT_LINE = re.compile(r"[ \t\u3000]*(?:[（(][^（）()\n]{1,6}[）)][ \t\u3000]*)+")


@lru_cache(maxsize=4)  # repair and the table reader of the same document ask
def table_rows(raw: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of the raw lines of statistics tables: runs of two or more lines
    whose cells, split by column gaps (two spaces or more, or a tab), hold two figures
    or more (``规模以上工业总产值　　亿元　　612.47　　13.8``), with the header line above
    them and a name line wrapped between them."""
    piped = "|" in raw or "｜" in raw
    if " " not in raw and "\u3000" not in raw and "\t" not in raw and not piped:
        return ()
    lines: list[tuple[int, int, int]] = []  # (start, end, figure cells)
    pos = 0
    for line in raw.split("\n"):
        cells = grid_cells(line)
        figures = 0
        if piped and len(cells) < 3:
            cells = [c.strip() for c in _PIPE.split(line.strip()) if c.strip()]  # ``1 | 甲开发区 | 93.6``
            figures = 1 if len(cells) >= 3 else 0  # cells set apart by bars: one figure makes a row
        figures += sum(1 for c in cells if _CELL_NUMBER.match(c))
        lines.append((pos, pos + len(line), figures if len(cells) >= 3 else 0))
        pos += len(line) + 1
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(lines):
        if lines[k][2] < 2:
            k += 1
            continue
        j = k
        while j + 1 < len(lines) and (lines[j + 1][2] >= 1 or (
                j + 2 < len(lines) and lines[j + 2][2] >= 1 and lines[j + 1][1] > lines[j + 1][0])):
            j += 1
        if j > k:  # two rows or more: a table (and the header line right above it)
            first = k - 1 if k > 0 and lines[k - 1][1] > lines[k - 1][0] else k
            if first == k - 1 and k > 1 and UNIT_LINE.fullmatch(raw[lines[first][0]:lines[first][1]]):
                first -= 1  # ``营业收入`` over ``（亿元）``: the header's units on a line of their own
            out.extend((a, b) for a, b, _ in lines[first:j + 1])
        k = j + 1
    return tuple(out)


def _in_rows(rows: Sequence[tuple[int, int]], i: int) -> bool:
    k = bisect_right(rows, (i, 1 << 62)) - 1  # the last row starting at or before i
    return k >= 0 and rows[k][0] <= i <= rows[k][1]


@lru_cache(maxsize=4)  # repair and the display lines of the same document ask
def body_start(raw: str) -> int:
    """The end of the first whole-paragraph line of an unwrapped text (its lines are
    whole paragraphs: the 90th-percentile line is long), else ``len(raw)``."""
    lines = raw.split("\n")
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if not lengths or lengths[int(len(lengths) * 0.9)] < _UNWRAPPED_LINE:
        return len(raw)
    pos = 0
    for line in lines:
        t = line.strip()
        if len(t) >= _UNWRAPPED_LINE and t[-1] in _SENT_FINAL:
            return pos + len(line)
        pos += len(line) + 1
    return len(raw)


SECTION_NUMBER = re.compile(r"[ \t　]*(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[部节章])")


def numbered_head(raw: str, a: int) -> bool:
    """Whether the raw line ending at ``a`` opens with a section number (``一、``, ``（二）``):
    a section head wherever it stands, even above the first long paragraph."""
    return SECTION_NUMBER.match(raw, raw.rfind("\n", 0, a) + 1) is not None


def _section_head(raw: str, a: int, e: int) -> bool:
    """The raw line ending at ``a`` opens with a section number (``一、公司概况``) and is
    clearly shorter than the line after it (starting at ``e``): a section head even above
    the first long paragraph; a wrapped numbered item fills its line like the next one."""
    if not numbered_head(raw, a):
        return False
    head = raw[raw.rfind("\n", 0, a) + 1 : a + 1].strip()
    nxt_end = raw.find("\n", e)
    nxt = raw[e : len(raw) if nxt_end < 0 else nxt_end].strip()
    return len(head) < 0.8 * len(nxt)


def _opens_section_head(raw: str, e: int) -> bool:
    """The raw line starting at ``e`` is a section head (``一、2023年工作总结``): it starts
    its own paragraph, even under a title block that repair joins."""
    end = raw.find("\n", e)
    if end < 0 or not numbered_head(raw, end - 1):
        return False
    nxt = end + 1
    while nxt < len(raw) and (raw[nxt] in _INDENT or raw[nxt] == "\n"):
        nxt += 1
    return nxt < len(raw) and _section_head(raw, end - 1, nxt) and heading_line(raw, end - 1, raw[nxt])


def heading_line(raw: str, a: int, b: str) -> bool:
    """The raw line ending at ``a`` is short and ends no sentence (``起步区:工业营收增长六成``),
    closes what it opens, and the next line (starting with ``b``) does not go on
    with a particle that cannot open a paragraph (``…相关⏎的公司``)."""
    line = raw[raw.rfind("\n", 0, a) + 1 : a + 1].strip()
    if not 0 < len(line) <= _HEADING_MAX or line[-1] in _SENT_FINAL or line[-1] in "，,、；;：:（(“\"":
        return False
    if b in _CONTINUATIONS:
        return False
    return all(line.count(o) == line.count(c) for o, c in _PAIRS)


def _prev_kept(raw: str, keep: bytearray, s: int) -> int | None:
    i = s - 1
    while i >= 0 and not keep[i]:
        i -= 1
    return i if i >= 0 else None


def _is_paragraph_break(
    raw: str, keep: bytearray, a: int, ws: str, b: str, logical_start: int
) -> bool:
    if ws.count("\n") >= _BLOCK_BREAK:
        return True  # a caption or figure block, or a column jump: not a line wrap
    if ws[ws.rfind("\n") + 1 :] and ws[-1] in _INDENT:
        return True  # indented next line
    if b in _MARKERS:
        return True
    i = logical_start
    while i < len(raw) and (not keep[i] or raw[i] in _INDENT):
        i += 1
    if i < len(raw) and raw[i] in _MARKERS:
        return True
    j = a
    while j >= logical_start and (raw[j] in _CLOSERS or not keep[j]):
        j -= 1
    if j >= 0 and raw[j] in _ITEM_END and _ITEM_START.match(raw, a + 1 + len(ws)):
        return True  # ``…，落户A园；\n2.B公司…``: the next item of an enumeration
    return j >= 0 and raw[j] in _SENT_FINAL


_FIGURE_START = re.compile(r"(?:\d[\d,.]*\s*(?:亿|万|千|百|%|％|家|个|件|项|人|台|套|吨|户|名)|(?:同比|比上年|较上年)?(?:增长|下降|增加|减少))")


def _label_over_figure(raw: str, keep: bytearray, logical_start: int, a: int, e: int) -> bool:
    """Whether the logical line ending at ``a`` is an infographic's label (a marker, then a
    short label without punctuation: ``▶ 地区生产总值``) and the line at ``e`` opens with a
    figure or a change (``43.8亿元``, ``同比增长``): the label names the figure under it."""
    i = logical_start
    while i < a and (not keep[i] or raw[i] in _INDENT):
        i += 1
    return label_over_figure(raw, i, a + 1, e)


def label_over_figure(raw: str, s: int, end: int, e: int) -> bool:
    """Whether ``raw[s:end]`` is a marker and a short label without punctuation
    (``▶ 地区生产总值``) and the line at ``e`` opens with a figure or a change."""
    if s >= end or raw[s] not in _MARKERS:
        return False
    label = raw[s + 1 : end].strip()
    return (0 < len(label) <= 14 and not _CLAUSE_OR_END.search(label)
            and _FIGURE_START.match(raw, e) is not None)


_CLAUSE_OR_END = re.compile(r"[，,。；;：:！？!?、“”\"]")


def _han_run(raw: str, i: int, step: int) -> int:
    """How many CJK ideographs run from ``i`` in direction ``step`` (at most _PHRASE_RUN)."""
    n = 0
    while 0 <= i < len(raw) and n < _PHRASE_RUN and "\u4e00" <= raw[i] <= "\u9fff":
        n += 1
        i += step
    return n


def _phrase_gap(raw: str, a: int, e: int) -> bool:
    """A space between two runs of unspaced ideographs (``三年结硕果 六松现代产业园``) separates
    phrases, as in a web headline; letter-spacing (``总 量 的``) spaces single characters."""
    return _han_run(raw, a, -1) >= _PHRASE_RUN and _han_run(raw, e, 1) >= _PHRASE_RUN


def _glue(ch: str) -> bool:
    return is_wide(ch) or ch.isalnum() or ch in "%.％"


def _spaced(a: str, b: str) -> bool:
    """A space between ``a`` and ``b`` is letter-spacing (Chinese uses none)."""
    return (is_wide(a) or is_wide(b)) and _glue(a) and _glue(b)


def _joins(raw: str, a: int, b: str, e: int) -> bool:
    ca = raw[a]
    if is_wide(ca) or is_wide(b):
        return True
    if ca in _NUM_TAIL and b in _NUM_HEAD:
        return True
    if ca in _HYPHENS and a > 0 and raw[a - 1] in _DIGITS and b in _DIGITS:
        return True
    if _ascii_word(ca) and _ascii_word(b):
        # ``年产5G\nW`` inside Chinese text is one token; ``Hello\nworld`` in English is two
        i = a
        while i >= 0 and _ascii_word(raw[i]):
            i -= 1
        k = e
        while k < len(raw) and _ascii_word(raw[k]):
            k += 1
        return (i >= 0 and is_wide(raw[i])) or (k < len(raw) and is_wide(raw[k]))
    return False


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".%")


_INDENT_CHARS = "".join(_INDENT)


def _undouble_range(raw: str, keep: bytearray, lo: int, hi: int, kept_only: bool) -> None:
    """:func:`_undouble` on ``raw[lo:hi]`` (only its kept characters if ``kept_only``).

    Most lines cannot be doubled (length, no repeated prefix): that is decided on
    the line's string, without building the index list.
    """
    if kept_only and keep.find(0, lo, hi) >= 0:
        parts = []
        i = lo
        while 0 <= i < hi:
            j = keep.find(0, i, hi)
            if j < 0:
                j = hi
            parts.append(raw[i:j])
            i = keep.find(1, j, hi)
        line = "".join(parts)
        if not _may_be_doubled(line.strip(_INDENT_CHARS)):
            return
        _undouble(raw, [i for i in range(lo, hi) if keep[i]], keep)
    elif _may_be_doubled(raw[lo:hi].strip(_INDENT_CHARS)):
        _undouble(raw, list(range(lo, hi)), keep)


def _may_be_doubled(line: str) -> bool:
    """The cheap first tests of :func:`_doubled_runs`: False means it returns None."""
    n = len(line)
    return 4 <= n <= _MAX_DOUBLED_LINE and not n % 2 and _has_doubled_prefix(line)


def _has_doubled_prefix(line: str) -> bool:
    """Whether ``line[:k] == line[k:2k]`` for some ``1 <= k <= len(line) // 2``."""
    first, stop = line[:1], len(line) // 2 + 1
    k = line.find(first, 1, stop)  # line[k] must repeat line[0]
    while k > 0:
        if line.startswith(line[:k], k):
            return True
        k = line.find(first, k + 1, stop)
    return False


def _undouble(raw: str, idx: list[int], keep: bytearray) -> None:
    """Drop the second copy of each run of a line printed as ``r1 r1 r2 r2 …``."""
    while True:
        # strip surrounding blanks
        lo, hi = 0, len(idx)
        while lo < hi and raw[idx[lo]] in _INDENT:
            lo += 1
        while hi > lo and raw[idx[hi - 1]] in _INDENT:
            hi -= 1
        core = idx[lo:hi]
        line = "".join(raw[i] for i in core)
        drop = _doubled_runs(line)
        if drop is None:
            return
        for k in drop:
            keep[core[k]] = 0
        dropped = set(core[k] for k in drop)
        idx = [i for i in idx if i not in dropped]


def _doubled_runs(line: str) -> list[int] | None:
    """Positions of second copies if ``line`` is a run-by-run doubled line."""
    n = len(line)
    if n < 4 or n % 2 or n > _MAX_DOUBLED_LINE:
        return None
    if not _has_doubled_prefix(line):
        return None
    back: list[int] = [-1] * (n + 1)  # back[i]: start j of the last pair ending at i
    back[0] = 0
    for i in range(2, n + 1, 2):
        for j in range(i - 2, -1, -2):
            if back[j] < 0:
                continue
            mid = (i + j) // 2
            if line[j:mid] == line[mid:i]:
                back[i] = j
                break
    if back[n] < 0:
        return None
    drop: list[int] = []
    i = n
    while i > 0:
        j = back[i]
        mid = (i + j) // 2
        drop.extend(range(mid, i))
        i = j
    dropped = set(drop)
    kept = "".join(ch for k, ch in enumerate(line) if k not in dropped)
    if len(_HAN.findall(kept)) < 2 or any(c in _SENT_FINAL for c in kept):
        return None  # headings carry no sentence-final punctuation
    return drop


def _build(raw: str, keep: bytearray, view: Optional[str] = None) -> RepairedText:
    src = raw if view is None else view
    runs: list[tuple[int, int, int]] = []
    parts: list[str] = []
    t = 0
    i = 0
    n = len(raw)
    while i < n:
        if not keep[i]:
            j = keep.find(1, i)
            if j < 0:
                break
            i = j
        j = keep.find(0, i)
        if j < 0:
            j = n
        runs.append((t, i, j - i))
        parts.append(src[i:j])
        t += j - i
        i = j
    return RepairedText(raw, "".join(parts), tuple(runs), view)
