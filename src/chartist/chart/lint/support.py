"""Lint findings: severities, messages and the linter that collects them (Helm's ``lint/support``).

A rule returns an error text or None; :meth:`Linter.run_rule` records a non-None result as a
:class:`Message` of the given severity and tells the caller whether the rule passed, which is
how Helm's rules guard the checks that depend on an earlier one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ERROR", "INFO", "SEVERITY_NAMES", "UNKNOWN", "WARNING", "Linter", "Message"]

UNKNOWN, INFO, WARNING, ERROR = 0, 1, 2, 3
SEVERITY_NAMES = ("UNKNOWN", "INFO", "WARNING", "ERROR")


@dataclass(frozen=True, slots=True)
class Message:
    """One finding: its severity, the chart-relative path it concerns, and the error text."""

    severity: int
    path: str
    err: str

    def __str__(self) -> str:
        """Helm's ``[SEVERITY] path: error``."""
        return f"[{SEVERITY_NAMES[self.severity]}] {self.path}: {self.err}"


@dataclass(slots=True)
class Linter:
    """The findings of one lint run over the chart in ``chart_dir`` (an absolute path)."""

    chart_dir: str
    messages: list[Message] = field(default_factory=list)
    highest_severity: int = UNKNOWN

    def run_rule(self, severity: int, path: str, err: str | None) -> bool:
        """Record ERR (when not None) at SEVERITY for PATH; True when the rule passed."""
        if severity < 0 or severity >= len(SEVERITY_NAMES):
            return False
        if err is not None:
            self.messages.append(Message(severity, path, err))
            self.highest_severity = max(self.highest_severity, severity)
        return err is None
