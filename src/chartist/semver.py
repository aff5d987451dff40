"""Semantic versions and version constraints, exactly as Masterminds semver v3 (v3.5) reads them.

Helm checks ``kubeVersion``, dependency ranges, repository queries and Sprig's ``semver`` /
``semverCompare`` with github.com/Masterminds/semver/v3. Its rules differ from every Python
library (``packaging``, ``semantic_version``, ``node-semver`` ports): loose versions such as
``v1.2`` or ``01.2.3``, the ``x``/``*`` wildcards and their "dirty" comparisons, ``~``/``^``
ranges, hyphen ranges rewritten textually, prereleases excluded from a range unless the range
names one, and its own error messages. So this module re-implements that behaviour on its own
regular expressions, written to match Go's RE2 semantics (ASCII digits and whitespace, ``$``
only at the end of the text) and run by RE2 (google-re2), linear in time as Go's are: Python's
backtracking takes hours over a constraint like ``">=1" + " " * 8000 + "!"`` from a chart.

Public API::

    parse_version("v1.2")            -> Version(1, 2, 0, original="v1.2")   (NewVersion)
    parse_version("1.2.3", strict=True)                                   (StrictNewVersion)
    parse_constraint(">= 1.2, < 2 || ^3") -> Constraints
    Constraints.check(version) -> bool
    Constraints.validate(version) -> (bool, [reasons])

Every failure raises :class:`SemverError`, whose text is Masterminds' message
(``invalid semantic version``, ``improper constraint: "..."``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from chartist.errors import ChartistError

__all__ = [
    "Constraint",
    "Constraints",
    "SemverError",
    "Version",
    "parse_constraint",
    "parse_version",
]

_MAX_UINT64 = (1 << 64) - 1


class SemverError(ChartistError, ValueError):
    """A version or constraint that Masterminds semver rejects; ``str()`` is its message."""


# Messages of Masterminds' sentinel errors.
ERR_INVALID_SEMVER = "invalid semantic version"
ERR_EMPTY_STRING = "version string empty"
ERR_INVALID_CHARACTERS = "invalid characters in version"
ERR_SEGMENT_STARTS_ZERO = "version segment starts with 0"
ERR_INVALID_METADATA = "invalid metadata string"
ERR_INVALID_PRERELEASE = "invalid prerelease string"

# Masterminds v3.5's limits on input size, checked before any parsing.
MAX_VERSION_LEN = 256  # bytes
MAX_CONSTRAINT_LEN = 512  # bytes
MAX_CONSTRAINT_GROUPS = 32
ERR_VERSION_TOO_LONG = f"version string is too long (max {MAX_VERSION_LEN} bytes)"
ERR_CONSTRAINT_TOO_LONG = f"constraint string is too long (max {MAX_CONSTRAINT_LEN} bytes)"
ERR_TOO_MANY_GROUPS = f"too many constraint groups (max {MAX_CONSTRAINT_GROUPS})"


def _byte_len(text: str) -> int:
    """Go's len(): UTF-8 bytes, a surrogate escape (a stray byte) counting one."""
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogateescape"))


class _RE2:
    """A regular expression in RE2 syntax, compiled on first use (importing RE2 costs start-up
    time). Text that UTF-8 cannot carry (surrogate escapes) is matched with each such character
    as "?", which no pattern here matches either."""

    __slots__ = ("_pattern", "_rx")

    def __init__(self, pattern: str) -> None:
        self._pattern = pattern
        self._rx: Any = None

    def _compiled(self) -> Any:
        if self._rx is None:
            import re2

            options = re2.Options()
            options.log_errors = False
            self._rx = re2.compile(self._pattern, options)
        return self._rx

    def match(self, text: str) -> Any:
        """The match anchored at the start of TEXT (re.Match-like), or None."""
        if not text.isascii():
            text = text.encode("utf-8", "replace").decode("utf-8")
        return self._compiled().match(text)

    def finditer(self, text: str) -> Iterator[Any]:
        """The non-overlapping matches in TEXT, leftmost first."""
        if not text.isascii():
            text = text.encode("utf-8", "replace").decode("utf-8")
        return iter(self._compiled().finditer(text))


