"""Kubernetes object-name rules, as Helm's linter applies them per kind (apimachinery's
``api/validation`` name functions), with apimachinery's messages.

The rules are short, but the messages must be Kubernetes' word for word (field errors,
aggregated), so they are written out here; ``re`` suffices for these anchored, non-nested
patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["validate_metadata_name"]

_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
_SUBDOMAIN_FMT = _LABEL_FMT + "(\\." + _LABEL_FMT + ")*"
_DNS1035_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?"
_LABEL = re.compile(f"(?:{_LABEL_FMT})")
_SUBDOMAIN = re.compile(f"(?:{_SUBDOMAIN_FMT})")
_DNS1035 = re.compile(f"(?:{_DNS1035_FMT})")

_LABEL_MSG = (
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
    "and must start and end with an alphanumeric character"
)
_SUBDOMAIN_MSG = (
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
    "and must start and end with an alphanumeric character"
)
_DNS1035_MSG = (
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
    "alphabetic character, and end with an alphanumeric character"
)


def _regex_error(msg: str, fmt: str, *examples: str) -> str:
    text = msg + " (e.g. "
    for i, ex in enumerate(examples):
        if i:
            text += " or "
        text += f"'{ex}', "
    return text + f"regex used for validation is '{fmt}')"


def _max_len(n: int) -> str:
    return f"must be no more than {n} characters"


def _full(rx: re.Pattern[str], s: str) -> bool:
    # Go's $ matches only at the very end: fullmatch, not match with $ (which allows a final \n).
    return rx.fullmatch(s) is not None


def is_dns1123_subdomain(name: str) -> list[str]:
    errs = [_max_len(253)] if len(name.encode()) > 253 else []
    if not _full(_SUBDOMAIN, name):
        errs.append(_regex_error(_SUBDOMAIN_MSG, _SUBDOMAIN_FMT, "example.com"))
    return errs


def is_dns1123_label(name: str) -> list[str]:
    errs = [_max_len(63)] if len(name.encode()) > 63 else []
    if not _full(_LABEL, name):
        if _full(_SUBDOMAIN, name):
            errs.append("must not contain dots")
        else:
            errs.append(_regex_error(_LABEL_MSG, _LABEL_FMT, "my-name", "123-abc"))
    return errs


def is_dns1035_label(name: str) -> list[str]:
    errs = [_max_len(63)] if len(name.encode()) > 63 else []
    if not _full(_DNS1035, name):
        errs.append(_regex_error(_DNS1035_MSG, _DNS1035_FMT, "my-name", "abc-123"))
    return errs


def is_path_segment_name(name: str) -> list[str]:
    if name in (".", ".."):
        return [f"may not be '{name}'"]
    return [f"may not contain '{c}'" for c in ("/", "%") if c in name]


def _no_check(name: str) -> list[str]:
    return []


_BY_KIND: dict[str, Callable[[str], list[str]]] = {
    "service": is_dns1035_label,
    "namespace": is_dns1123_label,
    "serviceaccount": is_dns1123_subdomain,
    "certificatesigningrequest": _no_check,
    "role": is_path_segment_name,
    "clusterrole": is_path_segment_name,
    "rolebinding": is_path_segment_name,
    "clusterrolebinding": is_path_segment_name,
}


def validate_metadata_name(kind: str, name: str) -> str | None:
    """Helm's validateMetadataName: None, or the warning for NAME as an object of KIND."""
    from chartist.gotemplate.strconv import quote

    check = _BY_KIND.get(kind.lower(), is_dns1123_subdomain)
    errs = [f"metadata.name: Invalid value: {quote(name)}: {msg}" for msg in check(name)]
    if not errs:
        return None
    # utilerrors.NewAggregate: one error prints bare, several in brackets, duplicates once.
    seen: list[str] = []
    for e in errs:
        if e not in seen:
            seen.append(e)
    text = seen[0] if len(seen) == 1 else "[" + ", ".join(seen) + "]"
    return f"object name does not conform to Kubernetes naming requirements: {quote(name)}: {text}"
