"""The ``format`` checks of santhosh-tekuri/jsonschema.

Formats are asserted for drafts 4, 6 and 7 only (as the Go library does); each check
returns the library's reason text or None. Formats it does not know are ignored. The
``regex`` format, like ``pattern`` and ``patternProperties``, is Go's regexp
(:func:`chartist.sprig.goregexp.compile_go`: Go's syntax, linear-time matching).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from chartist.gotemplate.strconv import quote as go_quote
from chartist.gotemplate.strconv import quote_rune
from chartist.sprig.goregexp import RegexpError, compile_go


def _regex(s: str) -> str | None:
    try:
        compile_go(s)
    except RegexpError as err:
        return str(err)
    return None


def _qr(ch: str) -> str:
    """Go's %q of a rune."""
    return quote_rune(ord(ch))


def _ipv4(s: str) -> str | None:
    groups = s.split(".")
    if len(groups) != 4:
        return "expected four decimals"
    for g in groups:
        if len(g) > 1 and g[0] == "0":
            return "leading zeros"
        if not re.fullmatch(r"[+-]?[0-9]+", g):
            return f"strconv.Atoi: parsing {go_quote(g)}: invalid syntax"
        if not 0 <= int(g) <= 255:
            return "decimal must be between 0 and 255"
    return None


def _ipv6(s: str) -> str | None:
    if ":" not in s:
        return "missing colon"
    if "%" in s:
        return "zone id is not a part of ipv6 address"
    try:
        ipaddress.IPv6Address(s)
    except ValueError:
        return f"ParseAddr({go_quote(s)}): invalid IPv6 address"
    return None


def _hostname(s: str) -> str | None:
    s = s[:-1] if s.endswith(".") else s
    if len(s) > 253:
        return "more than 253 characters long"
    for label in s.split("."):
        if not 1 <= len(label) <= 63:
            return "label must be 1 to 63 characters long"
        if label.startswith("-"):
            return "label starts with hyphen"
        if label.endswith("-"):
            return "label ends with hyphen"
        for ch in label:
            if not (ch.isascii() and (ch.isalnum() or ch == "-")):
                return f"invalid character {_qr(ch)}"
    return None


def _email(s: str) -> str | None:
    if len(s.encode()) > 254:
        return "more than 255 characters long"
    at = s.rfind("@")
    if at < 0:
        return "missing @"
    local, domain = s[:at], s[at + 1 :]
    if len(local.encode()) > 64:
        return "local part more than 64 characters long"
    if len(local) > 1 and local.startswith('"'):
        inner = local[1:-1]
        if "\\" in inner or '"' in inner:
            return "backslash and quote are not allowed within quoted local part"
    else:
        if local.startswith("."):
            return "starts with dot"
        if local.endswith("."):
            return "ends with dot"
        if ".." in local:
            return "consecutive dots"
        for ch in local:
            if not ((ch.isascii() and ch.isalnum()) or ch in ".!#$%&'*+-/=?^_`{|}~"):
                return f"invalid character {_qr(ch)}"
    if domain.startswith("[") and domain.endswith("]"):
        inner = domain[1:-1]
        if inner.startswith("IPv6:"):
            p = _ipv6(inner[5:])
            return None if p is None else f"invalid ipv6 address: {p}"
        p = _ipv4(inner)
        return None if p is None else f"invalid ipv4 address: {p}"
    p = _hostname(domain)
    return None if p is None else f"invalid domain: {p}"


def _date(s: str) -> str | None:
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", s):
        return f'parsing time {go_quote(s)} as "2006-01-02": cannot parse {go_quote(s)} as "2006"'
    if not 1 <= int(s[5:7]) <= 12:
        return f"parsing time {go_quote(s)}: month out of range"
    try:
        date(int(s[:4]), int(s[5:7]), int(s[8:]))
    except ValueError:
        return f"parsing time {go_quote(s)}: day out of range"
    return None