# Go's \s is [\t\n\f\r ] (no \v); digits are ASCII only.
_WS = r"[\t\n\f\r ]"

# The loose form NewVersion accepts (leading zeros allowed, missing minor/patch).
_LOOSE_RE = _RE2(
    r"v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?"
    r"(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?"
    r"(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?\z"
)

# A version inside a constraint: wildcards allowed; the class includes "|" as in the original.
_CV = (
    r"v?([0-9|xX*]+)(\.[0-9|xX*]+)?(\.[0-9|xX*]+)?"
    r"(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?"
    r"(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?"
)
_OPS = r"=||!=|>|<|>=|=>|<=|=<|~|~>|\^"
_CONSTRAINT_RE = _RE2(rf"^{_WS}*({_OPS}){_WS}*({_CV}){_WS}*\z")
_RANGE_RE = _RE2(rf"{_WS}*({_CV}){_WS}+-{_WS}+({_CV}){_WS}*")
_FIND_RE = _RE2(rf"({_OPS}){_WS}*({_CV})")
_VALID_RE = _RE2(rf"^({_WS}*({_OPS}){_WS}*({_CV}){_WS}*)((?:{_WS}+|,{_WS}*)({_OPS}){_WS}*({_CV}){_WS}*)*\z")

_ALLOWED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789")
_DIGITS = frozenset("0123456789")


def _quote(s: str) -> str:
    """Go's ``%q`` of a string, for messages (gotemplate, where strconv lives, loads slowly)."""
    from chartist.gotemplate.strconv import quote

    return quote(s)


def _parse_uint(s: str) -> int:
    """strconv.ParseUint(s, 10, 64) for a string already known to hold only ASCII digits."""
    if not s:
        raise SemverError(f"strconv.ParseUint: parsing {_quote(s)}: invalid syntax")
    n = int(s)
    if n > _MAX_UINT64:
        raise SemverError(f"strconv.ParseUint: parsing {_quote(s)}: value out of range")
    return n


def _parse_segment(s: str) -> int:
    try:
        return _parse_uint(s)
    except SemverError as err:
        raise SemverError(f"error parsing version segment: {err}") from None


def _validate_prerelease(p: str) -> None:
    for part in p.split("."):
        if not part:
            raise SemverError(ERR_INVALID_PRERELEASE)
        if _DIGITS.issuperset(part):
            if len(part) > 1 and part[0] == "0":
                raise SemverError(ERR_SEGMENT_STARTS_ZERO)
        elif not _ALLOWED.issuperset(part):
            raise SemverError(ERR_INVALID_PRERELEASE)


def _validate_metadata(m: str) -> None:
    for part in m.split("."):
        if not part or not _ALLOWED.issuperset(part):
            raise SemverError(ERR_INVALID_METADATA)


def _compare_pre_part(s: str, o: str) -> int:
    if s == o:
        return 0
    if s == "":
        return -1
    if o == "":
        return 1
    # Numeric identifiers (those ParseUint accepts) rank below alphanumeric ones.
    s_num = s.isascii() and s.isdigit() and int(s) <= _MAX_UINT64
    o_num = o.isascii() and o.isdigit() and int(o) <= _MAX_UINT64
    if s_num and o_num:
        return 1 if int(s) > int(o) else -1
    if s_num:
        return -1
    if o_num:
        return 1
    return 1 if s > o else -1


def _compare_prerelease(a: str, b: str) -> int:
    ap, bp = a.split("."), b.split(".")
    for i in range(max(len(ap), len(bp))):
        d = _compare_pre_part(ap[i] if i < len(ap) else "", bp[i] if i < len(bp) else "")
        if d:
            return d
    return 0


