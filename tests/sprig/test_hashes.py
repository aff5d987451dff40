"""Sprig hash functions; expected digests rendered by Helm v4.2.3."""

from __future__ import annotations

import pytest

from chartist.gotemplate.values import GoFunc
from chartist.sprig.hashes import FUNCS

ROWS = [
    ("sha1sum", "", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
    ("sha1sum", "abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
    ("sha1sum", "Hello, 世界", "ec105952aaab47ed409894bea51b26b641361df7"),
    ("sha1sum", "a" * 1000, "291e9a6c66994949b57ba5e650361e98fc36b1ba"),
    ("sha1sum", "\n\t x", "f6575ce10f9a2e8b795812f949d6b9ddbe97dcaa"),
    # A lone byte of a cut UTF-8 sequence (substr of "ÿ"), kept by surrogateescape.
    ("sha1sum", "\udcc3", "8bf7b464aaa2c2b536aa1d76a1297c19155f5603"),
    ("sha256sum", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("sha256sum", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("sha256sum", "Hello, 世界", "a281e84c7f61393db702630c2a6807e871cd3b6896c9e56e22982d125696575c"),
    ("sha256sum", "a" * 1000, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ("sha256sum", "\n\t x", "355e541b6d31f24fee510013e39ff9abc99958afaea13c8e530870573f92f579"),
    (
        "sha512sum",
        "",
        "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
        "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
    ),
    (
        "sha512sum",
        "abc",
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
        "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    ),
    (
        "sha512sum",
        "Hello, 世界",
        "ab96e79129b670241b07fe92d135dd3f907a38a5d4b36727dc9f471a023efe35"
        "7ebc884a16e3f536f3184389f20798177f722f8ac4c697eac785fb9908738b1b",
    ),
    (
        "sha512sum",
        "a" * 1000,
        "67ba5535a46e3f86dbfbed8cbbaf0125c76ed549ff8b0b9e03e0c88cf90fa634"
        "fa7b12b47d77b694de488ace8d9a65967dc96df599727d3292a8d9d447709c97",
    ),
    (
        "sha512sum",
        "\n\t x",
        "f453d40bd411df3d756c7e3831a3dd4d97771fe7548d8b8aa27af3f03bf719a7"
        "7a870d65c14664d50387aa127e15d3086a6b6b0bd9e262ed630409e51cbb49f5",
    ),
    ("adler32sum", "", "1"),
    ("adler32sum", "abc", "38600999"),
    ("adler32sum", "Hello, 世界", "656868987"),
    ("adler32sum", "a" * 1000, "4191714040"),
    ("adler32sum", "\n\t x", "16711852"),
]


@pytest.mark.parametrize(("name", "arg", "want"), ROWS, ids=[f"{r[0]}-{r[1][:12]!r}" for r in ROWS])
def test_hash(name, arg, want):
    assert FUNCS[name](arg) == want


def test_signatures():
    assert sorted(FUNCS) == ["adler32sum", "sha1sum", "sha256sum", "sha512sum"]
    for f in FUNCS.values():
        assert isinstance(f, GoFunc)
        assert f.params == ("string",)
        assert f.result == "string"
        assert not f.error
