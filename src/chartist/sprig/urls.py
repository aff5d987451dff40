"""Sprig's ``urlParse`` and ``urlJoin``: Go's net/url ``Parse`` and ``URL.String``.

Hand-written because ``urllib.parse`` splits, escapes and reassembles URLs differently from
Go (scheme rules, opaque URLs, ``RawPath``/``RawFragment`` hints, host validation, the escape
sets per component, ``./`` before a colon segment). Only the parts the two functions use are
here. Strings are handled as Go bytes (UTF-8, with surrogateescape for invalid bytes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chartist.gotemplate.strconv import quote as _quote
from chartist.gotemplate.values import MAP, STRING, FuncError, GoFunc, gofunc, kind

__all__ = ["FUNCS", "GoURL", "URLError", "go_url_parse"]

_PATH, _PATH_SEGMENT, _HOST, _ZONE, _USER_PASSWORD, _QUERY_COMPONENT, _FRAGMENT = range(1, 8)
_ALNUM = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_HEX = frozenset(b"0123456789abcdefABCDEF")
_HOST_OK = frozenset(b"!$&'()*+,;=:[]<>\"")
_RESERVED = frozenset(b"$&+,/:;=?@")
_SUBDELIMS_ETC = frozenset(b"!$&'()*+,;=:@[]%")
_USERINFO_OK = frozenset(b"-._:~!$&'()*+,;=%@") | _ALNUM


class URLError(Exception):
    """A net/url parse error; ``str()`` is Go's message (``parse "x": reason``)."""


def _should_escape(c: int, mode: int) -> bool:
    if c in _ALNUM:
        return False
    if mode in (_HOST, _ZONE) and c in _HOST_OK:
        return False
    if c in b"-_.~":
        return False
    if c in _RESERVED:
        if mode == _PATH:
            return c == ord("?")
        if mode == _PATH_SEGMENT:
            return c in b"/;,?"
        if mode == _USER_PASSWORD:
            return c in b"@/?:"
        if mode == _QUERY_COMPONENT:
            return True
        if mode == _FRAGMENT:
            return False
    if mode == _FRAGMENT and c in b"!()*":
        return False
    return True


def _escape(s: bytes, mode: int) -> bytes:
    out = bytearray()
    for c in s:
        if c == 0x20 and mode == _QUERY_COMPONENT:
            out.append(0x2B)
        elif _should_escape(c, mode):
            out += b"%%%02X" % c
        else:
            out.append(c)
    return bytes(out)


def _unescape(s: bytes, mode: int) -> bytes:
    """Go's url.unescape; raises URLError with the bare reason (no ``parse "..."`` prefix)."""
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c == 0x25:  # %
            if i + 2 >= n or s[i + 1] not in _HEX or s[i + 2] not in _HEX:
                raise URLError("invalid URL escape " + _quote(_text(s[i : i + 3])))
            if mode == _HOST and int(s[i + 1 : i + 2], 16) < 8 and s[i : i + 3] != b"%25":
                raise URLError("invalid URL escape " + _quote(_text(s[i : i + 3])))
            if mode == _ZONE:
                v = int(s[i + 1 : i + 3], 16)
                if s[i : i + 3] != b"%25" and v != 0x20 and _should_escape(v, _HOST):
                    raise URLError("invalid URL escape " + _quote(_text(s[i : i + 3])))
            i += 3
        else:
            if mode in (_HOST, _ZONE) and c < 0x80 and _should_escape(c, mode):
                raise URLError("invalid character " + _quote(chr(c)) + " in host name")
            i += 1
    if b"%" not in s and not (mode == _QUERY_COMPONENT and b"+" in s):
        return s
    out = bytearray()
    i = 0
    while i < n:
        c = s[i]
        if c == 0x25:
            out.append(int(s[i + 1 : i + 3], 16))
            i += 3
            continue
        out.append(0x20 if c == 0x2B and mode == _QUERY_COMPONENT else c)
        i += 1
    return bytes(out)


def _bytes(s: str) -> bytes:
    return s.encode("utf-8", "surrogateescape")


def _text(b: bytes) -> str:
    return b.decode("utf-8", "surrogateescape")


def _valid_optional_port(port: bytes) -> bool:
    if not port:
        return True
    return port[:1] == b":" and all(0x30 <= b <= 0x39 for b in port[1:])