@dataclass(frozen=True, slots=True, eq=False)
class Version:
    """A semantic version: ``major.minor.patch[-prerelease][+metadata]``.

    Ordering follows SemVer precedence (Masterminds ``Compare``): metadata and the original
    spelling are ignored, a prerelease sorts before its release, prerelease identifiers
    compare numerically when both are numbers. ``==`` and ``hash`` follow the same rule, so
    ``1.2.3+a == 1.2.3+b``. ``str()`` is Go's ``String()`` (no leading ``v``); ``original``
    is the text it was parsed from (``Original()``), or ``str()`` when built directly.
    """

    major: int
    minor: int = 0
    patch: int = 0
    prerelease: str = ""
    metadata: str = ""
    original: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.original:
            object.__setattr__(self, "original", self._string())

    def _string(self) -> str:
        s = f"{self.major}.{self.minor}.{self.patch}"
        if self.prerelease:
            s += "-" + self.prerelease
        if self.metadata:
            s += "+" + self.metadata
        return s

    def __str__(self) -> str:
        return self._string()

    def __repr__(self) -> str:
        return f"Version({self._string()!r})"

    def compare(self, other: Version) -> int:
        """-1, 0 or 1 as SELF sorts before, with or after OTHER (metadata ignored)."""
        a = (self.major, self.minor, self.patch)
        b = (other.major, other.minor, other.patch)
        if a != b:
            return -1 if a < b else 1
        ps, po = self.prerelease, other.prerelease
        if ps == po:
            return 0
        if not ps:
            return 1
        if not po:
            return -1
        return _compare_prerelease(ps, po)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self.compare(other) == 0

    def __hash__(self) -> int:
        return hash((self.major, self.minor, self.patch, self.prerelease))

    def __lt__(self, other: Version) -> bool:
        return self.compare(other) < 0

    def __le__(self, other: Version) -> bool:
        return self.compare(other) <= 0

    def __gt__(self, other: Version) -> bool:
        return self.compare(other) > 0

    def __ge__(self, other: Version) -> bool:
        return self.compare(other) >= 0

    def _v_prefix(self) -> str:
        return "v" if self.original.startswith("v") else ""

    def _next(self, major: int, minor: int, patch: int, pre: str = "", meta: str = "") -> Version:
        bare = Version(major, minor, patch, pre, meta)
        return Version(major, minor, patch, pre, meta, self._v_prefix() + str(bare))

    def inc_patch(self) -> Version:
        """IncPatch: drop prerelease and metadata; bump the patch only if there was no prerelease."""
        if self.prerelease:
            return self._next(self.major, self.minor, self.patch)
        if self.patch == _MAX_UINT64:
            raise SemverError("patch version increment would overflow uint64")
        return self._next(self.major, self.minor, self.patch + 1)

    def inc_minor(self) -> Version:
        """IncMinor: next minor, patch 0, prerelease and metadata dropped."""
        if self.minor == _MAX_UINT64:
            raise SemverError("minor version increment would overflow uint64")
        return self._next(self.major, self.minor + 1, 0)

    def inc_major(self) -> Version:
        """IncMajor: next major, minor and patch 0, prerelease and metadata dropped."""
        if self.major == _MAX_UINT64:
            raise SemverError("major version increment would overflow uint64")
        return self._next(self.major + 1, 0, 0)

    def set_prerelease(self, prerelease: str) -> Version:
        """SetPrerelease (no leading ``-``); raises SemverError if it is not a valid prerelease."""
        if prerelease:
            _validate_prerelease(prerelease)
        return self._next(self.major, self.minor, self.patch, prerelease, self.metadata)

    def set_metadata(self, metadata: str) -> Version:
        """SetMetadata (no leading ``+``); raises SemverError if it is not valid metadata."""
        if metadata:
            _validate_metadata(metadata)
        return self._next(self.major, self.minor, self.patch, self.prerelease, metadata)


def parse_version(text: str, *, strict: bool = False) -> Version:
    """Parse TEXT as Masterminds ``NewVersion`` does, or ``StrictNewVersion`` with STRICT.

    The loose form allows a leading ``v``, missing minor/patch (``1``, ``v1.2``) and leading
    zeros in the numbers (``01.02.3`` is 1.2.3). Strict accepts only ``X.Y.Z[-pre][+meta]``.
    Raises SemverError with Masterminds' message (``invalid semantic version``, ``version
    segment starts with 0``, ``invalid prerelease string``, ``version string is too long
    (max 256 bytes)`` ...).
    """
    return _parse_strict(text) if strict else _parse_loose(text)


