"""Sprig's semver functions: ``semver`` and ``semverCompare`` (Masterminds semver v3).

``semver`` returns a ``*semver.Version`` whose methods templates may call
(``(semver "1.2.3").Major``, ``.Compare``, ``.IncMinor`` ...); printed, it is its String().
"""

from __future__ import annotations

from typing import Any

from chartist.gotemplate.values import (
    BOOL,
    BYTES,
    INT,
    STRING,
    FuncError,
    GoFunc,
    GoObject,
    Uint64,
    gofunc,
    method,
    type_name,
)
from chartist.semver import SemverError, Version, parse_constraint, parse_version

__all__ = ["FUNCS", "SemverVersion", "SemverVersionValue"]

_VERSION_PTR = "*semver.Version"
_VERSION = "semver.Version"


class _VersionMethods(GoObject):
    """The methods Go declares on the ``semver.Version`` value receiver."""

    __slots__ = ("version",)

    def __init__(self, version: Version) -> None:
        self.version = version

    def __str__(self) -> str:
        return str(self.version)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.version.original!r})"

    @method(result=STRING)
    def String(self) -> str:
        return str(self.version)

    @method(result="uint64")
    def Major(self) -> Uint64:
        return Uint64(self.version.major)

    @method(result="uint64")
    def Minor(self) -> Uint64:
        return Uint64(self.version.minor)

    @method(result="uint64")
    def Patch(self) -> Uint64:
        return Uint64(self.version.patch)

    @method(result=STRING)
    def Prerelease(self) -> str:
        return self.version.prerelease

    @method(result=STRING)
    def Metadata(self) -> str:
        return self.version.metadata

    @method(result=_VERSION)
    def IncPatch(self) -> SemverVersionValue:
        return _call(self.version.inc_patch)

    @method(result=_VERSION)
    def IncMinor(self) -> SemverVersionValue:
        return _call(self.version.inc_minor)

    @method(result=_VERSION)
    def IncMajor(self) -> SemverVersionValue:
        return _call(self.version.inc_major)

    @method(STRING, result=_VERSION, error=True)
    def SetPrerelease(self, prerelease: str) -> SemverVersionValue:
        return _call(self.version.set_prerelease, prerelease)

    @method(STRING, result=_VERSION, error=True)
    def SetMetadata(self, metadata: str) -> SemverVersionValue:
        return _call(self.version.set_metadata, metadata)

    @method(result=BYTES, error=True)
    def MarshalJSON(self) -> bytes:
        return b'"' + str(self.version).encode() + b'"'

    @method(result=BYTES, error=True)
    def MarshalText(self) -> bytes:
        return str(self.version).encode()


class SemverVersionValue(_VersionMethods):
    """A ``semver.Version`` value (what ``IncMinor`` and friends return): no pointer methods,
    so ``(semver "1.2.3").IncMinor.Original`` fails as in Go."""

    go_type = _VERSION
    go_kind = "struct"
    __slots__ = ()


class SemverVersion(_VersionMethods):
    """A ``*semver.Version`` as ``semver`` returns it: value methods plus pointer methods.

    Go's accessors return ``uint64`` (:class:`Uint64`).
    """

    go_type = _VERSION_PTR
    go_kind = "ptr"
    __slots__ = ()

    @method(result=STRING)
    def Original(self) -> str:
        return self.version.original

    @method(_VERSION_PTR, result=INT)
    def Compare(self, other: SemverVersion) -> int:
        return self.version.compare(_unwrap(other))

    @method(_VERSION_PTR, result=BOOL)
    def LessThan(self, other: SemverVersion) -> bool:
        return self.version.compare(_unwrap(other)) < 0

    @method(_VERSION_PTR, result=BOOL)
    def LessThanEqual(self, other: SemverVersion) -> bool:
        return self.version.compare(_unwrap(other)) <= 0

    @method(_VERSION_PTR, result=BOOL)
    def GreaterThan(self, other: SemverVersion) -> bool:
        return self.version.compare(_unwrap(other)) > 0

    @method(_VERSION_PTR, result=BOOL)
    def GreaterThanEqual(self, other: SemverVersion) -> bool:
        return self.version.compare(_unwrap(other)) >= 0

    @method(_VERSION_PTR, result=BOOL)
    def Equal(self, other: SemverVersion | None) -> bool:
        if other is None:
            return False
        return self.version.compare(_unwrap(other)) == 0


def _unwrap(v: Any) -> Version:
    if isinstance(v, SemverVersion):
        return v.version
    raise FuncError(f"wrong type for value; expected {_VERSION_PTR}; got {type_name(v)}")


def _call(fn: Any, *args: Any) -> SemverVersionValue:
    try:
        return SemverVersionValue(fn(*args))
    except SemverError as err:
        raise FuncError(str(err)) from None


@gofunc(STRING, result=_VERSION_PTR, error=True)
def semver(version: str) -> SemverVersion:
    """semver VERSION: the parsed version (NewVersion rules), or Masterminds' error."""
    try:
        return SemverVersion(parse_version(version))
    except SemverError as err:
        raise FuncError(str(err)) from None


@gofunc(STRING, STRING, result=BOOL, error=True)
def semverCompare(constraint: str, version: str) -> bool:
    """semverCompare CONSTRAINT VERSION: whether VERSION satisfies CONSTRAINT.

    The constraint is parsed first, so a bad constraint is reported before a bad version.
    """
    try:
        return parse_constraint(constraint).check(parse_version(version))
    except SemverError as err:
        raise FuncError(str(err)) from None


FUNCS: dict[str, GoFunc] = {"semver": semver, "semverCompare": semverCompare}
