"""Disclosure Review Workstation."""

__version__ = "0.1.0"