@lru_cache(maxsize=2048)
def _parse_loose(text: str) -> Version:
    if _byte_len(text) > MAX_VERSION_LEN:
        raise SemverError(ERR_VERSION_TOO_LONG)
    m = _LOOSE_RE.match(text)
    if m is None:
        raise SemverError(ERR_INVALID_SEMVER)
    major = _parse_segment(m.group(1))
    minor = _parse_segment(m.group(2)[1:]) if m.group(2) else 0
    patch = _parse_segment(m.group(3)[1:]) if m.group(3) else 0
    pre = m.group(5) or ""
    meta = m.group(8) or ""
    if pre:
        _validate_prerelease(pre)
    if meta:
        _validate_metadata(meta)
    return Version(major, minor, patch, pre, meta, text)


@lru_cache(maxsize=512)
def _parse_strict(text: str) -> Version:
    if not text:
        raise SemverError(ERR_EMPTY_STRING)
    if _byte_len(text) > MAX_VERSION_LEN:
        raise SemverError(ERR_VERSION_TOO_LONG)
    parts = text.split(".", 2)
    if len(parts) != 3:
        raise SemverError(ERR_INVALID_SEMVER)
    pre = meta = ""
    if "+" in parts[2]:
        parts[2], meta = parts[2].split("+", 1)
        _validate_metadata(meta)
    if "-" in parts[2]:
        parts[2], pre = parts[2].split("-", 1)
        _validate_prerelease(pre)
    for p in parts:
        if not _DIGITS.issuperset(p):
            raise SemverError(ERR_INVALID_CHARACTERS)
        if len(p) > 1 and p[0] == "0":
            raise SemverError(ERR_SEGMENT_STARTS_ZERO)
    major, minor, patch = (_parse_uint(p) for p in parts)
    return Version(major, minor, patch, pre, meta, text)


# --- constraints -------------------------------------------------------------------------

_Check = Callable[["Constraint", Version], "str | None"]


def _is_x(s: str) -> bool:
    return s in ("x", "X", "*")


def _prerelease_msg(v: Version) -> str:
    return f"{_quote(str(v))} is a prerelease version and the constraint is only looking for release versions"


@dataclass(frozen=True, slots=True)
class Constraint:
    """One comparison such as ``>=1.2`` or ``~1.x``.

    ``op`` is the operator as written (``""`` for none), ``orig`` the version text as written,
    ``version`` the version compared against (wildcards become 0). A wildcard or a missing
    part makes the constraint ``dirty``; ``minor_dirty``/``patch_dirty`` say which part.
    """

    op: str
    orig: str
    version: Version
    dirty: bool = False
    minor_dirty: bool = False
    patch_dirty: bool = False

    def __str__(self) -> str:
        return self.op + self.orig

    def check(self, v: Version, include_pre: bool) -> str | None:
        """None if V satisfies this constraint, else Masterminds' reason."""
        if v.prerelease and not include_pre:
            return _prerelease_msg(v)
        return _OP_CHECKS[self.op](self, v)

    def _fail(self, v: Version, what: str) -> str:
        return f"{_quote(str(v))} {what} {_quote(self.orig)}"


def _not_equal(c: Constraint, v: Version) -> str | None:
    con = c.version
    if c.dirty:
        if con.major != v.major:
            return None
        if con.minor != v.minor and not c.minor_dirty:
            return None
        if c.minor_dirty:
            return c._fail(v, "is equal to")
        if con.patch != v.patch and not c.patch_dirty:
            return None
        if c.patch_dirty:
            if (v.prerelease or con.prerelease) and _compare_prerelease(v.prerelease, con.prerelease):
                return None
            return c._fail(v, "is equal to")
    if v.compare(con) == 0:
        return c._fail(v, "is equal to")
    return None


