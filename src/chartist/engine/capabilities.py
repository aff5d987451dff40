"""``.Capabilities``: what the target cluster offers, as Helm v4 describes it.

Without a cluster Helm uses its built-in defaults: Kubernetes ``v1.36.0`` and the API versions
client-go's scheme knows (no CRD groups). ``--kube-version`` and ``--api-versions`` change them.

``.Capabilities.HelmVersion`` is what the released ``helm`` v4.2.3 binary reports (``v4.2.3``);
a Helm built from source without release flags, such as helm-python-sdk's library, says
``v4.2``. Its JSON form uses the struct's json tags (``version``, ``go_version``, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from chartist.errors import ChartistError
from chartist.gotemplate.values import BOOL, STRING, GoObject, StrSlice, method

__all__ = [
    "DEFAULT_API_VERSIONS",
    "DEFAULT_KUBE_VERSION",
    "HELM_VERSION",
    "BuildInfo",
    "Capabilities",
    "KubeVersion",
    "VersionSet",
    "parse_kube_version",
]

DEFAULT_KUBE_VERSION = "v1.36.0"
HELM_VERSION = "v4.2.3"
GO_VERSION = "go1.26.6"
KUBE_CLIENT_VERSION = "v1.36"

# client-go's scheme, in its priority order, as Helm v4.2 lists it without a cluster.
DEFAULT_API_VERSIONS: tuple[str, ...] = tuple(
    """v1 admissionregistration.k8s.io/v1 admissionregistration.k8s.io/v1alpha1
    admissionregistration.k8s.io/v1beta1 internal.apiserver.k8s.io/v1alpha1 apps/v1 apps/v1beta1
    apps/v1beta2 authentication.k8s.io/v1 authentication.k8s.io/v1alpha1 authentication.k8s.io/v1beta1
    authorization.k8s.io/v1 authorization.k8s.io/v1beta1 autoscaling/v1 autoscaling/v2 batch/v1
    batch/v1beta1 certificates.k8s.io/v1 certificates.k8s.io/v1beta1 certificates.k8s.io/v1alpha1
    coordination.k8s.io/v1alpha2 coordination.k8s.io/v1beta1 coordination.k8s.io/v1
    discovery.k8s.io/v1 discovery.k8s.io/v1beta1 events.k8s.io/v1 events.k8s.io/v1beta1
    extensions/v1beta1 flowcontrol.apiserver.k8s.io/v1 flowcontrol.apiserver.k8s.io/v1beta1
    flowcontrol.apiserver.k8s.io/v1beta2 flowcontrol.apiserver.k8s.io/v1beta3 networking.k8s.io/v1
    networking.k8s.io/v1beta1 node.k8s.io/v1 node.k8s.io/v1alpha1 node.k8s.io/v1beta1 policy/v1
    policy/v1beta1 rbac.authorization.k8s.io/v1 rbac.authorization.k8s.io/v1beta1
    rbac.authorization.k8s.io/v1alpha1 resource.k8s.io/v1 resource.k8s.io/v1beta2
    resource.k8s.io/v1beta1 resource.k8s.io/v1alpha3 scheduling.k8s.io/v1alpha2
    scheduling.k8s.io/v1beta1 scheduling.k8s.io/v1 storage.k8s.io/v1beta1 storage.k8s.io/v1
    storage.k8s.io/v1alpha1 storagemigration.k8s.io/v1beta1 apiextensions.k8s.io/v1beta1
    apiextensions.k8s.io/v1""".split()
)


class CapabilitiesError(ChartistError):
    """A kube version given by the user is not a version."""


class VersionSet(StrSlice, GoObject):
    """``common.VersionSet``: the API versions a cluster serves, with ``Has``."""

    go_type = "common.VersionSet"
    go_kind = "slice"

    @method(STRING, result=BOOL)
    def Has(self, api_version: str) -> bool:
        return api_version in self


@dataclass(frozen=True, eq=False)
class KubeVersion(GoObject):
    """``common.KubeVersion``: prints as its normalised version (Go's Stringer)."""

    go_type: ClassVar[str] = "common.KubeVersion"
    go_fields: ClassVar[tuple[str, ...]] = ("Version", "Major", "Minor")
    go_print_fields: ClassVar[tuple[str | tuple[str, str], ...]] = (
        "Version",
        ("normalizedVersion", "normalized"),
        "Major",
        "Minor",
    )
    go_ptr_methods: ClassVar[tuple[str, ...]] = ("String", "GitVersion")

    Version: str
    Major: str
    Minor: str
    normalized: str = ""

    @method(result=STRING)
    def String(self) -> str:
        return self.normalized or self.Version

    @method(result=STRING)
    def GitVersion(self) -> str:
        return self.Version


@dataclass(frozen=True, eq=False)
class BuildInfo(GoObject):
    """``version.BuildInfo`` of the Helm release chartist is compatible with."""

    go_type: ClassVar[str] = "version.BuildInfo"
    go_fields: ClassVar[tuple[str, ...]] = (
        "Version",
        "GitCommit",
        "GitTreeState",
        "GoVersion",
        "KubeClientVersion",
    )

    Version: str = HELM_VERSION
    GitCommit: str = ""
    GitTreeState: str = ""
    GoVersion: str = GO_VERSION
    KubeClientVersion: str = KUBE_CLIENT_VERSION

    def go_json(self) -> dict[str, str]:
        """encoding/json's view: the struct's json tags, empty ``omitempty`` fields left out."""
        out = {"version": self.Version}
        for tag, value in (
            ("git_commit", self.GitCommit),
            ("git_tree_state", self.GitTreeState),
            ("go_version", self.GoVersion),
        ):
            if value:
                out[tag] = value
        out["kube_client_version"] = self.KubeClientVersion
        return out


@dataclass(frozen=True, eq=False)
class Capabilities(GoObject):
    """``*common.Capabilities``: ``.Capabilities`` in templates."""

    go_type: ClassVar[str] = "*common.Capabilities"
    go_kind: ClassVar[str] = "ptr"
    go_fields: ClassVar[tuple[str, ...]] = ("KubeVersion", "APIVersions", "HelmVersion")

    KubeVersion: KubeVersion = field(default_factory=lambda: parse_kube_version(DEFAULT_KUBE_VERSION))
    APIVersions: VersionSet = field(default_factory=lambda: VersionSet(DEFAULT_API_VERSIONS))
    HelmVersion: BuildInfo = field(default_factory=BuildInfo)

    @classmethod
    def make(
        cls, kube_version: str | None = None, api_versions: tuple[str, ...] | list[str] = ()
    ) -> Capabilities:
        """Helm's capabilities for ``template``: defaults, a kube version, extra API versions."""
        kv = parse_kube_version(kube_version) if kube_version else parse_kube_version(DEFAULT_KUBE_VERSION)
        # Appended as given: Helm keeps duplicates of the defaults.
        apis = VersionSet([*DEFAULT_API_VERSIONS, *api_versions])
        return cls(kv, apis, BuildInfo())


_GENERIC = re.compile(r"^\s*v?([0-9]+(?:\.[0-9]+)*)(.*)\Z")


def parse_kube_version(version: str) -> KubeVersion:
    """Parse a Kubernetes version as Helm does (k8s ``ParseGeneric``); raises CapabilitiesError."""
    m = _GENERIC.match(version)
    if not m:
        raise CapabilitiesError(f'could not parse "{version}" as version')
    parts = m.group(1).split(".")
    rest = m.group(2)
    if len(parts) < 2 or (rest and not re.match(r"^[-+]", rest)):
        raise CapabilitiesError(f'could not parse "{version}" as version')
    nums = [int(p) for p in parts]
    while len(nums) < 3:
        nums.append(0)
    git = version if version.startswith("v") else "v" + version
    normalized = "v" + ".".join(str(n) for n in nums)
    return KubeVersion(git, str(nums[0]), str(nums[1]), normalized)
