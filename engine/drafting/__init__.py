"""Drafting: case file + court profile → judgment content → .docx / HTML / text."""