def _greater_than(c: Constraint, v: Version) -> str | None:
    con = c.version
    if c.dirty:
        if v.major > con.major:
            return None
        if v.major < con.major or c.minor_dirty:
            return c._fail(v, "is less than or equal to")
        if c.patch_dirty:
            return None if v.minor > con.minor else c._fail(v, "is less than or equal to")
    return None if v.compare(con) > 0 else c._fail(v, "is less than or equal to")


def _less_than(c: Constraint, v: Version) -> str | None:
    return None if v.compare(c.version) < 0 else c._fail(v, "is greater than or equal to")


def _greater_equal(c: Constraint, v: Version) -> str | None:
    return None if v.compare(c.version) >= 0 else c._fail(v, "is less than")


def _less_equal(c: Constraint, v: Version) -> str | None:
    con = c.version
    if not c.dirty:
        return None if v.compare(con) <= 0 else c._fail(v, "is greater than")
    if v.major > con.major or (v.major == con.major and v.minor > con.minor and not c.minor_dirty):
        return c._fail(v, "is greater than")
    return None


def _tilde(c: Constraint, v: Version) -> str | None:
    con = c.version
    if v.compare(con) < 0:
        return c._fail(v, "is less than")
    # ~0.0.0 accepts everything (it is >= 0.0.0).
    if con.major == 0 and con.minor == 0 and con.patch == 0 and not c.minor_dirty and not c.patch_dirty:
        return None
    if v.major != con.major:
        return c._fail(v, "does not have same major version as")
    if v.minor != con.minor and not c.minor_dirty:
        return c._fail(v, "does not have same major and minor version as")
    return None


def _tilde_or_equal(c: Constraint, v: Version) -> str | None:
    if c.dirty:
        return _tilde(c, v)
    return None if v.compare(c.version) == 0 else c._fail(v, "is not equal to")


def _caret(c: Constraint, v: Version) -> str | None:
    con = c.version
    if v.compare(con) < 0:
        return c._fail(v, "is less than")
    if con.major > 0 or c.minor_dirty:
        return None if v.major == con.major else c._fail(v, "does not have same major version as")
    if v.major > 0:
        return c._fail(v, "does not have same major version as")
    if con.minor > 0 or c.patch_dirty:
        if v.minor == con.minor:
            return None
        return (
            c._fail(
                v,
                "does not have same minor version as",
            )
            + ". Expected minor versions to match when constraint major version is 0"
        )
    if v.minor > 0:
        return c._fail(v, "does not have same minor version as")
    if con.patch == v.patch:
        return None
    return (
        c._fail(v, "does not equal")
        + ". Expect version and constraint to equal when major and minor versions are 0"
    )


_OP_CHECKS: dict[str, _Check] = {
    "": _tilde_or_equal,
    "=": _tilde_or_equal,
    "!=": _not_equal,
    ">": _greater_than,
    "<": _less_than,
    ">=": _greater_equal,
    "=>": _greater_equal,
    "<=": _less_equal,
    "=<": _less_equal,
    "~": _tilde,
    "~>": _tilde,
    "^": _caret,
}


def _parse_one(text: str) -> Constraint:
    m = _CONSTRAINT_RE.match(text)
    if m is None:
        raise SemverError(f"improper constraint: {_quote(text)}")
    op, orig = m.group(1), m.group(2)
    major, minor, patch, pre = m.group(3), m.group(4) or "", m.group(5) or "", m.group(6) or ""
    dirty = minor_dirty = patch_dirty = False
    ver = orig
    if _is_x(major) or major == "":
        ver, dirty = "0.0.0" + pre, True
    elif _is_x(minor[1:]) or minor == "":
        ver, dirty, minor_dirty = f"{major}.0.0{pre}", True, True
    elif _is_x(patch[1:]) or patch == "":
        ver, dirty, patch_dirty = f"{major}{minor}.0{pre}", True, True
    try:
        con = _parse_loose(ver)
    except SemverError:
        raise SemverError("constraint parser error") from None
    return Constraint(op, orig, con, dirty, minor_dirty, patch_dirty)


