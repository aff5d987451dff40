"""The List action and label selectors, with Helm's list fixture (pkg/cmd/list_test.go) and
apimachinery's selector grammar and messages (k8s.io/apimachinery v0.36 labels/selector.go)."""

from __future__ import annotations

import pytest

from chartist.action.configuration import ActionError
from chartist.action.labels import SelectorError, parse_selector
from chartist.action.list import List

from .read_support import list_fixture, memory_cfg, simple

ALL_DEFAULT = ["drax", "gamora", "groot", "hummingbird", "iguana", "rocket", "starlord", "thanos"]

# (id, List fields, expected (name, revision) in order) — orders from Helm's goldens.
LIST_CASES = [
    ("all", {}, ALL_DEFAULT),
    ("date", {"by_date": True}, ["drax", "gamora", "groot", "starlord", "thanos", "rocket", "hummingbird", "iguana"]),
    ("date-reverse", {"by_date": True, "sort_reverse": True},
     ["iguana", "hummingbird", "rocket", "thanos", "starlord", "groot", "gamora", "drax"]),
    ("reverse", {"sort_reverse": True}, list(reversed(ALL_DEFAULT))),
    ("failed", {"failed": True}, ["rocket"]),
    ("pending", {"pending": True}, ["thanos"]),
    ("deployed-failed", {"deployed": True, "failed": True}, ["hummingbird", "iguana", "rocket", "starlord"]),
    ("superseded", {"superseded": True}, ["gamora", "starlord"]),
    ("uninstalled", {"uninstalled": True}, ["groot"]),
    ("uninstalling", {"uninstalling": True}, ["drax"]),
    ("max", {"limit": 1}, ["drax"]),
    ("offset", {"offset": 1}, ALL_DEFAULT[1:]),
    ("offset-past-end", {"offset": 8}, []),
    ("max-and-offset", {"limit": 2, "offset": 3}, ["hummingbird", "iguana"]),
    ("max-zero-is-no-limit", {"limit": 0}, ALL_DEFAULT),
    ("filter-all", {"filter": ".*"}, ALL_DEFAULT),
    ("filter-go-regexp", {"filter": "^[a-h]"}, ["drax", "gamora", "groot", "hummingbird"]),
    ("filter-unanchored", {"filter": "ar"}, ["starlord"]),
    ("all-namespaces", {"all_namespaces": True}, [*ALL_DEFAULT[:7], "starlord", "thanos"]),
]  # fmt: skip


@pytest.mark.parametrize("fields, want", [c[1:] for c in LIST_CASES], ids=[c[0] for c in LIST_CASES])
def test_list(fields: dict, want: list[str]) -> None:
    action = List(memory_cfg(*list_fixture()), **fields)
    action.set_state_mask()
    assert [r.name for r in action.run()] == want


def test_list_shows_newest_revision_and_other_namespace() -> None:
    got = List(memory_cfg(*list_fixture()), all_namespaces=True).run()
    assert [(r.name, r.namespace, r.version) for r in got if r.name == "starlord"] == [
        ("starlord", "default", 2),
        ("starlord", "milano", 2),
    ]
    got = List(memory_cfg(*list_fixture(), namespace="milano")).run()
    assert [(r.name, r.namespace) for r in got] == [("starlord", "milano")]


def test_list_superseded_only_skips_the_newest_filter() -> None:
    # A failed newest revision hides the superseded one unless only superseded is asked for.
    cfg = memory_cfg(simple("a", 1, "superseded"), simple("a", 2, "failed"))
    action = List(cfg, superseded=True)
    action.set_state_mask()
    assert [(r.name, r.version) for r in action.run()] == [("a", 1)]
    action = List(cfg, superseded=True, failed=True)
    action.set_state_mask()
    assert [(r.name, r.version) for r in action.run()] == [("a", 2)]


def test_list_unknown_status_is_never_listed() -> None:
    cfg = memory_cfg(simple("odd", 1, "unknown"), simple("weird", 1, "exotic"), simple("ok", 1, "deployed"))
    assert [r.name for r in List(cfg).run()] == ["ok"]


