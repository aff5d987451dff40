"""Template.parse keeps the trees of recent texts: a text parsed again under the same name,
delimiters and function names gets the same (immutable) trees; anything that changes what
parses (the function names, the delimiters) gets its own parse."""

from __future__ import annotations

import pytest

from chartist.gotemplate.errors import ParseError
from chartist.gotemplate.template import Template
from chartist.gotemplate.values import STRING, GoFunc

F = GoFunc(lambda: "f", (), result=STRING)
TEXT = '{{define "d"}}D{{end}}{{ f }}-{{ template "d" }}'


def test_same_text_same_trees() -> None:
    a = Template("t", funcs={"f": F}).parse(TEXT)
    b = Template("t", funcs={"f": F}).parse(TEXT)
    assert a.tree is b.tree
    assert a.lookup("d").tree is b.lookup("d").tree  # type: ignore[union-attr]
    assert a.execute(None) == b.execute(None) == "f-D"


def test_other_name_other_trees() -> None:
    a = Template("t", funcs={"f": F}).parse(TEXT)
    b = Template("u", funcs={"f": F}).parse(TEXT)
    assert a.tree is not b.tree
    assert b.tree is not None and b.tree.name == "u"


def test_function_names_decide() -> None:
    Template("t", funcs={"f": F}).parse(TEXT)
    with pytest.raises(ParseError, match='function "f" not defined'):
        Template("t").parse(TEXT)
    t = Template("t")
    with pytest.raises(ParseError):
        t.parse(TEXT)
    t.funcs({"f": F})  # a new name: the set's key changes
    assert t.parse(TEXT).execute(None) == "f-D"


def test_break_as_function_changes_the_parse() -> None:
    text = "{{range .}}{{break}}{{end}}"
    assert Template("t").parse(text).execute([1, 2]) == ""
    brk = GoFunc(lambda: "b", (), result=STRING)  # Go: a function named break is no keyword
    assert Template("t", funcs={"break": brk}).parse(text).execute([1, 2]) == "bb"


def test_delimiters_decide() -> None:
    text = "[[ 1 ]]{{ 2 }}"
    assert Template("t").parse(text).execute(None) == "[[ 1 ]]2"
    assert Template("t").delims("[[", "]]").parse(text).execute(None) == "1{{ 2 }}"


def test_clone_and_redefined_functions_share_the_key() -> None:
    t = Template("t", funcs={"f": F}).parse(TEXT)
    c = t.clone()
    c.funcs({"f": GoFunc(lambda: "g", (), result=STRING)})  # same names: same key
    assert c.new("t").parse(TEXT).tree is t.tree
    assert c.execute(None) == "g-D"
    assert t.execute(None) == "f-D"
