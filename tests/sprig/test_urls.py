"""Sprig urlParse / urlJoin (Go net/url); expected values rendered by Helm v4.2.3 (Go 1.26)."""

from __future__ import annotations

import pytest

from chartist.gotemplate.values import FuncError
from chartist.sprig.urls import FUNCS

url_parse = FUNCS["urlParse"]
url_join = FUNCS["urlJoin"]

KEYS = ("scheme", "host", "hostname", "path", "query", "opaque", "fragment", "userinfo")

# url, (scheme, host, hostname, path, query, opaque, fragment, userinfo), urlParse | urlJoin
PARSE_ROWS = [
    ("postgres://a:1,b:2/", ("postgres", "a:1,b:2", "a:1,b", "/", "", "", "", ""), "postgres://a:1,b:2/"),
    ("x://a:1:2/", ("x", "a:1:2", "a:1", "/", "", "", "", ""), "x://a:1:2/"),
    (
        "http://[::ffff:1.2.3.4]/",
        ("http", "[::ffff:1.2.3.4]", "::ffff:1.2.3.4", "/", "", "", "", ""),
        "http://[::ffff:1.2.3.4]/",
    ),
    (
        "http://[fe80::1%25en0]/",
        ("http", "[fe80::1%en0]", "fe80::1%en0", "/", "", "", "", ""),
        "http://[fe80::1%25en0]/",
    ),
    ("http://u@p@host/", ("http", "host", "host", "/", "", "", "", "u%40p"), "http://u%40p@host/"),
    (
        "http://[fe80::1%25%65n0]/",
        ("http", "[fe80::1%en0]", "fe80::1%en0", "/", "", "", "", ""),
        "http://[fe80::1%25en0]/",
    ),
    (
        "http://[1:2:3:4:5:6:1.2.3.4]/",
        ("http", "[1:2:3:4:5:6:1.2.3.4]", "1:2:3:4:5:6:1.2.3.4", "/", "", "", "", ""),
        "http://[1:2:3:4:5:6:1.2.3.4]/",
    ),
    (
        "http://[2001:db8::1]:8443/p",
        ("http", "[2001:db8::1]:8443", "2001:db8::1", "/p", "", "", "", ""),
        "http://[2001:db8::1]:8443/p",
    ),
    (
        "proto://host:80/path?query#fragment",
        ("proto", "host:80", "host", "/path", "query", "", "fragment", ""),
        "proto://host:80/path?query#fragment",
    ),
    (
        "http://user:pass@host:8080/a/b?x=1&y=2#frag",
        ("http", "host:8080", "host", "/a/b", "x=1&y=2", "", "frag", "user:pass"),
        "http://user:pass@host:8080/a/b?x=1&y=2#frag",
    ),
    (
        "https://example.com",
        ("https", "example.com", "example.com", "", "", "", "", ""),
        "https://example.com",
    ),
    (
        "https://example.com/",
        ("https", "example.com", "example.com", "/", "", "", "", ""),
        "https://example.com/",
    ),
    (
        "mailto:joe@example.com",
        ("mailto", "", "", "", "", "joe@example.com", "", ""),
        "mailto:joe@example.com",
    ),
    ("file:///etc/passwd", ("file", "", "", "/etc/passwd", "", "", "", ""), "file:///etc/passwd"),
    ("//host/path", ("", "host", "host", "/path", "", "", "", ""), "//host/path"),
    ("/just/path", ("", "", "", "/just/path", "", "", "", ""), "/just/path"),
    ("relative/path", ("", "", "", "relative/path", "", "", "", ""), "relative/path"),
    ("a:b", ("a", "", "", "", "", "b", "", ""), "a:b"),
    ("./a:b", ("", "", "", "./a:b", "", "", "", ""), "./a:b"),
    (
        "HTTP://EXAMPLE.COM/A",
        ("http", "EXAMPLE.COM", "EXAMPLE.COM", "/A", "", "", "", ""),
        "http://EXAMPLE.COM/A",
    ),
    (
        "http://[fe80::1%25en0]:8080/x",
        ("http", "[fe80::1%en0]:8080", "fe80::1%en0", "/x", "", "", "", ""),
        "http://[fe80::1%25en0]:8080/x",
    ),
    ("http://[::1]/", ("http", "[::1]", "::1", "/", "", "", "", ""), "http://[::1]/"),
    ("http://host:/x", ("http", "host:", "host", "/x", "", "", "", ""), "http://host:/x"),
    (
        "http://user%40x:p%3Ass@host",
        ("http", "host", "host", "", "", "", "", "user%40x:p%3Ass"),
        "http://user%40x:p%3Ass@host",
    ),
    (
        "http://ü.com/pä th?q=ä#fü",
        ("http", "ü.com", "ü.com", "/pä th", "q=ä", "", "fü", ""),
        "http://%C3%BC.com/p%C3%A4%20th?q=ä#f%C3%BC",
    ),
    ("http://host/a%2Fb?c", ("http", "host", "host", "/a/b", "c", "", "", ""), "http://host/a/b?c"),
    ("http://host/a%2fb", ("http", "host", "host", "/a/b", "", "", "", ""), "http://host/a/b"),
    ("http://host/%7Euser", ("http", "host", "host", "/~user", "", "", "", ""), "http://host/~user"),
    ("http://host/a b", ("http", "host", "host", "/a b", "", "", "", ""), "http://host/a%20b"),
    ("?only=query", ("", "", "", "", "only=query", "", "", ""), "?only=query"),
    ("#only-frag", ("", "", "", "", "", "", "only-frag", ""), "#only-frag"),
    ("", ("", "", "", "", "", "", "", ""), ""),
    ("*", ("", "", "", "*", "", "", "", ""), "*"),
    ("http://host/?", ("http", "host", "host", "/", "", "", "", ""), "http://host/"),
    ("http://host/??", ("http", "host", "host", "/", "?", "", "", ""), "http://host/??"),
    ("http://host/#", ("http", "host", "host", "/", "", "", "", ""), "http://host/"),
    ("http://host/#a%20b", ("http", "host", "host", "/", "", "", "a b", ""), "http://host/#a%20b"),
    ("http://host/#a b", ("http", "host", "host", "/", "", "", "a b", ""), "http://host/#a%20b"),
    ("x://@host", ("x", "host", "host", "", "", "", "", ""), "x://host"),
    ("x://:@host", ("x", "host", "host", "", "", "", "", ":"), "x://:@host"),
    ("x://u:@host", ("x", "host", "host", "", "", "", "", "u:"), "x://u:@host"),
    (
        "http://host/p;a,r@m:s?q",
        ("http", "host", "host", "/p;a,r@m:s", "q", "", "", ""),
        "http://host/p;a,r@m:s?q",
    ),
    ("s3://bucket/key.txt", ("s3", "bucket", "bucket", "/key.txt", "", "", "", ""), "s3://bucket/key.txt"),
    (
        "oci://registry.io/chart",
        ("oci", "registry.io", "registry.io", "/chart", "", "", "", ""),
        "oci://registry.io/chart",
    ),
    (
        "http://host/a/./b/../c",
        ("http", "host", "host", "/a/./b/../c", "", "", "", ""),
        "http://host/a/./b/../c",
    ),
    ("http://x/ü%C3%BC", ("http", "x", "x", "/üü", "", "", "", ""), "http://x/%C3%BC%C3%BC"),
    ("http://x#frag#more", ("http", "x", "x", "", "", "", "frag#more", ""), "http://x#frag%23more"),
    ("http://x/?a=1#", ("http", "x", "x", "/", "a=1", "", "", ""), "http://x/?a=1"),
    ("foo:/bar", ("foo", "", "", "/bar", "", "", "", ""), "foo:///bar"),
    ("foo:bar/baz?q#f", ("foo", "", "", "", "q", "bar/baz", "f", ""), "foo:bar/baz?q#f"),
    ("http://x:8080", ("http", "x:8080", "x", "", "", "", "", ""), "http://x:8080"),
    ("http://a@b@c/", ("http", "c", "c", "/", "", "", "", "a%40b"), "http://a%40b@c/"),
    ("http://x/%2e%2E/", ("http", "x", "x", "/../", "", "", "", ""), "http://x/../"),
]

