"""One small exception hierarchy; every message names the file and says what to do."""

from __future__ import annotations

from pathlib import Path


class KehoachError(Exception):
    """Base of the errors kehoach raises on purpose."""


class UnreadableFile(KehoachError):
    """A file that cannot be read as a plan: the message says why and what to do."""

    def __init__(self, path: Path | str, reason: str, advice: str = "") -> None:
        self.path = str(path)
        self.reason = reason
        self.advice = advice
        message = f"{path}: {reason}"
        if advice:
            message += f"; {advice}"
        super().__init__(message)


class UnsupportedFormat(UnreadableFile):
    """A file type kehoach does not read (.doc, .xls, ...)."""


class NeedsOcr(UnreadableFile):
    """A PDF without a text layer (a scan): it has to go through OCR first."""
