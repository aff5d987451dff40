"""Fault injection: make chosen requests fail (500/429/409/...), wait, or lose their connection."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass


@dataclass
class Fault:
    """Matches requests by method, a regex searched in the path, a substring of the query.

    ``times`` matching requests (after skipping ``skip``) get: a ``status`` answer (with
    ``retry_after`` seconds in a Retry-After header), a ``delay`` before normal handling, or a
    dropped connection (``drop``: closed without a response). ``hits`` counts what it did.
    """

    method: str = ""
    path: str = ""
    query: str = ""
    status: int = 0
    reason: str = ""
    message: str = ""
    retry_after: float | None = None
    delay: float = 0.0
    drop: bool = False
    times: int = 1
    skip: int = 0
    hits: int = 0
    seen: int = 0

    def matches(self, method: str, path: str, query: str) -> bool:
        return (
            (not self.method or self.method == method)
            and (not self.path or re.search(self.path, path) is not None)
            and (not self.query or self.query in query)
        )


_REASONS = {
    400: "BadRequest",
    409: "Conflict",
    429: "TooManyRequests",
    500: "InternalError",
    503: "ServiceUnavailable",
    504: "Timeout",
}


def reason_for(code: int) -> str:
    return _REASONS.get(code, "InternalError" if code >= 500 else "Unknown")


class Faults:
    """The faults of one server; the first matching fault with uses left applies. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault | None = None, **kwargs: object) -> Fault:
        fault = fault or Fault(**kwargs)  # type: ignore[arg-type]
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def take(self, method: str, path: str, query: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.times == 0 or not fault.matches(method, path, query):
                    continue
                fault.seen += 1
                if fault.seen <= fault.skip:
                    continue
                if fault.times > 0:
                    fault.times -= 1
                fault.hits += 1
                return fault
        return None
