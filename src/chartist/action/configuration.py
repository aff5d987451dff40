"""What every release action shares (Helm's ``action.Configuration``): the cluster, the release
storage, the namespace, the cluster's capabilities, waiting, and the errors actions raise.

:func:`new_storage` picks the storage driver by Helm's ``HELM_DRIVER`` names (``secret`` — the
default —, ``configmap``, ``memory``, ``sql``); the CLI reads the variable and passes the name.
Capabilities come from discovery as Helm's ``GetVersionSet`` builds them: every served
``group/version`` and ``group/version/Kind``, and the server's ``gitVersion`` as the kube version.
:meth:`Configuration.lookup` is the cluster ``lookup`` the engine calls during install and upgrade.

Errors::

    ChartistError
    └── ActionError              an action could not do what was asked; str() is Helm's message
        ├── ReleaseFailed        the release was recorded as failed (``release`` is that revision)
        └── OperationCancelled   interrupted (Ctrl-C); what was recorded says ``context canceled``
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from chartist.errors import ChartistError
from chartist.release.model import Release
from chartist.release.times import GoTime
from chartist.storage.storage import Storage

if TYPE_CHECKING:
    from chartist.action.apply import Applier
    from chartist.engine.capabilities import Capabilities
    from chartist.kube.client import KubeClient
    from chartist.kube.readiness import Result

__all__ = [
    "DRY_RUN_CLIENT",
    "DRY_RUN_NONE",
    "DRY_RUN_SERVER",
    "WAIT_HOOK_ONLY",
    "WAIT_LEGACY",
    "WAIT_WATCHER",
    "ActionError",
    "Configuration",
    "OperationCancelled",
    "ReleaseFailed",
    "WaitStatus",
    "deferred_interrupts",
    "new_storage",
]

DRY_RUN_NONE = "none"
DRY_RUN_CLIENT = "client"
DRY_RUN_SERVER = "server"

WAIT_WATCHER = "watcher"
WAIT_LEGACY = "legacy"
WAIT_HOOK_ONLY = "hookOnly"
WAIT_STRATEGIES = (WAIT_WATCHER, WAIT_HOOK_ONLY, WAIT_LEGACY)

#: Helm's DefaultStatusWatcherTimeout: what a zero timeout means when waiting.
DEFAULT_WAIT_TIMEOUT = 30.0
#: Attempts at writing a release's final state before giving up (the state is what unlocks it).
RECORD_ATTEMPTS = 4


class ActionError(ChartistError):
    """An action failed; ``release`` is the revision it concerns, when there is one."""

    def __init__(self, message: str, release: Release | None = None) -> None:
        super().__init__(message)
        self.release = release


class ReleaseFailed(ActionError):
    """The operation failed after a revision was recorded; that revision is now ``failed``."""


class OperationCancelled(ActionError):
    """The operation was interrupted; the release was marked failed (``context canceled``)."""


@contextlib.contextmanager
def deferred_interrupts(*, reraise: bool = True) -> Iterator[None]:
    """Hold Ctrl-C while a release write is in flight and raise it once the write is done
    (or drop it, without RERAISE: the write that ends an operation leaves nothing to stop).

    A write cut short could leave a revision half-known (written by the server, not by us),
    which is how releases end up locked in a pending state. Only the main thread receives
    signals; elsewhere this does nothing.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def hold(signum: int, frame: Any) -> None:
        received.append(signum)

    previous = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)
        if received and reraise:
            raise KeyboardInterrupt


def is_dry_run(strategy: str) -> bool:
    return strategy in (DRY_RUN_CLIENT, DRY_RUN_SERVER)


def interacts_with_server(strategy: str) -> bool:
    return strategy in (DRY_RUN_NONE, DRY_RUN_SERVER)


def new_storage(
    driver: str, kube: KubeClient | None, namespace: str, *, sql_connection: str = "", memory: Any = None
) -> Storage:
    """Helm's driver choice: ``secret(s)``/empty, ``configmap(s)``, ``memory``, ``sql``.

    ``memory`` reuses MEMORY (a MemoryDriver) when given. Raises ActionError ``unknown driver "x"``.
    """
    if driver in ("secret", "secrets", ""):
        from chartist.storage.driver.secrets import SecretsDriver

        return Storage(SecretsDriver(_need(kube), namespace))
    if driver in ("configmap", "configmaps"):
        from chartist.storage.driver.configmaps import ConfigMapsDriver

        return Storage(ConfigMapsDriver(_need(kube), namespace))
    if driver == "memory":
        from chartist.storage.driver.memory import MemoryDriver

        d = memory if memory is not None else MemoryDriver()
        d.namespace = namespace
        return Storage(d)
    if driver == "sql":
        from chartist.storage.driver.sql import SQLDriver

        try:
            return Storage(SQLDriver(sql_connection, namespace))
        except ChartistError as err:
            raise ActionError(f"unable to instantiate SQL driver: {err}") from err
    raise ActionError(f'unknown driver "{driver}"')


