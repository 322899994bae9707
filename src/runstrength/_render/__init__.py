"""Renderings for people: text tables, summaries and notebook views."""