# url, error of urlParse (Sprig panics; the template sees this text)
PARSE_ERROR_ROWS = [
    ("http://a:b:80/", 'unable to parse url: parse "http://a:b:80/": invalid port ":b:80" after host'),
    ("http://a:1:2/", 'unable to parse url: parse "http://a:1:2/": invalid port ":1:2" after host'),
    ("http://[1.2.3.4]/", 'unable to parse url: parse "http://[1.2.3.4]/": invalid IP-literal'),
    ("http://a[::1]/", 'unable to parse url: parse "http://a[::1]/": invalid IP-literal'),
    ("http://[::1]x/", 'unable to parse url: parse "http://[::1]x/": invalid port "x" after host'),
    ("http://[fe80::1%en0]/", 'unable to parse url: parse "http://[fe80::1%en0]/": invalid URL escape "%en"'),
    (
        "http://[]/",
        'unable to parse url: parse "http://[]/": invalid host: ParseAddr(""): unable to parse IP',
    ),
    (
        "http://[:::]/",
        'unable to parse url: parse "http://[:::]/": invalid host: ParseAddr(":::"): each colon-separated field must have at least one digit (at ":")',
    ),
    (
        "http://[1::2::3]/",
        'unable to parse url: parse "http://[1::2::3]/": invalid host: ParseAddr("1::2::3"): multiple :: in address (at ":3")',
    ),
    (
        "http://[12345::]/",
        'unable to parse url: parse "http://[12345::]/": invalid host: ParseAddr("12345::"): each group must have 4 or less digits (at "12345::")',
    ),
    (
        "http://[::1%25]/",
        'unable to parse url: parse "http://[::1%25]/": invalid host: ParseAddr("::1%"): zone must be a non-empty string',
    ),
    (
        "http://[::g]/",
        'unable to parse url: parse "http://[::g]/": invalid host: ParseAddr("::g"): each colon-separated field must have at least one digit (at "g")',
    ),
    (
        "http://[1:2:3:4:5:6:7:8:9]/",
        'unable to parse url: parse "http://[1:2:3:4:5:6:7:8:9]/": invalid host: ParseAddr("1:2:3:4:5:6:7:8:9"): trailing garbage after address (at "9")',
    ),
    (
        "http://[1:2:3:4:5:6:7]/",
        'unable to parse url: parse "http://[1:2:3:4:5:6:7]/": invalid host: ParseAddr("1:2:3:4:5:6:7"): address string too short',
    ),
    (
        "http://[::1.2.3]/",
        'unable to parse url: parse "http://[::1.2.3]/": invalid host: ParseAddr("::1.2.3"): IPv4 address too short',
    ),
    (
        "http://[::1.2.3.256]/",
        'unable to parse url: parse "http://[::1.2.3.256]/": invalid host: ParseAddr("::1.2.3.256"): IPv4 field has value >255',
    ),
    (
        "http://[::01.2.3.4]/",
        'unable to parse url: parse "http://[::01.2.3.4]/": invalid host: ParseAddr("::01.2.3.4"): IPv4 field has octet with leading zero',
    ),
    (
        "http://[::1]:80%31/",
        'unable to parse url: parse "http://[::1]:80%31/": invalid port ":80%31" after host',
    ),
    (
        "http://[1:2:3:4:5:6:7:8::]/",
        'unable to parse url: parse "http://[1:2:3:4:5:6:7:8::]/": invalid host: ParseAddr("1:2:3:4:5:6:7:8::"): the :: must expand to at least one field of zeros',
    ),
    (
        "http://[1:2:3:4:5:6:7:1.2.3.4]/",
        'unable to parse url: parse "http://[1:2:3:4:5:6:7:1.2.3.4]/": invalid host: ParseAddr("1:2:3:4:5:6:7:1.2.3.4"): embedded IPv4 address must replace the final 2 fields of the address (at "1.2.3.4")',
    ),
    (
        "http://[1:1.2.3.4]/",
        'unable to parse url: parse "http://[1:1.2.3.4]/": invalid host: ParseAddr("1:1.2.3.4"): embedded IPv4 address must replace the final 2 fields of the address (at "1.2.3.4")',
    ),
    (
        "http://[::1:]/",
        'unable to parse url: parse "http://[::1:]/": invalid host: ParseAddr("::1:"): colon must be followed by more characters (at ":")',
    ),
    (
        "http://[::1.2..3]/",
        'unable to parse url: parse "http://[::1.2..3]/": invalid host: ParseAddr("::1.2..3"): IPv4 field must have at least one digit (at ".3")',
    ),
    (
        "http://[::1.2.3.4.5]/",
        'unable to parse url: parse "http://[::1.2.3.4.5]/": invalid host: ParseAddr("::1.2.3.4.5"): IPv4 address too long',
    ),
    (
        "http://[%25x]/",
        'unable to parse url: parse "http://[%25x]/": invalid host: ParseAddr("%x"): missing IPv6 address',
    ),
    (
        "http://[1.2.3]/",
        'unable to parse url: parse "http://[1.2.3]/": invalid host: ParseAddr("1.2.3"): IPv4 address too short',
    ),
    (
        "http://[1.2.3.a]/",
        'unable to parse url: parse "http://[1.2.3.a]/": invalid host: ParseAddr("1.2.3.a"): unexpected character (at "a")',
    ),
    (
        "http://[::12x]/",
        'unable to parse url: parse "http://[::12x]/": invalid host: ParseAddr("::12x"): unexpected character, want colon (at "x")',
    ),
    ("http://[::1", "unable to parse url: parse \"http://[::1\": missing ']' in host"),
    ("http://host:port/", 'unable to parse url: parse "http://host:port/": invalid port ":port" after host'),
    ("http://h%41st/", 'unable to parse url: parse "http://h%41st/": invalid URL escape "%41"'),
    ("http://h%zzst/", 'unable to parse url: parse "http://h%zzst/": invalid URL escape "%zz"'),
    ("http://us er@host", 'unable to parse url: parse "http://us er@host": net/url: invalid userinfo'),
    (":nope", 'unable to parse url: parse ":nope": missing protocol scheme'),
    ("http://host/#%zz", 'unable to parse url: parse "http://host/#%zz": invalid URL escape "%zz"'),
    ("http://host/%zz", 'unable to parse url: parse "http://host/%zz": invalid URL escape "%zz"'),
    ("http://a b.com/", 'unable to parse url: parse "http://a b.com/": invalid character " " in host name'),
    (
        "http://host\n/",
        'unable to parse url: parse "http://host\\n/": net/url: invalid control character in URL',
    ),
    (
        "http://[::1]:namedport",
        'unable to parse url: parse "http://[::1]:namedport": invalid port ":namedport" after host',
    ),
    ("http://[fe80::1%en0]/", 'unable to parse url: parse "http://[fe80::1%en0]/": invalid URL escape "%en"'),
    ("ht tp://x", 'unable to parse url: parse "ht tp://x": first path segment in URL cannot contain colon'),
    ("1http://x", 'unable to parse url: parse "1http://x": first path segment in URL cannot contain colon'),
    ("http://x:-1/", 'unable to parse url: parse "http://x:-1/": invalid port ":-1" after host'),
    (
        "http://[v1.fe]/",
        'unable to parse url: parse "http://[v1.fe]/": invalid host: ParseAddr("v1.fe"): unexpected character (at "v1.fe")',
    ),
    ("http://%41:8080/", 'unable to parse url: parse "http://%41:8080/": invalid URL escape "%41"'),
]