def _valid_encoded(s: bytes, mode: int) -> bool:
    return all(c in _SUBDELIMS_ETC or not _should_escape(c, mode) for c in s)


@dataclass(slots=True)
class GoURL:
    """The fields of Go's ``url.URL`` that urlParse/urlJoin read or write (as bytes)."""

    scheme: bytes = b""
    opaque: bytes = b""
    user: tuple[bytes, bytes | None] | None = None  # (username, password or None)
    host: bytes = b""
    path: bytes = b""
    raw_path: bytes = b""
    force_query: bool = False
    raw_query: bytes = b""
    fragment: bytes = b""
    raw_fragment: bytes = b""

    def set_path(self, p: bytes) -> None:
        self.path = _unescape(p, _PATH)
        self.raw_path = b"" if _escape(self.path, _PATH) == p else p

    def set_fragment(self, f: bytes) -> None:
        self.fragment = _unescape(f, _FRAGMENT)
        self.raw_fragment = b"" if _escape(self.fragment, _FRAGMENT) == f else f

    def escaped_path(self) -> bytes:
        if self.raw_path and _valid_encoded(self.raw_path, _PATH):
            try:
                if _unescape(self.raw_path, _PATH) == self.path:
                    return self.raw_path
            except URLError:
                pass
        if self.path == b"*":
            return b"*"
        return _escape(self.path, _PATH)

    def escaped_fragment(self) -> bytes:
        if self.raw_fragment and _valid_encoded(self.raw_fragment, _FRAGMENT):
            try:
                if _unescape(self.raw_fragment, _FRAGMENT) == self.fragment:
                    return self.raw_fragment
            except URLError:
                pass
        return _escape(self.fragment, _FRAGMENT)

    def userinfo(self) -> bytes:
        if self.user is None:
            return b""
        name, password = self.user
        s = _escape(name, _USER_PASSWORD)
        if password is not None:
            s += b":" + _escape(password, _USER_PASSWORD)
        return s

    def hostname(self) -> bytes:
        host = self.host
        colon = host.rfind(b":")
        if colon != -1 and _valid_optional_port(host[colon:]):
            host = host[:colon]
        if host.startswith(b"[") and host.endswith(b"]"):
            host = host[1:-1]
        return host

    def string(self) -> bytes:
        """Go's URL.String()."""
        buf = bytearray()
        if self.scheme:
            buf += self.scheme + b":"
        if self.opaque:
            buf += self.opaque
        else:
            if self.scheme or self.host or self.user is not None:
                if self.host or self.path or self.user is not None:
                    buf += b"//"
                if self.user is not None:
                    buf += self.userinfo() + b"@"
                if self.host:
                    buf += _escape(self.host, _HOST)
            path = self.escaped_path()
            if path and path[:1] != b"/" and self.host:
                buf += b"/"
            if not buf and b":" in path.split(b"/", 1)[0]:
                # A first segment with a colon would read as a scheme.
                buf += b"./"
            buf += path
        if self.force_query or self.raw_query:
            buf += b"?" + self.raw_query
        if self.fragment:
            buf += b"#" + self.escaped_fragment()
        return bytes(buf)


def _get_scheme(raw: bytes) -> tuple[bytes, bytes]:
    for i, c in enumerate(raw):
        if 0x61 <= c <= 0x7A or 0x41 <= c <= 0x5A:
            continue
        if 0x30 <= c <= 0x39 or c in b"+-.":
            if i == 0:
                return b"", raw
            continue
        if c == 0x3A:
            if i == 0:
                raise URLError("missing protocol scheme")
            return raw[:i], raw[i + 1 :]
        return b"", raw
    return b"", raw


def _addr_error(text: bytes, msg: str, at: bytes | None = None) -> URLError:
    tail = f" (at {_quote(_text(at))})" if at else ""
    return URLError(f"ParseAddr({_quote(_text(text))}): {msg}{tail}")


def _check_ipv4(text: bytes, s: bytes) -> None:
    """netip's IPv4 field parser over S (a suffix of TEXT); raises its ParseAddr error."""
    val = pos = digits = 0
    for i, c in enumerate(s):
        if 0x30 <= c <= 0x39:
            if digits == 1 and val == 0:
                raise _addr_error(text, "IPv4 field has octet with leading zero")
            val = val * 10 + c - 0x30
            digits += 1
            if val > 255:
                raise _addr_error(text, "IPv4 field has value >255")
        elif c == 0x2E:
            if i == 0 or i == len(s) - 1 or s[i - 1] == 0x2E:
                raise _addr_error(text, "IPv4 field must have at least one digit", s[i:])
            if pos == 3:
                raise _addr_error(text, "IPv4 address too long")
            pos += 1
            val = digits = 0
        else:
            raise _addr_error(text, "unexpected character", s[i:])
    if pos < 3:
        raise _addr_error(text, "IPv4 address too short")


