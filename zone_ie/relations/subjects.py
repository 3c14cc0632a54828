"""Who and when a figure is about: subject and period, carried over from the
governing sentence, paragraph or article when the sentence does not say."""
from __future__ import annotations

from typing import Optional

from .context import DocContext, Ent, cues

_OBJECT_MARKERS = "与和向对为及跟同给把被、"


def _candidates(ctx: DocContext, start: int, end: int) -> list[Ent]:
    """Mentions that can be a sentence's subject: not inside brackets, not list
    members (``A、B等``), not objects of a preposition."""
    text = ctx.text
    out = []
    for ent in ctx.ents_in(start, end):
        before = text[max(start, ent.start - 1):ent.start]
        after = text[ent.end:ent.end + 1]
        if before and before in "（(":
            continue
        if after in ("等", "、") or (before and before in _OBJECT_MARKERS):
            continue
        out.append(ent)
    return out


def _chain_head(ctx: DocContext, ents: list[Ent], first: Ent) -> Ent:
    """The last of adjacent mentions (``园区A公司B`` -> B)."""
    head = first
    for ent in ents:
        if ent.start > head.start and ent.start - head.end <= 0:
            head = ent
    return head


def explicit_subject(ctx: DocContext, start: int, pos: int) -> Optional[Ent]:
    """The subject named in ``[start, pos)``: an anaphor before any name gives
    the topic park, else the first (chain of) mention(s)."""
    text = ctx.text
    cands = _candidates(ctx, start, pos)
    first_pos = cands[0].start if cands else pos
    head_text = text[start:first_pos]
    for a in cues()["anaphora_park"]:
        k = head_text.find(a)
        if k >= 0 and (k == 0 or not _part_of_name(ctx, start + k)):
            return ctx.topic_at(start)
    if not cands:
        return None
    return _chain_head(ctx, cands, cands[0])


def _part_of_name(ctx: DocContext, pos: int) -> bool:
    return ctx.ent_at(pos) is not None


def subject_for(ctx: DocContext, pos: int, sent_start: int) -> Optional[Ent]:
    """The subject of a figure at ``pos`` in the sentence starting at ``sent_start``."""
    subj = explicit_subject(ctx, sent_start, pos)
    if subj is not None:
        return subj
    para = ctx.paragraph_at(pos)
    for s, e, p in reversed(ctx.sentences):
        if p != para or s >= sent_start:
            continue
        subj = explicit_subject(ctx, s, e)
        if subj is not None:
            return subj
    return ctx.topic_at(pos)


def _modifier(text: str, end: int) -> bool:
    """A period used as a modifier (全年的, 全年目标), not as the time of a figure."""
    return text[end:end + 1] == "的" or text[end:end + 2] in ("目标", "任务", "计划")


def _governs(text: str, sent_start: int, pos: int) -> bool:
    """A period at the head of its sentence (``1—8月，…``) governs what follows."""
    head = text[sent_start:pos]
    for w in ("据统计", "截至", "今年", "在", "从", "自", "其中"):
        head = head.replace(w, "")
    return len(head.strip(" ，,：:")) <= 2


def _period_in(ctx: DocContext, start: int, pos: int, governing: bool = False) -> tuple[bool, Optional[dict]]:
    """``(found, period)`` from ``[start, pos)``: the last period, cancelled by a
    later blocker word (今年以来, 截至目前)."""
    text = ctx.text
    found: tuple[bool, Optional[dict]] = (False, None)
    last = start
    for p in ctx.pers:
        if start <= p.start and p.end <= pos and p.p and not _modifier(text, p.end):
            if governing and not _governs(text, start, p.start):
                continue
            found, last = (True, p.p), p.end
    for b in cues()["period_blockers"]:
        k = text.rfind(b, start, pos)
        if k >= 0 and k >= last - len(b):
            return True, None
    return found


def period_for(ctx: DocContext, pos: int, sent_start: int) -> Optional[dict]:
    """The period of a figure: its sentence's, else the last one stated earlier in
    the paragraph, else earlier in the article."""
    found, period = _period_in(ctx, sent_start, pos)
    if found:
        return period
    para = ctx.paragraph_at(pos)
    article = ctx.paragraphs[para].article
    for s, e, p in reversed(ctx.sentences):
        if s >= sent_start:
            continue
        if ctx.paragraphs[p].article != article:
            break
        if p != para and not CARRY_ACROSS_PARAGRAPHS:
            break
        found, period = _period_in(ctx, s, e, governing=True)
        if found:
            return period
    return None


CARRY_ACROSS_PARAGRAPHS = True