# dict given to urlJoin, result
JOIN_ROWS = [
    ({"scheme": "http", "host": "h", "path": "p"}, "http://h/p"),
    ({"scheme": "http", "host": "h", "path": "/p"}, "http://h/p"),
    ({"path": "a:b"}, "./a:b"),
    ({"path": "a:b/c"}, "./a:b/c"),
    ({"path": "/a:b"}, "/a:b"),
    ({"scheme": "mailto", "opaque": "x@y", "path": "ignored"}, "mailto:x@y"),
    ({"host": "h"}, "//h"),
    ({"userinfo": "u:p"}, "//u:p@"),
    ({"userinfo": "u"}, "//u@"),
    (
        {"userinfo": "u p:x"},
        FuncError('unable to parse userinfo in dict: parse "proto://u p:x@host": net/url: invalid userinfo'),
    ),
    (
        {"userinfo": "u%zz"},
        FuncError('unable to parse userinfo in dict: parse "proto://u%zz@host": invalid URL escape "%zz"'),
    ),
    ({"userinfo": "a@b:c"}, "//a%40b:c@"),
    (
        {"scheme": "http", "host": "ü.com", "path": "/ä b?#", "query": "a b", "fragment": "f g#!()*'"},
        "http://%C3%BC.com/%C3%A4%20b%3F%23?a b#f%20g%23!()*%27",
    ),
    ({"scheme": "x", "query": ""}, "x:"),
    ({}, ""),
    ({"fragment": "x"}, "#x"),
    ({"path": "*"}, "*"),
    ({"host": "[::1]:80", "path": "x"}, "//[::1]:80/x"),
    ({"host": 'a b<>"{}'}, '//a%20b<>"%7B%7D'),
    ({"scheme": "http", "host": "h", "userinfo": "user:pa:ss@/?"}, "http://user:pa%3Ass@h"),
]

