"""Sprig's uuidv4 and getHostByName, and the presence of every function of the groups
crypto, dates, semver, hashes, uuid, url, paths and network (Sprig v3.3.0 functions.go)."""

from __future__ import annotations

import importlib
import re
import socket
import uuid

import pytest

from chartist.gotemplate.values import FuncError, GoFunc
from chartist.sprig import network, uuids

UUID = re.compile(r"\A[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\Z")


def test_uuidv4():
    f = uuids.FUNCS["uuidv4"]
    values = {f() for _ in range(50)}
    assert len(values) == 50
    for v in values:
        assert UUID.match(v)
        assert uuid.UUID(v).version == 4
    assert f.params == () and f.result == "string"


def test_get_host_by_name_is_disabled_by_default():
    # Helm's engine returns "" unless DNS lookups are enabled ({{ getHostByName "localhost" }} -> "").
    assert network.FUNCS["getHostByName"]("localhost") == ""
    assert network.FUNCS["getHostByName"]("example.com") == ""


def test_get_host_by_name_with_dns(monkeypatch):
    f = network.DNS_FUNCS["getHostByName"]
    assert isinstance(f, GoFunc) and f.name == "getHostByName" and f.params == ("string",)

    def fake(name, port, *args, **kwargs):
        assert name == "svc.example"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", 0))] * 2

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    assert f("svc.example") == "10.0.0.7"


def test_get_host_by_name_unresolvable(monkeypatch):
    def fail(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    # Sprig indexes the empty result: Go's template engine reports rand.Intn's panic.
    with pytest.raises(FuncError, match=r"^invalid argument to Intn$"):
        network.DNS_FUNCS["getHostByName"]("nope.invalid")


# Sprig v3.3.0 genericMap, for the groups implemented by these modules.
SPRIG_GROUPS = {
    "dates": [
        "ago", "date", "date_in_zone", "date_modify", "dateInZone", "dateModify", "duration",
        "durationRound", "htmlDate", "htmlDateInZone", "must_date_modify", "mustDateModify",
        "mustToDate", "now", "toDate", "unixEpoch",
    ],
    "hashes": ["sha1sum", "sha256sum", "sha512sum", "adler32sum"],
    "crypto": [
        "bcrypt", "htpasswd", "genPrivateKey", "derivePassword", "buildCustomCert", "genCA",
        "genCAWithKey", "genSelfSignedCert", "genSelfSignedCertWithKey", "genSignedCert",
        "genSignedCertWithKey", "encryptAES", "decryptAES", "randBytes",
    ],
    "uuids": ["uuidv4"],
    "semverfuncs": ["semver", "semverCompare"],
    "urls": ["urlParse", "urlJoin"],
    "paths": ["base", "dir", "clean", "ext", "isAbs", "osBase", "osClean", "osDir", "osExt", "osIsAbs"],
    "network": ["getHostByName"],
}  # fmt: skip


@pytest.mark.parametrize("group", sorted(SPRIG_GROUPS))
def test_group_has_every_sprig_function(group):
    funcs = importlib.import_module(f"chartist.sprig.{group}").FUNCS
    assert sorted(funcs) == sorted(SPRIG_GROUPS[group])
    for name, f in funcs.items():
        assert isinstance(f, GoFunc), name
