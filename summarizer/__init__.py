"""Offline multi-document brief in which every sentence cites the exact source words."""

__version__ = "0.1.0"