def _need(kube: KubeClient | None) -> KubeClient:
    if kube is None:
        raise ActionError("kubernetes cluster unreachable")
    return kube


@dataclass(frozen=True, slots=True)
class WaitStatus:
    """A snapshot while waiting: ``pending`` lines say which objects are not there yet and why."""

    what: str  # "resources", "jobs", "hooks" or "deletion"
    total: int
    pending: tuple[str, ...]
    elapsed: float
    timeout: float


@dataclass
class Configuration:
    """The dependencies of every action (see the module docstring).

    ``kube`` may be None for client-only work (``--dry-run=client``). ``progress`` receives
    :class:`WaitStatus` snapshots while an action waits. ``now`` stamps release times.
    ``field_manager`` owns the fields chartist writes: ``helm``, as the helm binary, so that
    helm and chartist can take turns on a release.
    """

    kube: KubeClient | None
    releases: Storage = field(default_factory=Storage)
    namespace: str = "default"
    capabilities: Capabilities | None = None
    log: logging.Logger = field(default_factory=lambda: logging.getLogger("chartist.action"))
    progress: Callable[[WaitStatus], None] | None = None
    now: Callable[[], GoTime] = GoTime.now
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    field_manager: str = "helm"

    @classmethod
    def create(
        cls, kube: KubeClient | None, *, driver: str = "secret", namespace: str = "default",
        sql_connection: str = "", **kwargs: Any,
    ) -> Configuration:  # fmt: skip
        """A configuration over KUBE with the storage DRIVER named as HELM_DRIVER names it."""
        return cls(
            kube, new_storage(driver, kube, namespace, sql_connection=sql_connection), namespace, **kwargs
        )

    # -- cluster ---------------------------------------------------------------------------------
    @property
    def client(self) -> KubeClient:
        """The cluster client; ActionError ``kubernetes cluster unreachable`` without one."""
        return _need(self.kube)

    def applier(self) -> Applier:
        """An Applier writing through the cluster client as ``field_manager``."""
        from chartist.action.apply import Applier

        return Applier(self.client, self.field_manager)

    def check_reachable(self) -> None:
        """Helm's IsReachable: ask the server its version; ActionError when that fails."""
        from chartist.kube.errors import KubeError

        try:
            self.client.server_version()
        except KubeError as err:
            text = str(err).removeprefix("Kubernetes cluster unreachable: ")
            raise ActionError(f"kubernetes cluster unreachable: {text}") from err

    def get_capabilities(self) -> Capabilities:
        """The cluster's capabilities (computed once): server version and served API versions."""
        if self.capabilities is not None:
            return self.capabilities
        from chartist.engine.capabilities import BuildInfo, Capabilities, KubeVersion, VersionSet
        from chartist.kube.errors import KubeError

        kube = self.client
        try:
            version = kube.server_version()
        except KubeError as err:
            raise ActionError(f"could not get server version from Kubernetes: {err}") from err
        try:
            apis = kube.api_versions()
        except KubeError as err:
            raise ActionError(f"could not get apiVersions from Kubernetes: {err}") from err
        kv = KubeVersion(
            str(version.get("gitVersion", "")), str(version.get("major", "")), str(version.get("minor", ""))
        )
        if not apis:
            from chartist.engine.capabilities import DEFAULT_API_VERSIONS

            apis = list(DEFAULT_API_VERSIONS)
        self.capabilities = Capabilities(kv, VersionSet(apis), BuildInfo())
        return self.capabilities

    def forget_discovery(self) -> None:
        """After creating CRDs: re-discover so their kinds map, and recompute capabilities."""
        invalidate = getattr(self.kube, "invalidate_discovery", None)
        if callable(invalidate):
            invalidate()
        if self.capabilities is not None:
            self.capabilities = None

    def lookup(self) -> Callable[[str, str, str, str], dict[str, Any]]:
        """The engine's ``lookup``: an object (or a list) from the cluster, ``{}`` when not found."""
        from chartist.action.resources import from_json
        from chartist.gotemplate.values import FuncError
        from chartist.kube.errors import KubeError, NotFound, ResourceNotMapped

        kube = self.client

        def lookup(api_version: str, kind: str, namespace: str, name: str) -> dict[str, Any]:
            try:
                mapping = kube.mapping(api_version, kind)
            except ResourceNotMapped as err:
                group, _, version = api_version.rpartition("/")
                raise FuncError(
                    f"unable to get apiresource from unstructured: {group}/{version}, Kind={kind}: {err}"
                ) from err
            try:
                if name:
                    if mapping.namespaced and not namespace:
                        return {}
                    obj: dict[str, Any] = from_json(kube.get(api_version, kind, name, namespace))
                    return obj
                items = kube.list(
                    api_version, kind, namespace, all_namespaces=mapping.namespaced and not namespace
                )
            except NotFound:
                return {}
            except KubeError as err:
                raise FuncError(str(err)) from err
            doc: dict[str, Any] = from_json(
                {"apiVersion": mapping.api_version, "kind": f"{kind}List", "metadata": {}, "items": items}
            )
            return doc

        return lookup

    # -- storage ---------------------------------------------------------------------------------
    def record_release(self, rel: Release, *, attempts: int = 1, final: bool = False) -> bool:
        """Helm's recordRelease: update the stored revision, logging (not raising) a failure.

        With ATTEMPTS > 1 a failed write is retried with backoff; used for the writes that end
        a pending state, so a passing API outage does not leave the release locked. A Ctrl-C
        during a FINAL write (the operation's outcome) is ignored: there is nothing left to stop.
        """
        from chartist.storage.driver.base import StorageError

        delay = 0.2
        for attempt in range(attempts):
            try:
                with deferred_interrupts(reraise=not final):
                    self.releases.update(rel)
                return True
            except StorageError as err:
                if attempt == attempts - 1:
                    self.log.warning(
                        "failed to update release %s (revision %d): %s", rel.name, rel.version, err
                    )
                    return False
                self.sleep(delay)
                delay *= 2
        return False

    def store_new(self, rel: Release) -> None:
        """Store a new revision (pruning history first); Ctrl-C waits until the write ended.

        Raises ActionError carrying REL when storage refuses it.
        """
        try:
            with deferred_interrupts():
                self.releases.create(rel)
        except ChartistError as err:
            raise ActionError(str(err), rel) from err

    # -- waiting ---------------------------------------------------------------------------------
    def _wait(
        self,
        objects: Sequence[Mapping[str, Any]],
        timeout: float,
        compute: Callable[[Mapping[str, Any]], Result],
        what: str,
        *,
        deleting: bool = False,
    ) -> None:
        from chartist.kube import readiness
        from chartist.kube.wait import wait_for

        if not objects:
            return
        if timeout <= 0:
            timeout = DEFAULT_WAIT_TIMEOUT
        desired = readiness.NOT_FOUND if deleting else readiness.CURRENT
        compute_fn = compute
        progress = self.progress
        if progress is not None:
            start = self.clock()
            state: dict[tuple[str, str, str], str] = {}
            for o in objects:
                m = o.get("metadata") or {}
                state[(str(o.get("kind")), str(m.get("namespace") or ""), str(m.get("name")))] = "waiting"

            def compute_fn(obj: Mapping[str, Any]) -> Result:
                result = compute(obj)
                m = obj.get("metadata") or {}
                key = (str(obj.get("kind")), str(m.get("namespace") or ""), str(m.get("name")))
                line = "" if result.status == desired else f"{result.status}: {result.message}"
                if state.get(key) != line:
                    state[key] = line
                    pending = tuple(
                        f"{k}/{ns}/{n}: {v}" if ns else f"{k}/{n}: {v}"
                        for (k, ns, n), v in state.items()
                        if v
                    )
                    progress(WaitStatus(what, len(state), pending, self.clock() - start, timeout))
                return result

        wait_for(
            self.client, list(objects), timeout=timeout, compute=compute_fn, desired=desired,
            sleep=self.sleep, clock=self.clock,
        )  # fmt: skip

    def wait(
        self, objects: Iterable[Mapping[str, Any]], strategy: str, timeout: float, *, jobs: bool = False
    ) -> None:
        """Wait for release objects as STRATEGY says (``hookOnly``: not at all); WaitError otherwise."""
        from chartist.kube import readiness

        if strategy == WAIT_HOOK_ONLY:
            return
        check_strategy(strategy)
        compute = readiness.compute_with_jobs if jobs else readiness.compute
        self._wait(list(objects), timeout, compute, "jobs" if jobs else "resources")

    def wait_hooks(self, objects: Iterable[Mapping[str, Any]], timeout: float) -> None:
        """Helm's WatchUntilReady (every strategy): Jobs complete, Pods succeed."""
        from chartist.kube import readiness

        self._wait(list(objects), timeout, readiness.compute_hook, "hooks")

    def wait_deleted(self, objects: Iterable[Mapping[str, Any]], strategy: str, timeout: float) -> None:
        """Wait until the objects are gone (``hookOnly``: not at all); WaitError otherwise."""
        from chartist.kube import readiness

        if strategy == WAIT_HOOK_ONLY:
            return
        check_strategy(strategy)
        self._wait(list(objects), timeout, readiness.compute, "deletion", deleting=True)


def check_strategy(strategy: str) -> None:
    """Raise ActionError unless STRATEGY is one of Helm's wait strategies."""
    if strategy == "":
        raise ActionError("wait strategy not set. Choose one of: watcher, hookOnly, legacy")
    if strategy not in WAIT_STRATEGIES:
        raise ActionError(f"unknown wait strategy (s{strategy}). Valid values are: watcher, hookOnly, legacy")
