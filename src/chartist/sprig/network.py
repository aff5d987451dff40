"""Sprig's ``getHostByName`` as Helm v4 ships it.

Helm's engine replaces Sprig's resolver with a function returning ``""`` unless DNS lookups
are enabled (``--enable-dns``), so :data:`FUNCS` holds that default. An engine with DNS
enabled merges :data:`DNS_FUNCS` over it; that version resolves through the system resolver
and picks one address at random, as Sprig does.
"""

from __future__ import annotations

import random
import socket

from chartist.gotemplate.values import STRING, FuncError, GoFunc, gofunc

__all__ = ["DNS_FUNCS", "FUNCS"]


@gofunc(STRING, result=STRING)
def getHostByName(name: str) -> str:
    """getHostByName NAME with DNS disabled (Helm's default): always ``""``."""
    return ""


@gofunc(STRING, result=STRING)
def getHostByNameDNS(name: str) -> str:
    """getHostByName NAME with DNS enabled: one of NAME's addresses, chosen at random.

    Sprig ignores the lookup error and then indexes an empty list; Go's template engine
    reports that panic, which is the error raised here when NAME does not resolve.
    """
    try:
        infos = socket.getaddrinfo(name, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        infos = []
    addrs = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addrs:
        raise FuncError("invalid argument to Intn")
    return random.choice(addrs)


FUNCS: dict[str, GoFunc] = {"getHostByName": getHostByName}
DNS_FUNCS: dict[str, GoFunc] = {
    "getHostByName": GoFunc(getHostByNameDNS.fn, (STRING,), result=STRING, name="getHostByName")
}
