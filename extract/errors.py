"""Errors that Polder reports to its users."""
from __future__ import annotations

from pathlib import Path


class PolderError(Exception):
    """Base of all Polder errors; str() is a one-line message for users."""


class ReadError(PolderError):
    """A document could not be read; `reason` says why in plain words."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