# dict given to urlJoin with a non-string value, error
JOIN_ERROR_ROWS = [
    ({"scheme": 1}, "unable to parse scheme key, must be of type string, but int found"),
    ({"path": True}, "unable to parse path key, must be of type string, but bool found"),
    ({"host": None}, "runtime error: invalid memory address or nil pointer dereference"),
    ({"query": []}, "unable to parse query key, must be of type string, but slice found"),
    ({"scheme": 1.5}, "unable to parse scheme key, must be of type string, but float64 found"),
]


@pytest.mark.parametrize(("url", "want", "joined"), PARSE_ROWS, ids=[repr(r[0]) for r in PARSE_ROWS])
def test_url_parse(url, want, joined):
    got = url_parse(url)
    assert sorted(got) == sorted(KEYS)
    assert tuple(got[k] for k in KEYS) == want
    assert url_join(got) == joined


@pytest.mark.parametrize(("url", "want"), PARSE_ERROR_ROWS, ids=[repr(r[0]) for r in PARSE_ERROR_ROWS])
def test_url_parse_error(url, want):
    with pytest.raises(FuncError) as err:
        url_parse(url)
    assert str(err.value) == want


@pytest.mark.parametrize("row", JOIN_ROWS, ids=[repr(r[0]) for r in JOIN_ROWS])
def test_url_join(row):
    d, want = row
    if isinstance(want, FuncError):
        with pytest.raises(FuncError) as err:
            url_join(d)
        assert str(err.value) == str(want)
    else:
        assert url_join(d) == want


@pytest.mark.parametrize(("d", "want"), JOIN_ERROR_ROWS, ids=[repr(r[0]) for r in JOIN_ERROR_ROWS])
def test_url_join_error(d, want):
    with pytest.raises(FuncError) as err:
        url_join(d)
    assert str(err.value) == want


def test_url_join_ignores_unknown_keys():
    # {{ dict "other" 1 | urlJoin }} renders "".
    assert url_join({"other": 1}) == ""


def test_signatures():
    assert url_parse.params == ("string",) and url_parse.result == "map[string]interface {}"
    assert url_join.params == ("map[string]interface {}",) and url_join.result == "string"
