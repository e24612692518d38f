"""Zairyu (在留): an offline organiser for a Japanese residence-status application."""

__version__ = "0.1.0"