def _rewrite_ranges(text: str) -> str:
    """Turn each hyphen range ``A - B`` into ``>= A, <= B `` (textually, as Masterminds does)."""
    out = text
    for m in _RANGE_RE.finditer(text):
        out = out.replace(m.group(0), f">= {m.group(1)}, <= {m.group(11)} ", 1)
    return out


@dataclass(frozen=True, slots=True)
class Constraints:
    """OR-groups (``||``) of AND-ed constraints (separated by spaces or commas).

    A prerelease version satisfies a group only if some constraint of that group names a
    prerelease (``>=1.2.3-0``) or ``include_prerelease`` is set.
    """

    groups: tuple[tuple[Constraint, ...], ...]
    contains_pre: tuple[bool, ...]
    include_prerelease: bool = False

    def __str__(self) -> str:
        return " || ".join(" ".join(str(c) for c in g) for g in self.groups)

    def check(self, version: Version | str) -> bool:
        """Whether VERSION (a Version, or text parsed with :func:`parse_version`) satisfies any group."""
        v = version if isinstance(version, Version) else parse_version(version)
        for group, has_pre in zip(self.groups, self.contains_pre, strict=True):
            include = self.include_prerelease or has_pre
            if all(c.check(v, include) is None for c in group):
                return True
        return False

    def validate(self, version: Version | str) -> tuple[bool, list[str]]:
        """Like :meth:`check`, and when it fails, Masterminds' reasons (one per failed constraint)."""
        v = version if isinstance(version, Version) else parse_version(version)
        reasons: list[str] = []
        pre_reported = False
        for group, has_pre in zip(self.groups, self.contains_pre, strict=True):
            include = self.include_prerelease or has_pre
            ok = True
            for c in group:
                if not include and v.prerelease:
                    # The prerelease reason is given once, however many constraints skip it.
                    if not pre_reported:
                        reasons.append(_prerelease_msg(v))
                        pre_reported = True
                    ok = False
                    continue
                reason = c.check(v, include)
                if reason is not None:
                    reasons.append(reason)
                    ok = False
            if ok:
                return True, []
        return False, reasons

    def with_prerelease(self, include: bool = True) -> Constraints:
        """A copy with ``IncludePrerelease`` set."""
        return Constraints(self.groups, self.contains_pre, include)


@lru_cache(maxsize=1024)
def parse_constraint(text: str) -> Constraints:
    """Parse TEXT as Masterminds ``NewConstraint``.

    Grammar: OR-groups separated by ``||``; each group is constraints separated by spaces or
    commas; a constraint is an optional operator (``= != > < >= => <= =< ~ ~> ^``) and a
    version in which ``x``, ``X`` or ``*`` may stand for a part; ``A - B`` (spaces required)
    is ``>= A, <= B``. Raises SemverError ``improper constraint: "<group>"`` for a group that
    does not fit, ``constraint parser error`` for one whose version cannot be parsed, or the
    limits' ``constraint string is too long (max 512 bytes)`` and ``too many constraint groups
    (max 32)``.
    """
    if _byte_len(text) > MAX_CONSTRAINT_LEN:
        raise SemverError(ERR_CONSTRAINT_TOO_LONG)
    parts = _rewrite_ranges(text).split("||")
    if len(parts) > MAX_CONSTRAINT_GROUPS:
        raise SemverError(ERR_TOO_MANY_GROUPS)
    groups: list[tuple[Constraint, ...]] = []
    has_pre: list[bool] = []
    for part in parts:
        if not _VALID_RE.match(part):
            raise SemverError(f"improper constraint: {_quote(part)}")
        pieces = [m.group(0) for m in _FIND_RE.finditer(part)] or [part]
        parsed = tuple(_parse_one(p) for p in pieces)
        groups.append(parsed)
        has_pre.append(any(c.version.prerelease for c in parsed))
    return Constraints(tuple(groups), tuple(has_pre))