def _time(s: str) -> str | None:
    if len(s) < 9:
        return "less than 9 characters long"
    if s[2] != ":" or s[5] != ":":
        return "missing colon in correct place"
    hms = s[:8].split(":")
    if not all(re.fullmatch(r"[+-]?[0-9]+", t) for t in hms):
        return "invalid hour/min/sec"
    h, m, sec = (int(t) for t in hms)
    if min(h, m, sec) < 0:
        return "non-positive hour/min/sec"
    if h > 23 or m > 59 or sec > 60:
        return "hour/min/sec out of range"
    rest = s[8:]
    if rest.startswith("."):
        digits = re.match(r"[0-9]*", rest[1:])
        nd = len(digits.group(0)) if digits else 0
        if nd == 0:
            return "no digits in second fraction"
        rest = rest[1 + nd :]
    if rest not in ("z", "Z"):
        if len(rest) != 6:
            return "offset must be 6 characters long"
        if rest[0] not in "+-":
            return "offset must begin with plus/minus"
        if rest[3] != ":":
            return "missing colon in offset in correct place"
        zh, zm = rest[1:3], rest[4:6]
        if not (re.fullmatch(r"[0-9]+", zh) and re.fullmatch(r"[0-9]+", zm)):
            return "invalid hour/min in offset"
        if int(zh) > 23 or int(zm) > 59:
            return "hour/min in offset out of range"
        sign = -1 if rest[0] == "+" else 1
        hm = (h * 60 + m) + sign * (int(zh) * 60 + int(zm))
        hm %= 24 * 60
        h, m = divmod(hm, 60)
    if sec >= 60 and (h != 23 or m != 59):
        return "invalid leap second"
    return None


def _date_time(s: str) -> str | None:
    if len(s) < 20:
        return "less than 20 characters long"
    if s[10] not in "tT":
        return "11th character must be t or T"
    p = _date(s[:10])
    if p is not None:
        return f"invalid date element: {p}"
    p = _time(s[11:])
    return None if p is None else f"invalid time element: {p}"


def _uri(s: str) -> str | None:
    try:
        parts = urlsplit(s)
    except ValueError as err:
        return f"parse {go_quote(s)}: {err}"
    return None if parts.scheme else "relative url"


def _uri_reference(s: str) -> str | None:
    if "\\" in s:
        return "contains \\"
    try:
        urlsplit(s)
    except ValueError as err:
        return f"parse {go_quote(s)}: {err}"
    return None


def _uuid(s: str) -> str | None:
    groups = s.split("-")
    if len(groups) != 5:
        return "must have 5 elements"
    for i, (g, want) in enumerate(zip(groups, (8, 4, 4, 4, 12), strict=True)):
        if len(g) != want:
            return f"element {i + 1} must be {want} characters long"
        for ch in g:
            if ch not in "0123456789abcdefABCDEF":
                return f"non-hex character {_qr(ch)}"
    return None


def _json_pointer(s: str) -> str | None:
    if s == "":
        return None
    if not s.startswith("/"):
        return "not starting with /"
    for tok in s.split("/")[1:]:
        if re.search(r"~(?![01])", tok):
            return "~ must be followed by 0 or 1"
    return None


def _string_check(check: Callable[[str], str | None]) -> Callable[[Any], str | None]:
    def run(v: Any) -> str | None:
        return check(v) if isinstance(v, str) else None

    return run


FORMATS: dict[str, Callable[[Any], str | None]] = {
    name: _string_check(fn)
    for name, fn in {
        "regex": _regex,
        "ipv4": _ipv4,
        "ipv6": _ipv6,
        "hostname": _hostname,
        "email": _email,
        "date": _date,
        "time": _time,
        "date-time": _date_time,
        "uri": _uri,
        "iri": _uri,
        "uri-reference": _uri_reference,
        "iri-reference": _uri_reference,
        "uuid": _uuid,
        "json-pointer": _json_pointer,
    }.items()
}
