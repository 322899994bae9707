"""Renderings for people: text tables, summaries, notebook views, terminal text and shell completion."""
