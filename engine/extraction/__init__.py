"""Pleading extraction (issue #3): complaints and answers → element values with evidence.

Public entry points live in `engine.extraction.api`; the command-line commands in
`engine.extraction.cli`.
"""
