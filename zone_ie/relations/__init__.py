"""Fact extraction for ``zone_relations``: one module per fact type.

``context`` reads a Doc into character-level records and decides paragraphs,
articles and topics (``furniture`` marks page furniture, ``headlines`` display lines);
``figures`` says which numbers are no metric; ``subjects`` resolves who a figure is
about and ``periods_of`` when, ``areas`` which figures are a city's or province's
rather than a park's; ``indicators`` and ``scopes`` what a figure measures; ``metrics``,
``located`` and ``projects`` build the facts (``name_lists`` pairs listed names with their
figures and ranks, ``tables`` reads statistics tables; ``project_names`` finds where
project names are, ``project_merge`` merges a project named twice); ``dedupe`` removes repeats.
"""
from __future__ import annotations

# the word lists (``patterns/relations.json``) whose alternations the extractors search
_CUE_KEYS = (
    "anaphora_park", "audience_nouns", "byline_markers", "cluster_cues", "dateline_cues", "duration_cues",
    "investment_cues", "list_frame_cues", "located_build_verbs", "located_negative", "located_places",
    "located_verbs", "period_blockers", "project_list_markers", "project_suffixes", "share_cues",
    "share_target_cues", "sum_cues", "yoy_cues", "yoy_negative", "dateline_line_cues", "event_cue_words",
    "report_year_words",
)
_VOCAB_KEYS = (
    "adjunct_markers", "company_anaphora", "completion_blockers", "doubling_words", "key_project_cues",
    "money_nouns", "non_figure_nouns", "park_demonstratives", "policy_verbs", "possessed_nouns",
    "project_count_tails", "speaker_titles", "spec_nouns", "yoy_extra_cues", "sequential_change_words",
)
# patterns read from ``patterns/relations.json`` and matched through ``zone_ie.rx``
_RX_CUE_KEYS = (
    "containment_after_re", "containment_inside_re", "containment_gap_re", "cluster_cue_re",
    "located_sub_park_subject_re", "sub_park_anaphor_re", "here_anaphor_re", "located_home_re",
    "located_anaphor_before_re", "located_anaphor_after_re", "project_investment_units_re",
    "project_after_investment_re",
    # eleventh round: containment frames, topic frames, bracketed bases, report and event periods
    "containment_subject_re", "containment_cover_re",
    "topic_yardstick_before_re", "topic_companion_before_re", "topic_companion_after_re",
    "base_bracket_re", "report_period_cue_re", "report_named_re", "event_stage_re", "event_article_re",
    # twelfth round: a park the company moved from
    "located_former_before_re", "located_move_after_re",
    # thirteenth round: a listed firm's own report, a government's report
    "issuer_short_re", "issuer_title_re", "area_report_title_re",
    # fourteenth round: a described firm as anaphor
    "company_anaphora_re", "area_report_body_re",
    # fifteenth round: 我们中心 said by a park's operating company, an announcement's information block
    "our_park_re", "located_register_name_re", "located_register_address_re", "located_register_stop_re",
)


def prepare() -> None:
    """Compile the extractors' fixed patterns now (at pipeline load), not inside the
    first documents that happen to need them. Idempotent; changes no result."""
    from .. import rx
    from . import areas, context, dedupe, figure_roles, figures, indicator_of, indicators, metrics, periods_of, project_names, projects, scopes, subjects

    cues, vocab = context.cues(), indicators.vocab()
    for key in _CUE_KEYS:
        if key in cues:
            context._cue_alternation(key)
    for key in _VOCAB_KEYS:
        if key in vocab:
            indicators._vocab_alternation(key)
    for key in _RX_CUE_KEYS:
        if key in cues:
            rx.compiled(cues[key])
    rx.compiled(projects.c_alias_bracket())
    context._typed_anaphora()
    context._sub_park_bare_tail()
    context._alternation(("位", "居", "列", "排", "名"))  # figures._skip
    context._alternation(tuple(vocab["speech_verbs"]))  # subjects.quote_speaker
    for build in (figures._frame_out_re, figure_roles._rate_after_re, metrics._settle_re, figures._threshold_re,
                  scopes._sector_frame_re, indicator_of._comparison_base_re, figures._anecdote_res,
                  subjects._workplace_frame_re, periods_of._founding_re, subjects._park_lead_re,
                  figure_roles._conversion_re, figure_roles._target_res):
        build()
    subjects._modifier_gap_re(vocab["modifier_max_gap"])
    areas._area_grammar()
    areas._park_word_clause_re()
    areas._counted_zones_re()
    figures._bound_first()
    indicator_of._compare_first()
    projects._headline_re()
    project_names.project_grammar()
    from . import furniture
    furniture._grammar()
    indicator_of._difference_re()
    indicator_of._group_nouns()
    metrics._sector_topic_re()
    subjects._descriptor_re()
    for build in (metrics._site_re, indicator_of._threshold_re, indicator_of._stage_re, indicator_of._predicate_re,
                  subjects._kind_word_re):
        build()
    scopes._scope_words("scope_frame_words")
    figures._zone_count_re()
    subjects._product_list()
    dedupe._generic_names()
    indicator_of._unit_rejects()
    areas._coextensive_re()
    metrics._final_filter_words()
    figures._zones_have_re()
    figures._policy_scale_re()
    context._group_re()
    rx.compiled(cues["firm_count_list_re"])
    rx.compiled(cues["ranked_list_re"])
    scopes._scope_cut_re()
    figure_roles._stated_after_re()
    from . import labels, ranking_tables, topics
    labels._number_re()
    labels._value_words()
    topics._list_item_re()
    ranking_tables._change_re()
    indicators._kept_heads()
    # the quantity pattern and the traditional-character check serve almost every document:
    # compiled with the pipeline, not inside the first document (the period and scanner
    # patterns behind the fast paths stay lazy: documents rarely need them)
    from .. import convert, quantities
    quantities._lazy("QUANTITY_RE")
    convert._traditional()
