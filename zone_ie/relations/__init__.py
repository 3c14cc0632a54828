"""Fact extraction for ``zone_relations``: one module per fact type.

``context`` reads a Doc into character-level records and decides paragraphs,
articles and topics; ``subjects`` resolves who and when; ``metrics``,
``located`` and ``projects`` build the facts; ``dedupe`` removes repeats.
"""