def _check_ipv6(text: bytes) -> None:
    s = text
    zone_at = s.find(b"%")
    if zone_at != -1:
        s, zone = s[:zone_at], s[zone_at + 1 :]
        if not zone:
            raise _addr_error(text, "zone must be a non-empty string")
    ellipsis = -1
    if s[:2] == b"::":
        ellipsis, s = 0, s[2:]
        if not s:
            return
    i = 0
    while i < 16:
        off = 0
        while off < len(s) and s[off] in _HEX:
            if off > 3:
                raise _addr_error(text, "each group must have 4 or less digits", s)
            off += 1
        if off == 0:
            raise _addr_error(text, "each colon-separated field must have at least one digit", s)
        if off < len(s) and s[off] == 0x2E:
            if ellipsis < 0 and i != 12:
                raise _addr_error(
                    text, "embedded IPv4 address must replace the final 2 fields of the address", s
                )
            if i + 4 > 16:
                raise _addr_error(
                    text, "too many hex fields to fit an embedded IPv4 at the end of the address", s
                )
            _check_ipv4(text, s)
            s, i = b"", i + 4
            break
        i += 2
        s = s[off:]
        if not s:
            break
        if s[0] != 0x3A:
            raise _addr_error(text, "unexpected character, want colon", s)
        if len(s) == 1:
            raise _addr_error(text, "colon must be followed by more characters", s)
        s = s[1:]
        if s[0] == 0x3A:
            if ellipsis >= 0:
                raise _addr_error(text, "multiple :: in address", s)
            ellipsis, s = i, s[1:]
            if not s:
                break
    if s:
        raise _addr_error(text, "trailing garbage after address", s)
    if i < 16 and ellipsis < 0:
        raise _addr_error(text, "address string too short")
    if i >= 16 and ellipsis >= 0:
        raise _addr_error(text, "the :: must expand to at least one field of zeros")


def _is_ipv4(text: bytes) -> bool:
    """Go's netip.ParseAddr: whether TEXT is IPv4 (else IPv6); raises URLError when neither."""
    for c in text:
        if c == 0x2E:
            _check_ipv4(text, text)
            return True
        if c == 0x3A:
            _check_ipv6(text)
            return False
        if c == 0x25:
            raise _addr_error(text, "missing IPv6 address")
    raise _addr_error(text, "unable to parse IP")


def _parse_host(scheme: bytes, host: bytes) -> bytes:
    bracket = host.rfind(b"[")
    if bracket > 0:
        raise URLError("invalid IP-literal")
    if bracket == 0:
        close = host.rfind(b"]")
        if close < 0:
            raise URLError("missing ']' in host")
        colon_port = host[close + 1 :]
        if not _valid_optional_port(colon_port):
            raise URLError(f"invalid port {_quote(_text(colon_port))} after host")
        port = _unescape(colon_port, _HOST)
        name = host[1:close]
        zone = name.find(b"%25")
        if zone >= 0:
            addr = _unescape(name[:zone], _HOST) + _unescape(name[zone:], _ZONE)
        else:
            addr = _unescape(name, _HOST)
        try:
            ipv4 = _is_ipv4(addr)
        except URLError as err:
            raise URLError(f"invalid host: {err}") from None
        if ipv4:
            raise URLError("invalid IP-literal")
        return b"[" + addr + b"]" + port
    colon = host.find(b":")
    if colon != -1:
        last = host.rfind(b":")
        # Several colons: only http(s) insist on the first one starting the port.
        if last != colon and scheme not in (b"http", b"https"):
            colon = last
        colon_port = host[colon:]
        if not _valid_optional_port(colon_port):
            raise URLError(f"invalid port {_quote(_text(colon_port))} after host")
    return _unescape(host, _HOST)


