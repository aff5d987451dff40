""".helmignore rules and Go's filepath.Match, checked against Helm v4.2.3's loading."""

from __future__ import annotations

from typing import Any

import pytest
from chart_helpers import CHART_YAML

from chartist.chart import ChartError, IgnoreError, Rules, load
from chartist.chart.ignore import go_match

TREE = {
    "Chart.yaml": CHART_YAML,
    "templates/a.yaml": "a",
    "templates/.hidden": "h",
    "templates/sub/b.yaml": "b",
    "README.md": "r",
    "docs/x.txt": "x",
    "docs/y.md": "y",
    "docs/deep/z.md": "z",
    "crds/c.yaml": "c",
    "x.txt": "x",
    "a.b": "ab",
}

# (.helmignore, files Helm loads (templates + others) or Helm's error)
ROWS: list[tuple[str, Any]] = [
    (
        "",
        [
            ".helmignore",
            "README.md",
            "a.b",
            "crds/c.yaml",
            "docs/deep/z.md",
            "docs/x.txt",
            "docs/y.md",
            "templates/a.yaml",
            "templates/sub/b.yaml",
            "x.txt",
        ],
    ),
    (
        "*.md",
        [
            ".helmignore",
            "a.b",
            "crds/c.yaml",
            "docs/x.txt",
            "templates/a.yaml",
            "templates/sub/b.yaml",
            "x.txt",
        ],
    ),
    (
        "/*.md",
        [
            ".helmignore",
            "a.b",
            "crds/c.yaml",
            "docs/deep/z.md",
            "docs/x.txt",
            "docs/y.md",
            "templates/a.yaml",
            "templates/sub/b.yaml",
            "x.txt",
        ],
    ),
    (
        "docs/",
        [
            ".helmignore",
            "README.md",
            "a.b",
            "crds/c.yaml",
            "templates/a.yaml",
            "templates/sub/b.yaml",
            "x.txt",
        ],
    ),
    (
        "docs",
        [
            ".helmignore",
            "README.md",
            "a.b",
            "crds/c.yaml",
            "templates/a.yaml",
            "templates/sub/b.yaml",
            "x.txt",
        ],
    ),
    ("!*.md", "Chart.yaml file is missing"),
    ("*.txt\n!x.txt", "Chart.yaml file is missing"),
    (
        "docs/*.txt",
        [
            ".helmignore",
            "README.md",
            "a.b",
            "crds/c.yaml",
            "docs/deep/z.md",
            "docs/y.md",
            "templates/a.yaml",
            "templates/sub/b.yaml",
            "x.txt",
        ],
    ),
    (
        "/docs/*.md",
        [
            ".helmignore",
            "README.md",
            "a.b",
            "crds/c.yaml",
            "docs/deep/z.md",
            "docs/x.txt",
            "templates/a.yaml",
            "templates/sub/b.yaml",
            "x.txt",
        ],
    ),
    (
        "templates/sub/",
        [
            ".helmignore",
            "README.md",
            "a.b",
            "crds/c.yaml",
            "docs/deep/z.md",
            "docs/x.txt",
            "docs/y.md",
            "templates/a.yaml",
            "x.txt",
        ],
    ),
    (
        "# comment\n\n  *.md  ",
        [
            ".helmignore",
            "a.b",
            "crds/c.yaml",
            "docs/x.txt",
            "templates/a.yaml",
            "templates/sub/b.yaml",
            "x.txt",
        ],
    ),
    (
        "[a-z].txt",
        [
            ".helmignore",
            "README.md",
            "a.b",
            "crds/c.yaml",
            "docs/deep/z.md",
            "docs/y.md",
            "templates/a.yaml",
            "templates/sub/b.yaml",
        ],
    ),
    (
        "[^a].txt",
        [
            ".helmignore",
            "README.md",
            "a.b",
            "crds/c.yaml",
            "docs/deep/z.md",
            "docs/y.md",
            "templates/a.yaml",
            "templates/sub/b.yaml",
        ],
    ),
    (
        "x.tx?",
        [
            ".helmignore",
            "README.md",
            "a.b",
            "crds/c.yaml",
            "docs/deep/z.md",
            "docs/y.md",
            "templates/a.yaml",
            "templates/sub/b.yaml",
        ],
    ),
    (
        "\\*.md",
        [
            ".helmignore",
            "README.md",
            "a.b",
            "crds/c.yaml",
            "docs/deep/z.md",
            "docs/x.txt",
            "docs/y.md",
            "templates/a.yaml",
            "templates/sub/b.yaml",
            "x.txt",
        ],
    ),
    ("!docs/", "Chart.yaml file is missing"),
    (
        "templates/",
        [
            ".helmignore",
            "README.md",
            "a.b",
            "crds/c.yaml",
            "docs/deep/z.md",
            "docs/x.txt",
            "docs/y.md",
            "x.txt",
        ],
    ),
    (
        "sub",
        [
            ".helmignore",
            "README.md",
            "a.b",
            "crds/c.yaml",
            "docs/deep/z.md",
            "docs/x.txt",
            "docs/y.md",
            "templates/a.yaml",
            "x.txt",
        ],
    ),
    (
        "deep/",
        [
            ".helmignore",
            "README.md",
            "a.b",
            "crds/c.yaml",
            "docs/x.txt",
            "docs/y.md",
            "templates/a.yaml",
            "templates/sub/b.yaml",
            "x.txt",
        ],
    ),
    (
        "docs/deep",
        [
            ".helmignore",
            "README.md",
            "a.b",
            "crds/c.yaml",
            "docs/x.txt",
            "docs/y.md",
            "templates/a.yaml",
            "templates/sub/b.yaml",
            "x.txt",
        ],
    ),
    ("*.md\n!README.md", "Chart.yaml file is missing"),
    (
        "/x.txt",
        [
            ".helmignore",
            "README.md",
            "a.b",
            "crds/c.yaml",
            "docs/deep/z.md",
            "docs/x.txt",
            "docs/y.md",
            "templates/a.yaml",
            "templates/sub/b.yaml",
        ],
    ),
    (
        "a.?",
        [
            ".helmignore",
            "README.md",
            "crds/c.yaml",
            "docs/deep/z.md",
            "docs/x.txt",
            "docs/y.md",
            "templates/a.yaml",
            "templates/sub/b.yaml",
            "x.txt",
        ],
    ),
    (
        "[a-c].[b]",
        [
            ".helmignore",
            "README.md",
            "crds/c.yaml",
            "docs/deep/z.md",
            "docs/x.txt",
            "docs/y.md",
            "templates/a.yaml",
            "templates/sub/b.yaml",
            "x.txt",
        ],
    ),
    ("[", "syntax error in pattern"),
    ("**/*.md", "double-star (**) syntax is not supported"),
    ("x[", "syntax error in pattern"),
]


