"""``helm list``: the newest revision of each release, filtered, sorted and paged as Helm does.

Steps, in Helm's order: releases whose name the ``filter`` (a Go regular expression, searched
anywhere in the name) accepts; the newest revision of each release, by namespace and name
(skipped when only ``superseded`` is asked for, since a superseded revision is never the
newest); the state mask; the label ``selector`` over the labels storage returns (for Secrets
and ConfigMaps Helm's own ``name``/``owner``/``status``/``version`` labels included); the sort
(name, or with ``by_date`` the last deployment second, name breaking ties; ``sort_reverse``
reverses either); then ``offset`` and ``limit`` (0 or less: no limit).

Errors: ActionError ``kubernetes cluster unreachable: ...``; ActionError with Go's message for
a filter that does not compile (``error parsing regexp: ...``); SelectorError for a selector;
storage errors unchanged.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from enum import IntFlag

from chartist.action.configuration import ActionError, Configuration
from chartist.action.labels import parse_selector
from chartist.release.model import Release

__all__ = ["SORT_BY_DATE_ASC", "SORT_BY_DATE_DESC", "SORT_BY_NAME_DESC", "List", "ListStates"]

# Helm's Sorter values (0: by name, ascending).
SORT_BY_NAME_DESC = 1
SORT_BY_DATE_ASC = 2
SORT_BY_DATE_DESC = 3


class ListStates(IntFlag):
    """Helm's ListStates bit mask of release statuses."""

    DEPLOYED = 1
    UNINSTALLED = 2
    UNINSTALLING = 4
    PENDING_INSTALL = 8
    PENDING_UPGRADE = 16
    PENDING_ROLLBACK = 32
    SUPERSEDED = 64
    FAILED = 128
    UNKNOWN = 256

    @classmethod
    def from_name(cls, status: str) -> ListStates:
        """The bit of a status name; ``UNKNOWN`` for anything else (``unknown`` included)."""
        return _BY_NAME.get(status, cls.UNKNOWN)


LIST_ALL = (
    ListStates.DEPLOYED
    | ListStates.UNINSTALLED
    | ListStates.UNINSTALLING
    | ListStates.PENDING_INSTALL
    | ListStates.PENDING_ROLLBACK
    | ListStates.PENDING_UPGRADE
    | ListStates.SUPERSEDED
    | ListStates.FAILED
)
_BY_NAME = {
    "deployed": ListStates.DEPLOYED,
    "uninstalled": ListStates.UNINSTALLED,
    "superseded": ListStates.SUPERSEDED,
    "failed": ListStates.FAILED,
    "uninstalling": ListStates.UNINSTALLING,
    "pending-install": ListStates.PENDING_INSTALL,
    "pending-upgrade": ListStates.PENDING_UPGRADE,
    "pending-rollback": ListStates.PENDING_ROLLBACK,
}


def _latest(releases: builtins.list[Release]) -> builtins.list[Release]:
    """Helm's filterLatestReleases: one revision per namespace/name, the highest."""
    best: dict[tuple[str, str], Release] = {}
    for r in releases:
        key = (r.namespace, r.name)
        have = best.get(key)
        if have is not None and have.version > r.version:
            continue
        best[key] = r
    return builtins.list(best.values())


@dataclass
class List:
    """``helm list`` (see the module docstring); fields are Helm's flags with Helm's defaults.

    ``limit`` is ``--max`` (256), ``state_mask`` is computed from the status flags by
    :meth:`set_state_mask` (all states when none is set). ``all_namespaces`` reads every
    namespace of the storage.
    """

    cfg: Configuration
    all: bool = False
    all_namespaces: bool = False
    sort: int = 0
    by_date: bool = False
    sort_reverse: bool = False
    state_mask: ListStates = LIST_ALL
    limit: int = 256
    offset: int = 0
    filter: str = ""
    selector: str = ""
    uninstalled: bool = False
    superseded: bool = False
    uninstalling: bool = False
    deployed: bool = False
    failed: bool = False
    pending: bool = False

    def set_state_mask(self) -> None:
        """Helm's SetStateMask: ``all`` or the union of the status flags, all states by default."""
        if self.all:
            self.state_mask = LIST_ALL
            return
        state = ListStates(0)
        for flag, bits in (
            (self.deployed, ListStates.DEPLOYED),
            (self.uninstalled, ListStates.UNINSTALLED),
            (self.uninstalling, ListStates.UNINSTALLING),
            (
                self.pending,
                ListStates.PENDING_INSTALL | ListStates.PENDING_ROLLBACK | ListStates.PENDING_UPGRADE,
            ),
            (self.failed, ListStates.FAILED),
            (self.superseded, ListStates.SUPERSEDED),
        ):
            if flag:
                state |= bits
        self.state_mask = state or LIST_ALL

    def run(self) -> builtins.list[Release]:
        """The releases to show, in order (see the module docstring)."""
        self.cfg.check_reachable()
        match = None
        if self.filter:
            from chartist.sprig.goregexp import RegexpError, compile_go

            try:
                match = compile_go(self.filter).match
            except RegexpError as err:
                raise ActionError(str(err)) from err
        driver = self.cfg.releases.driver
        namespace = driver.namespace
        if self.all_namespaces:
            driver.namespace = ""
        try:
            results = self.cfg.releases.list(None if match is None else (lambda r: match(r.name)))
        finally:
            driver.namespace = namespace
        if self.state_mask != ListStates.SUPERSEDED:
            results = _latest(results)
        results = [r for r in results if self.state_mask & ListStates.from_name(str(r.info.status))]
        selector = parse_selector(self.selector)
        results = [r for r in results if selector.matches(r.labels)]
        self._sort(results)
        if self.offset >= len(results):
            return []
        limit = len(results)
        if 0 < self.limit < limit:
            limit = self.limit
        return results[self.offset : min(self.offset + limit, len(results))]

    def _sort(self, rels: builtins.list[Release]) -> None:
        if self.sort_reverse:
            self.sort = SORT_BY_NAME_DESC
        if self.by_date:
            self.sort = SORT_BY_DATE_ASC if self.sort_reverse else SORT_BY_DATE_DESC
        if self.sort in (SORT_BY_DATE_DESC, SORT_BY_DATE_ASC):
            # Helm's "by date, descending" sorts the oldest first (releaseutil.SortByDate).
            rels.sort(key=lambda r: (_unix(r), r.name))
            if self.sort == SORT_BY_DATE_ASC:
                rels.reverse()
        else:
            rels.sort(key=lambda r: r.name)
            if self.sort == SORT_BY_NAME_DESC:
                rels.reverse()


_ZERO_UNIX = -62135596800  # Go's zero time, in Unix seconds


def _unix(r: Release) -> int:
    t = r.info.last_deployed
    return _ZERO_UNIX if t is None else t.unix()
