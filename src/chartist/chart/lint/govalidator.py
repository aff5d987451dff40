"""The three checks of asaskevich/govalidator that Helm's Chart.yaml lint uses.

``is_email`` (maintainer emails), ``is_url`` (maintainer URLs) and ``is_request_url`` (sources,
icon) must accept and refuse exactly what govalidator (commit a9d515a, Helm v4.2.3's) does, so
the patterns are govalidator's own and run on Go's regexp semantics (RE2, through
:mod:`chartist.sprig.goregexp`); Python's ``re`` would backtrack exponentially on the URL
pattern's nested repetitions. URL parsing is Go's ``net/url`` (:mod:`chartist.sprig.urls`).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chartist.sprig.goregexp import Regexp

__all__ = ["is_email", "is_request_url", "is_url"]

_MAX_URL_RUNES = 2083
_MIN_URL_LEN = 3

_UCS = r"\x{00A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}"
_EMAIL = (
    r"^(((([a-zA-Z]|\d|[!#\$%&'\*\+\-\/=\?\^_`{\|}~]|[" + _UCS + r"])+(\.([a-zA-Z]|\d|[!#\$%&'\*\+\-\/=\?\^_`{\|}~]|["
    + _UCS + r"])+)*)|((\x22)((((\x20|\x09)*(\x0d\x0a))?(\x20|\x09)+)?(([\x01-\x08\x0b\x0c\x0e-\x1f\x7f]|\x21|"
    r"[\x23-\x5b]|[\x5d-\x7e]|[" + _UCS + r"])|(\([\x01-\x09\x0b\x0c\x0d-\x7f]|[" + _UCS + r"]))))*(((\x20|\x09)*"
    r"(\x0d\x0a))?(\x20|\x09)+)?(\x22)))@((([a-zA-Z]|\d|[" + _UCS + r"])|(([a-zA-Z]|\d|[" + _UCS + r"])([a-zA-Z]|"
    r"\d|-|\.|_|~|[" + _UCS + r"])*([a-zA-Z]|\d|[" + _UCS + r"])))\.)+(([a-zA-Z]|[" + _UCS + r"])|(([a-zA-Z]|["
    + _UCS + r"])([a-zA-Z]|\d|-|_|~|[" + _UCS + r"])*([a-zA-Z]|[" + _UCS + r"])))\.?$"
)  # fmt: skip

_IP = (
    r"(([0-9a-fA-F]{1,4}:){7,7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|"
    r"([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|"
    r"([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|"
    r"[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:)|fe80:(:[0-9a-fA-F]{0,4}){0,4}%"
    r"[0-9a-zA-Z]{1,}|::(ffff(:0{1,4}){0,1}:){0,1}((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}(25[0-5]|"
    r"(2[0-4]|1{0,1}[0-9]){0,1}[0-9])|([0-9a-fA-F]{1,4}:){1,4}:((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}"
    r"(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9]))"
)
_URL_SCHEMA = r"((ftp|tcp|udp|wss?|https?):\/\/)"
_URL_USERNAME = r"(\S+(:\S*)?@)"
_URL_PATH = r"((\/|\?|#)[^\s]*)"
_URL_PORT = r"(:(\d{1,5}))"
_URL_IP = (
    r"([1-9]\d?|1\d\d|2[01]\d|22[0-3]|24\d|25[0-5])(\.(\d{1,2}|1\d\d|2[0-4]\d|25[0-5])){2}"
    r"(?:\.([0-9]\d?|1\d\d|2[0-4]\d|25[0-5]))"
)
_URL_SUBDOMAIN = r"((www\.)|([a-zA-Z0-9]+([-_\.]?[a-zA-Z0-9])*[a-zA-Z0-9]\.[a-zA-Z0-9]+))"
_URL = (
    "^" + _URL_SCHEMA + "?" + _URL_USERNAME + "?" + "((" + _URL_IP + r"|(\[" + _IP + r"\])|"
    r"(([a-zA-Z0-9]([a-zA-Z0-9-_]+)?[a-zA-Z0-9]([-\.][a-zA-Z0-9]+)*)|(" + _URL_SUBDOMAIN + "?))?"
    r"(([a-zA-Z\x{00a1}-\x{ffff}0-9]+-?-?)*[a-zA-Z\x{00a1}-\x{ffff}0-9]+)(?:\.([a-zA-Z\x{00a1}-\x{ffff}]{1,}))?))"
    r"\.?" + _URL_PORT + "?" + _URL_PATH + "?$"
)


@cache
def _regexp(pattern: str) -> Regexp:
    from chartist.sprig.goregexp import compile_go

    return compile_go(pattern)


def is_email(s: str) -> bool:
    """govalidator.IsEmail: S matches the (RFC 5322-ish) email pattern."""
    return _regexp(_EMAIL).match(s)


def is_url(s: str) -> bool:
    """govalidator.IsURL: a URL with or without a scheme, as the pattern and Go's url.Parse allow."""
    from chartist.sprig.urls import URLError, go_url_parse

    if not s or len(s) >= _MAX_URL_RUNES or len(s.encode()) <= _MIN_URL_LEN or s.startswith("."):
        return False
    text = "http://" + s if ":" in s and "://" not in s else s
    try:
        u = go_url_parse(text)
    except URLError:
        return False
    if u.host.startswith(b"."):
        return False
    if not u.host and u.path and b"." not in u.path:
        return False
    return _regexp(_URL).match(s)


def is_request_url(s: str) -> bool:
    """govalidator.IsRequestURL: Go's url.ParseRequestURI accepts S and it has a scheme."""
    from chartist.sprig.urls import URLError, go_url_parse

    if not s:
        return False
    # ParseRequestURI keeps '#' in the text; '%23' is judged the same way in every part.
    try:
        u = go_url_parse(s.replace("#", "%23"))
    except URLError:
        return False
    if not u.scheme:
        return False
    # A request URI with a scheme is either opaque or starts with a slash.
    return True