@pytest.mark.parametrize(("rules", "want"), ROWS, ids=[repr(r) for r, _ in ROWS])
def test_helmignore_like_helm(chart_dir, rules: str, want: Any) -> None:
    path = chart_dir({**TREE, ".helmignore": rules})
    if isinstance(want, str):
        with pytest.raises(ChartError) as exc:
            load(path)
        assert str(exc.value) == want
    else:
        chart = load(path)
        assert sorted([f.name for f in chart.templates] + [f.name for f in chart.files]) == want


@pytest.mark.parametrize(
    ("rules", "path", "is_dir", "ignored"),
    [
        # Helm's negation ignores what does NOT match, and lets matches fall through.
        ("!*.md", "x.txt", False, True),
        ("!*.md", "README.md", False, False),
        ("!docs/", "docs", True, False),
        ("!docs/", "docs/x.txt", False, True),
        ("*.txt\n!x.txt", "x.txt", False, True),
        ("*.txt\n!x.txt", "y.md", False, True),
        # A trailing slash only matches directories; no slash matches base names anywhere.
        ("docs/", "docs", True, True),
        ("docs/", "docs", False, False),
        ("z.md", "docs/deep/z.md", False, True),
        ("deep/z.md", "docs/deep/z.md", False, False),
        ("/x.txt", "docs/x.txt", False, False),
        ("/x.txt", "x.txt", False, True),
        ("", ".", True, False),
        ("*", "", False, False),
    ],
)
def test_rules(rules: str, path: str, is_dir: bool, ignored: bool) -> None:
    assert Rules.parse(rules).ignore(path, is_dir) is ignored


def test_default_rule_hides_template_dotfiles() -> None:
    r = Rules()
    r.add_defaults()
    assert r.ignore("templates/.x.yaml", False)
    assert not r.ignore("templates/x.yaml", False)
    assert not r.ignore(".x.yaml", False)


def test_bom_and_crlf() -> None:
    r = Rules.parse("\ufeff*.md\r\n/x.txt\r\n")
    assert r.ignore("a.md", False) and r.ignore("x.txt", False) and not r.ignore("y.txt", False)


@pytest.mark.parametrize(
    ("pattern", "name", "want"),
    [
        ("*", "abc", True),
        ("*", "a/b", False),
        ("a*", "a", True),
        ("a*c", "abbbc", True),
        ("a*b*c", "axbxbxc", True),
        ("a*/b", "abc/b", True),
        ("a*/b", "a/c/b", False),
        ("?", "é", True),
        ("?", "/", False),
        ("[a-c]", "b", True),
        ("[^a-c]", "d", True),
        ("[^a-c]", "/", True),
        ("[!a]", "!", True),
        ("[\\]]", "]", True),
        ("[c-a]", "b", False),
        ("\\*", "*", True),
        ("a\\", "a", IgnoreError),
        ("[", "a", IgnoreError),
        ("[]", "a", IgnoreError),
        ("[a-", "a", IgnoreError),
        ("[^]", "a", IgnoreError),
        ("[-a]", "a", IgnoreError),
        ("a*b", "abab", True),
        ("*x", "a/x", False),
        ("*[*]", "a*", True),
        # Stars take the fewest characters: linear, where a backtracking regex takes ages.
        ("*a" * 12 + "*b", "a" * 250, False),
        ("*a" * 12, "a" * 250, True),
        ("*?" * 12 + "/", "a" * 250, False),
    ],
)
def test_go_filepath_match(pattern: str, name: str, want: Any) -> None:
    if want is IgnoreError:
        with pytest.raises(IgnoreError, match="syntax error in pattern"):
            go_match(pattern, name)
    else:
        assert go_match(pattern, name) is want