def _parse_authority(scheme: bytes, authority: bytes) -> tuple[tuple[bytes, bytes | None] | None, bytes]:
    i = authority.rfind(b"@")
    host = _parse_host(scheme, authority[i + 1 :] if i >= 0 else authority)
    if i < 0:
        return None, host
    userinfo = authority[:i]
    if not all(c in _USERINFO_OK for c in userinfo):
        raise URLError("net/url: invalid userinfo")
    if b":" not in userinfo:
        return (_unescape(userinfo, _USER_PASSWORD), None), host
    name, password = userinfo.split(b":", 1)
    return (_unescape(name, _USER_PASSWORD), _unescape(password, _USER_PASSWORD)), host


def _parse(raw: bytes) -> GoURL:
    if any(b < 0x20 or b == 0x7F for b in raw):
        raise URLError("net/url: invalid control character in URL")
    url = GoURL()
    if raw == b"*":
        url.path = b"*"
        return url
    scheme, rest = _get_scheme(raw)
    url.scheme = scheme.lower()
    if rest.endswith(b"?") and rest.count(b"?") == 1:
        url.force_query = True
        rest = rest[:-1]
    elif b"?" in rest:
        rest, url.raw_query = rest.split(b"?", 1)
    if not rest.startswith(b"/"):
        if url.scheme:
            url.opaque = rest
            return url
        if b":" in rest.split(b"/", 1)[0]:
            raise URLError("first path segment in URL cannot contain colon")
    if rest.startswith(b"//") and (url.scheme or not rest.startswith(b"///")):
        authority, rest = rest[2:], b""
        slash = authority.find(b"/")
        if slash >= 0:
            authority, rest = authority[:slash], authority[slash:]
        url.user, url.host = _parse_authority(url.scheme, authority)
    url.set_path(rest)
    return url


def go_url_parse(raw: str) -> GoURL:
    """Go's url.Parse; raises URLError whose text is Go's (``parse "RAW": reason``)."""
    data = _bytes(raw)
    u, _, frag = data.partition(b"#")
    try:
        url = _parse(u)
    except URLError as err:
        raise URLError(f"parse {_quote(_text(u))}: {err}") from None
    if not frag:
        return url
    try:
        url.set_fragment(frag)
    except URLError as err:
        raise URLError(f"parse {_quote(raw)}: {err}") from None
    return url


@gofunc(STRING, result=MAP)
def urlParse(v: str) -> dict[str, Any]:
    """urlParse URL: a dict with scheme, host, hostname, path, query, opaque, fragment, userinfo.

    Sprig panics on a URL Go cannot parse; the template sees ``unable to parse url: ...``.
    """
    try:
        u = go_url_parse(v)
    except URLError as err:
        raise FuncError(f"unable to parse url: {err}") from None
    return {
        "fragment": _text(u.fragment),
        "host": _text(u.host),
        "hostname": _text(u.hostname()),
        "opaque": _text(u.opaque),
        "path": _text(u.path),
        "query": _text(u.raw_query),
        "scheme": _text(u.scheme),
        "userinfo": _text(u.userinfo()) if u.user is not None else "",
    }


def _dict_get(d: dict[str, Any] | None, key: str) -> bytes:
    if d is None or key not in d:  # a nil map reads as empty
        return b""
    value = d[key]
    if value is None:
        # reflect.TypeOf(nil).Kind() dereferences a nil Type in Sprig.
        raise FuncError("runtime error: invalid memory address or nil pointer dereference")
    k = kind(value)
    if k != "string":
        raise FuncError(f"unable to parse {key} key, must be of type string, but {k} found")
    return _bytes(str(value))


@gofunc(MAP, result=STRING)
def urlJoin(d: dict[str, Any] | None) -> str:
    """urlJoin DICT: the URL built from urlParse's keys (missing keys are empty).

    A non-string value, or a userinfo Go cannot parse, is an error (a panic in Sprig).
    """
    url = GoURL(
        scheme=_dict_get(d, "scheme"),
        host=_dict_get(d, "host"),
        path=_dict_get(d, "path"),
        raw_query=_dict_get(d, "query"),
        opaque=_dict_get(d, "opaque"),
        fragment=_dict_get(d, "fragment"),
    )
    userinfo = _dict_get(d, "userinfo")
    if userinfo:
        try:
            url.user = go_url_parse(_text(b"proto://" + userinfo + b"@host")).user
        except URLError as err:
            raise FuncError(f"unable to parse userinfo in dict: {err}") from None
    return _text(url.string())


FUNCS: dict[str, GoFunc] = {"urlJoin": urlJoin, "urlParse": urlParse}