def test_list_selector_uses_stored_labels() -> None:
    cfg = memory_cfg(
        simple("a", 1, "deployed", labels={"team": "x", "tier": "1"}),
        simple("b", 1, "deployed", labels={"team": "y", "tier": "5"}),
        simple("c", 1, "deployed"),
        helm_labels=False,
    )
    for selector, want in [
        ("team=x", ["a"]),
        ("team!=x", ["b", "c"]),
        ("team", ["a", "b"]),
        ("!team", ["c"]),
        ("team in (x,y)", ["a", "b"]),
        ("team notin (x)", ["b", "c"]),
        ("tier>2", ["b"]),
        ("tier<2", ["a"]),
        ("owner=helm,status=deployed", ["a", "b", "c"]),  # the system labels of the storage object
    ]:
        assert [r.name for r in List(cfg, selector=selector).run()] == want, selector


def test_list_bad_filter() -> None:
    with pytest.raises(ActionError, match=r"^error parsing regexp: missing closing \): `\(`$"):
        List(memory_cfg(*list_fixture()), filter="(").run()


# (id, selector, matches {labels} -> bool list over LABEL_SETS)
LABEL_SETS = [{}, {"a": "1"}, {"a": "2", "b": "x"}, {"b": ""}]
SELECT_CASES = [
    ("empty", "", [True, True, True, True]),
    ("eq", "a=1", [False, True, False, False]),
    ("eqeq", "a==2", [False, False, True, False]),
    ("ne", "a!=1", [True, False, True, True]),
    ("exists", "b", [False, False, True, True]),
    ("not-exists", "!b", [True, True, False, False]),
    ("in", "a in (1,2)", [False, True, True, False]),
    ("notin", "a notin (1)", [True, False, True, True]),
    ("empty-value", "b=", [False, False, False, True]),
    ("in-empty-set", "b in ()", [False, False, False, True]),
    ("gt", "a>1", [False, False, True, False]),
    ("lt", "a<2", [False, True, False, False]),
    ("and", "a=2,b=x", [False, False, True, False]),
    ("spaces", "  a  =  1 ", [False, True, False, False]),
    ("in-is-a-value", "a in (in)", [False, False, False, False]),
]


@pytest.mark.parametrize("text, want", [c[1:] for c in SELECT_CASES], ids=[c[0] for c in SELECT_CASES])
def test_selector_matches(text: str, want: list[bool]) -> None:
    sel = parse_selector(text)
    assert [sel.matches(labels) for labels in LABEL_SETS] == want


NAME_RULE = (
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
)
VALUE_RULE = (
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must "
    "start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for "
    "validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
)
# (id, selector, apimachinery's error)
SELECT_ERRORS = [
    ("trailing-comma", "a=1,", "found '', expected: identifier after ','"),
    ("leading-comma", ",a", "found ',', expected: !, identifier, or 'end of string'"),
    ("two-values", "a=1 2", "found '2', expected: ',' or 'end of string'"),
    ("no-operator", "a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"),
    ("bad-key", "k@y=1", f'unable to parse requirement: <nil>: Invalid value: "k@y": {NAME_RULE}'),
    ("bad-value", "a=b@d", f'unable to parse requirement: values[0][a]: Invalid value: "b@d": {VALUE_RULE}'),
    ("gt-not-int", "a>x",
     'unable to parse requirement: values[0]: Invalid value: "x": for \'Gt\', \'Lt\' operators, the value must be an integer'),
    ("in-without-paren", "a in 1", "unable to parse requirement: found '1' expected: '('"),
    ("in-unclosed", "a in (1", "unable to parse requirement: found '', expected: ',' or ')'"),
    ("empty-prefix", "/a=1", 'unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty'),
    ("not-with-value", "!a=1", "found '=', expected: ',' or 'end of string'"),
    ("too-long-value", "a=" + "x" * 64,
     f'unable to parse requirement: values[0][a]: Invalid value: "{"x" * 64}": must be no more than 63 bytes'),
]  # fmt: skip


@pytest.mark.parametrize("text, message", [c[1:] for c in SELECT_ERRORS], ids=[c[0] for c in SELECT_ERRORS])
def test_selector_errors(text: str, message: str) -> None:
    with pytest.raises(SelectorError) as err:
        parse_selector(text)
    assert str(err.value) == message
