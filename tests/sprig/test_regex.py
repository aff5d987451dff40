"""Sprig's regular expression functions with Go's RE2 syntax (chartist.sprig.regex).

Every row holds Helm v4.2.3's answer as a literal; ``test_rows_match_helm`` renders the rows
through Helm itself (helm_python) and is skipped when it is not installed.
"""

from __future__ import annotations

import pytest
from _sprig_rows import Err, R, check_row, helm_mismatches, ids

from chartist.gotemplate.values import FuncError, StrSlice
from chartist.sprig.regex import FUNCS

HOSTILE = [
    R("regexMatch", "(a+)+$", "a" * 5000 + "b", want=False),
    R("regexMatch", "(a|aa)+$", "a" * 5000 + "b", want=False),
    R("regexMatch", "(x+x+)+y", "x" * 5000, want=False),
    R("regexFindAll", "(a*)*b", "a" * 5000, -1, want=StrSlice([]), go="[]string|[]string(nil)"),
    R("regexFind", "(?i)(a|A)+B", "aA" * 2500 + "c", want=""),
    R("regexReplaceAll", "(.*a){20}$", "a" * 5000 + "b", "-", want="a" * 5000 + "b"),
    R("regexSplit", "(\\w+\\s?)+$", "word " * 1000 + "!", -1, want=StrSlice(["word " * 1000 + "!"])),
]

ROWS = [
    R("regexMatch", "^[a-z]+$", "abc", want=True),
    R("regexMatch", "(", "x", want=False),
    R("regexMatch", "a$", "a\n", want=False),
    R("regexMatch", "\\d", "٣", want=False),
    R("regexMatch", "(?i)k", "K", want=True),
    R("regexMatch", "(?i)i", "İ", want=False),
    R("regexMatch", "(?i)ΣΑΣ", "σας", want=True),
    R("regexMatch", "^\\p{Lu}", "Élan", want=True),
    R("regexMatch", "[[:space:]]", "\xa0", want=False),
    R("regexMatch", "\\x{1F600}", "😀", want=True),
    R("regexMatch", "^.$", "😀", want=True),
    R("regexMatch", "^..$", "é", want=False),
    R("regexMatch", "", "", want=True),
    R("mustRegexMatch", "(", "x", want=Err("error parsing regexp: missing closing ): `(`")),
    R("mustRegexMatch", "a+", "baa", want=True),
    R(
        "mustRegexMatch",
        "x**",
        "x",
        want=Err("error parsing regexp: invalid nested repetition operator: `**`"),
    ),
    R("regexFindAll", "a*", "baaa", -1, want=StrSlice(["", "aaa"])),
    R("regexFindAll", "[0-9]+", "a1b22c333", 2, want=StrSlice(["1", "22"])),
    R("regexFindAll", "x", "abc", -1, want=StrSlice([]), go="[]string|[]string(nil)"),
    R("regexFindAll", "", "abc", -1, want=StrSlice(["", "", "", ""])),
    R("regexFindAll", "a|", "bab", -1, want=StrSlice(["", "a", ""])),
    R("regexFindAll", ".", "héllo", 0, want=StrSlice([]), go="[]string|[]string(nil)"),
    R("regexFindAll", "(?i)k", "kKK", -1, want=StrSlice(["k", "K", "K"])),
    R("regexFindAll", "(?i)[k]", "kKK", -1, want=StrSlice(["k", "K", "K"])),
    R("regexFindAll", "(?i)s", "sSſ", -1, want=StrSlice(["s", "S", "ſ"])),
    R("regexFindAll", "(?i)[^s]", "sSſx", -1, want=StrSlice(["x"])),
    R("regexFindAll", "(?i)\\W", "sSſx!", -1, want=StrSlice(["!"])),
    R("regexFindAll", "(?i)[[:^lower:]]", "aB1", -1, want=StrSlice(["1"])),
    R("regexFindAll", "(?i)[a-c]", "ABCDabcd", -1, want=StrSlice(["A", "B", "C", "a", "b", "c"])),
    R("regexFindAll", "\\w+", "héllo wörld_1", -1, want=StrSlice(["h", "llo", "w", "rld_1"])),
    R("regexFindAll", "\\s", "a b\tc\xa0d\x0be\x0cf", -1, want=StrSlice([" ", "\t", "\x0c"])),
    R("regexFindAll", "\\d", "1٣2", -1, want=StrSlice(["1", "2"])),
    R("regexFindAll", "\\bé", "é aé", -1, want=StrSlice(["é"])),
    R("regexFindAll", "\\Bb", "ab b", -1, want=StrSlice(["b"])),
    R("regexFindAll", "^a", "a\na", -1, want=StrSlice(["a"])),
    R("regexFindAll", "(?m)^a", "a\na", -1, want=StrSlice(["a", "a"])),
    R("regexFindAll", "a$", "a\na", -1, want=StrSlice(["a"])),
    R("regexFindAll", "(?m)a$", "a\na\n", -1, want=StrSlice(["a", "a"])),
    R("regexFindAll", "(?m)$", "a\nb\n", -1, want=StrSlice(["", "", ""])),
    R("regexFindAll", "(?m)^", "a\nb\n", -1, want=StrSlice(["", "", ""])),
    R("regexFindAll", "\\A|\\z", "ab", -1, want=StrSlice(["", ""])),
    R(
        "regexFindAll",
        "(",
        "x",
        1,
        want=Err("regexp: Compile(`(`): error parsing regexp: missing closing ): `(`"),
    ),
    R(
        "mustRegexFindAll",
        "[[:foo:]]",
        "x",
        1,
        want=Err("error parsing regexp: invalid character class range: `[:foo:]`"),
    ),
    R("mustRegexFindAll", "b+", "abbcb", -1, want=StrSlice(["bb", "b"])),
    R("regexFind", "[0-9]+", "ab12cd34", want="12"),
    R("regexFind", "x", "abc", want=""),
    R("regexFind", "(?m)^b", "a\nb", want="b"),
    R("regexFind", "(?s)a.b", "a\nb", want="a\nb"),
    R("regexFind", "a.b", "a\nb", want=""),
    R("regexFind", "(?U)a+", "aaa", want="a"),
    R("regexFind", "(?U)a+?", "aaa", want="aaa"),
    R("regexFind", "\\bfoo\\b", "a foo b", want="foo"),
    R("regexFind", "\\Qa.b\\E+", "a.bbb", want="a.bbb"),
    R("regexFind", "[[:alpha:]]+", "12ab34", want="ab"),
    R("regexFind", "[^[:digit:]]+", "12ab34", want="ab"),
    R("regexFind", "\\pL+", "12héllo34", want="héllo"),
    R("regexFind", "\\x41\\x{42}\\101", "ABA", want="ABA"),
    R("regexFind", "\\p{Letter}+", "12ab", want="ab"),
    R("regexFind", "\\p{Cn}", "a\u0378", want="\u0378"),
    R("regexFind", "\\pC", "a\u0378", want="\u0378"),
    R("regexFind", "(?<n>a)b", "ab", want="ab"),
    R("regexFind", "\\p{Uppercase_Letter}+", "abCD", want="CD"),
    R("regexFind", "\\p{^L}+", "ab12", want="12"),
    R("regexFind", "\\PL+", "ab12", want="12"),
    R("regexFind", "[\\P{L}]+", "ab12", want="12"),
    R("regexFind", "(?i)[^k]+", "KKkz", want="z"),
    R("regexFind", "(?i)\\p{Lu}+", "abC", want="abC"),
    R("regexFind", "(?i)straße", "STRASSE", want=""),
    R("regexFind", "(?i)ß", "ẞ", want="ẞ"),
    R("regexFind", "(?i)σ", "ς", want="ς"),
    R("regexFind", "(?i:a)b", "AB", want=""),
    R("regexFind", "a(?i)b", "aB", want="aB"),
    R("regexFind", "(a(?i)b)c", "aBC", want=""),
    R("regexFind", "(?i)a(?-i)b", "Ab", want="Ab"),
    R("regexFind", "(?i)a(?-i)b", "AB", want=""),
    R("regexFind", "x{2}(?i){3}", "xxxxxxx", want="xxxxxx"),
    R("regexFind", "a{,3}", "a{,3}", want="a{,3}"),
    R("regexFind", "a{1", "a{1", want="a{1"),
    R("regexFind", "a{2,3}", "aaaa", want="aaa"),
    R("regexFind", "a{2,3}?", "aaaa", want="aa"),
    R("regexFind", "a{0}b", "ab", want="b"),
    R("regexFind", "(?U)a{2,3}", "aaaa", want="aa"),
    R("regexFind", "a{01}", "a{01}", want="a{01}"),
    R("regexFind", "x{2}{", "xx{", want="xx{"),
    R("regexFind", "[\\d\\-]+", "a-1-2", want="-1-2"),
    R("regexFind", "[\\x{41}-\\x{43}]+", "ABCD", want="ABC"),
    R("regexFind", "[\\n]", "a\nb", want="\n"),
    R("regexFind", "[.]", "a.b", want="."),
    R("regexFind", "[$^]+", "a$^b", want="$^"),
    R("regexFind", "[a\\]]+", "a]a", want="a]a"),
    R("regexFind", "[\\pN]+", "ab12", want="12"),
    R("regexFind", "\\p{Nd}+", "a٣4", want="٣4"),
    R("regexFind", "[^\\x00-\\x{10FFFF}]", "abc", want=""),
    R("regexFind", "(?s:.)", "\n", want="\n"),
    R("regexFind", "(?i)(?-i:a)A", "aA", want="aA"),
    R("regexFind", "(?i)Σ+", "σςΣ", want="σςΣ"),
    R("regexFind", "(?i)ǅ+", "ǄǅǆDž", want="Ǆǅǆ"),
    R("regexFind", "(?U)(a+)(a*)", "aaa", want="a"),
    R(
        "regexFind",
        "\\Q\\E*",
        "x",
        want=Err(
            "regexp: Compile(`\\Q\\E*`): error parsing regexp: missing argument to repetition operator: `*`"
        ),
    ),
    R("regexFind", "\\Q", "x", want=""),
    R("regexFind", "a|", "b", want=""),
    R("regexFind", "|a", "a", want=""),
    R("regexFind", "(a|ab)(c|bcd)", "abcd", want="abcd"),
    R("regexFind", "(a+|b+)*c", "aabbc", want="aabbc"),
    R("regexFind", "()", "x", want=""),
    R("regexFind", "\\pZ", "a\u3000", want="\u3000"),
    R("regexFind", "\\p{Any}+", "ab", want="ab"),
    R("regexFind", "\\p{Assigned}+", "ab\u0378", want="ab"),
    R("regexFind", "\\p{ASCII}+", "abé", want="ab"),
    R("regexFind", "[]a]+", "]a]", want="]a]"),
    R("regexFind", "[^]a]+", "]bc", want="bc"),
    R("regexFind", "[a-]+", "a-a", want="a-a"),
    R("regexFind", "[[:alpha:]-z]+", "a-z", want="a-z"),
    R("regexFind", "^*a", "a", want="a"),
    R("regexFind", "(?:)*a", "a", want="a"),
    R("regexFind", "\\b*a", "a", want="a"),
    R("regexFind", "(|a)+", "aa", want=""),
    R("regexFind", "\\12", "\n", want="\n"),
    R("regexFind", "\\0", "\x00", want="\x00"),
    R("regexFind", "\\01\\141", "\x01a", want="\x01a"),
    R("regexFind", "\\_\\-\\ ", "_- ", want="_- "),
    R("regexFind", "(?P<name>a)(?P<name>b)", "ab", want="ab"),
    R("regexFind", "(?i-m:a)", "A", want="A"),
    R(
        "regexFind",
        "[\\Q]\\E]",
        "]",
        want=Err("regexp: Compile(`[\\Q]\\E]`): error parsing regexp: invalid escape sequence: `\\Q`"),
    ),
    R("regexFind", "[[:word:][:^digit:]]+", "ab_1", want="ab_1"),
    R("regexFind", "(?m)\\Ab", "a\nb", want=""),
    R("regexFind", "a\\z", "a\n", want=""),
    R("regexFind", "\\p{Lo}+", "x\U00031350\U000323af", want="\U00031350\U000323af"),
    R("regexFind", "\\p{Nd}+", "\U0001e4f0\U0001e4f9", want="\U0001e4f0\U0001e4f9"),
    R("regexFind", "\\p{Cn}", "\U0001e4f0\u0378", want="\u0378"),
    R("regexFind", "\\p{Ll}", "\U0001df25", want="\U0001df25"),
    R("regexFind", "\\PC+", "\U0001fadc", want=""),
    R("regexFind", "(", "x", want=Err("regexp: Compile(`(`): error parsing regexp: missing closing ): `(`")),
    R(
        "regexFind",
        "a**",
        "x",
        want=Err("regexp: Compile(`a**`): error parsing regexp: invalid nested repetition operator: `**`"),
    ),
    R(
        "regexFind",
        "*",
        "x",
        want=Err("regexp: Compile(`*`): error parsing regexp: missing argument to repetition operator: `*`"),
    ),
    R(
        "regexFind",
        "x{1001}",
        "x",
        want=Err("regexp: Compile(`x{1001}`): error parsing regexp: invalid repeat count: `{1001}`"),
    ),
    R(
        "regexFind",
        "[z-a]",
        "x",
        want=Err("regexp: Compile(`[z-a]`): error parsing regexp: invalid character class range: `z-a`"),
    ),
    R(
        "regexFind",
        "\\8",
        "x",
        want=Err("regexp: Compile(`\\8`): error parsing regexp: invalid escape sequence: `\\8`"),
    ),
    R(
        "regexFind",
        "(?<=a)b",
        "x",
        want=Err("regexp: Compile(`(?<=a)b`): error parsing regexp: invalid named capture: `(?<=a)b`"),
    ),
    R(
        "regexFind",
        "(?=a)",
        "x",
        want=Err("regexp: Compile(`(?=a)`): error parsing regexp: invalid or unsupported Perl syntax: `(?=`"),
    ),
    R("regexFind", "a)", "x", want=Err("regexp: Compile(`a)`): error parsing regexp: unexpected ): `a)`")),
    R(
        "regexFind",
        "[a",
        "x",
        want=Err("regexp: Compile(`[a`): error parsing regexp: missing closing ]: `[a`"),
    ),
    R(
        "regexFind",
        "\\",
        "x",
        want=Err("regexp: Compile(`\\`): error parsing regexp: trailing backslash at end of expression: ``"),
    ),
    R(
        "regexFind",
        "`(",
        "x",
        want=Err('regexp: Compile("`("): error parsing regexp: missing closing ): ``(`'),
    ),
    R(
        "regexFind",
        "x{2}{3}",
        "x",
        want=Err(
            "regexp: Compile(`x{2}{3}`): error parsing regexp: invalid nested repetition operator: `{2}{3}`"
        ),
    ),
    R(
        "regexFind",
        "(a{500}){3}",
        "x",
        want=Err("regexp: Compile(`(a{500}){3}`): error parsing regexp: invalid repeat count: `{3}`"),
    ),
    R(
        "regexFind",
        "{2}",
        "{2}",
        want=Err(
            "regexp: Compile(`{2}`): error parsing regexp: missing argument to repetition operator: `{2}`"
        ),
    ),
    R(
        "regexFind",
        "(?i",
        "x",
        want=Err("regexp: Compile(`(?i`): error parsing regexp: invalid or unsupported Perl syntax: `(?i`"),
    ),
    R(
        "regexFind",
        "(?i-)",
        "x",
        want=Err(
            "regexp: Compile(`(?i-)`): error parsing regexp: invalid or unsupported Perl syntax: `(?i-)`"
        ),
    ),
    R(
        "regexFind",
        "(?x)",
        "x",
        want=Err("regexp: Compile(`(?x)`): error parsing regexp: invalid or unsupported Perl syntax: `(?x`"),
    ),
    R(
        "regexFind",
        "(?",
        "x",
        want=Err("regexp: Compile(`(?`): error parsing regexp: invalid or unsupported Perl syntax: `(?`"),
    ),
    R(
        "regexFind",
        "(?P<a",
        "x",
        want=Err("regexp: Compile(`(?P<a`): error parsing regexp: invalid named capture: `(?P<a`"),
    ),
    R(
        "regexFind",
        "(?P<a-b>x)",
        "x",
        want=Err("regexp: Compile(`(?P<a-b>x)`): error parsing regexp: invalid named capture: `(?P<a-b>`"),
    ),
    R(
        "regexFind",
        "[a-\\d]",
        "x",
        want=Err("regexp: Compile(`[a-\\d]`): error parsing regexp: invalid escape sequence: `\\d`"),
    ),
    R(
        "regexFind",
        "[\\b]",
        "x",
        want=Err("regexp: Compile(`[\\b]`): error parsing regexp: invalid escape sequence: `\\b`"),
    ),
    R(
        "regexFind",
        "\\x{110000}",
        "x",
        want=Err(
            "regexp: Compile(`\\x{110000}`): error parsing regexp: invalid escape sequence: `\\x{110000`"
        ),
    ),
    R(
        "regexFind",
        "\\xZZ",
        "x",
        want=Err("regexp: Compile(`\\xZZ`): error parsing regexp: invalid escape sequence: `\\xZZ`"),
    ),
    R(
        "regexFind",
        "a*+",
        "x",
        want=Err("regexp: Compile(`a*+`): error parsing regexp: invalid nested repetition operator: `*+`"),
    ),
    R(
        "regexFind",
        "a+?*",
        "x",
        want=Err("regexp: Compile(`a+?*`): error parsing regexp: invalid nested repetition operator: `+?*`"),
    ),
    R(
        "regexFind",
        "\\1",
        "x",
        want=Err("regexp: Compile(`\\1`): error parsing regexp: invalid escape sequence: `\\1`"),
    ),
    R(
        "regexFind",
        "\\p{Foo",
        "x",
        want=Err(
            "regexp: Compile(`\\p{Foo`): error parsing regexp: invalid character class range: `\\p{Foo`"
        ),
    ),
    R(
        "regexFind",
        "\\p",
        "x",
        want=Err("regexp: Compile(`\\p`): error parsing regexp: invalid character class range: `\\p`"),
    ),
    R(
        "regexFind",
        "\\pX",
        "x",
        want=Err("regexp: Compile(`\\pX`): error parsing regexp: invalid character class range: `\\pX`"),
    ),
    R(
        "regexFind",
        "a(?i",
        "x",
        want=Err("regexp: Compile(`a(?i`): error parsing regexp: invalid or unsupported Perl syntax: `(?i`"),
    ),
    R(
        "regexFind",
        "(?i)(",
        "x",
        want=Err("regexp: Compile(`(?i)(`): error parsing regexp: missing closing ): `(?i)(`"),
    ),
    R(
        "regexFind",
        "((a)",
        "x",
        want=Err("regexp: Compile(`((a)`): error parsing regexp: missing closing ): `((a)`"),
    ),
    R("regexFind", "(?:a{2}){3}x{1000}", "x", want=""),
    R(
        "regexFind",
        "((a{10}){10}){11}",
        "x",
        want=Err("regexp: Compile(`((a{10}){10}){11}`): error parsing regexp: invalid repeat count: `{11}`"),
    ),
    R(
        "regexFind",
        "x*?*",
        "x",
        want=Err("regexp: Compile(`x*?*`): error parsing regexp: invalid nested repetition operator: `*?*`"),
    ),
    R(
        "regexFind",
        "(*)",
        "x",
        want=Err(
            "regexp: Compile(`(*)`): error parsing regexp: missing argument to repetition operator: `*`"
        ),
    ),
    R(
        "regexFind",
        "|*",
        "x",
        want=Err("regexp: Compile(`|*`): error parsing regexp: missing argument to repetition operator: `*`"),
    ),
    R(
        "regexFind",
        "a|?",
        "x",
        want=Err(
            "regexp: Compile(`a|?`): error parsing regexp: missing argument to repetition operator: `?`"
        ),
    ),
    R(
        "regexFind",
        "(?i)?",
        "x",
        want=Err(
            "regexp: Compile(`(?i)?`): error parsing regexp: missing argument to repetition operator: `?`"
        ),
    ),
    R(
        "regexFind",
        "x{1,1001}",
        "x",
        want=Err("regexp: Compile(`x{1,1001}`): error parsing regexp: invalid repeat count: `{1,1001}`"),
    ),
    R(
        "regexFind",
        "x{1001,}",
        "x",
        want=Err("regexp: Compile(`x{1001,}`): error parsing regexp: invalid repeat count: `{1001,}`"),
    ),
    R(
        "regexFind",
        "x{3,2}",
        "x",
        want=Err("regexp: Compile(`x{3,2}`): error parsing regexp: invalid repeat count: `{3,2}`"),
    ),
    R(
        "regexFind",
        "x{99999999999}",
        "x",
        want=Err(
            "regexp: Compile(`x{99999999999}`): error parsing regexp: invalid repeat count: `{99999999999}`"
        ),
    ),
    R(
        "regexFind",
        "[[:alpha:]",
        "x",
        want=Err("regexp: Compile(`[[:alpha:]`): error parsing regexp: missing closing ]: `[[:alpha:]`"),
    ),
    R(
        "regexFind",
        "[[:alpha",
        "x",
        want=Err("regexp: Compile(`[[:alpha`): error parsing regexp: missing closing ]: `[[:alpha`"),
    ),
    R(
        "regexFind",
        "[]",
        "x",
        want=Err("regexp: Compile(`[]`): error parsing regexp: missing closing ]: `[]`"),
    ),
    R(
        "regexFind",
        "[^]",
        "x",
        want=Err("regexp: Compile(`[^]`): error parsing regexp: missing closing ]: `[^]`"),
    ),
    R(
        "regexFind",
        "[z-\\x{10}]",
        "x",
        want=Err(
            "regexp: Compile(`[z-\\x{10}]`): error parsing regexp: invalid character class range: `z-\\x{10}`"
        ),
    ),
    R(
        "regexFind",
        "\\z\\Z",
        "x",
        want=Err("regexp: Compile(`\\z\\Z`): error parsing regexp: invalid escape sequence: `\\Z`"),
    ),
    R(
        "regexFind",
        "\\x{}",
        "x",
        want=Err("regexp: Compile(`\\x{}`): error parsing regexp: invalid escape sequence: `\\x{}`"),
    ),
    R(
        "regexFind",
        "\\x{1",
        "x",
        want=Err("regexp: Compile(`\\x{1`): error parsing regexp: invalid escape sequence: `\\x{1`"),
    ),
    R(
        "regexFind",
        "\\x1",
        "x",
        want=Err("regexp: Compile(`\\x1`): error parsing regexp: invalid escape sequence: `\\x1`"),
    ),
    R(
        "regexFind",
        "\\x",
        "x",
        want=Err("regexp: Compile(`\\x`): error parsing regexp: invalid escape sequence: `\\x`"),
    ),
    R(
        "regexFind",
        "\\é",
        "x",
        want=Err("regexp: Compile(`\\é`): error parsing regexp: invalid escape sequence: `\\é`"),
    ),
    R("regexFind", "(?P<1a>a)", "a", want="a"),
    R(
        "regexFind",
        "(?'n'a)",
        "a",
        want=Err(
            "regexp: Compile(`(?'n'a)`): error parsing regexp: invalid or unsupported Perl syntax: `(?'`"
        ),
    ),
    R(
        "regexFind",
        "(?#c)",
        "a",
        want=Err("regexp: Compile(`(?#c)`): error parsing regexp: invalid or unsupported Perl syntax: `(?#`"),
    ),
    R(
        "regexFind",
        "(?--i)",
        "a",
        want=Err(
            "regexp: Compile(`(?--i)`): error parsing regexp: invalid or unsupported Perl syntax: `(?--`"
        ),
    ),
    R(
        "regexFind",
        "(?:",
        "a",
        want=Err("regexp: Compile(`(?:`): error parsing regexp: missing closing ): `(?:`"),
    ),
    R(
        "regexFind",
        "\\C",
        "a",
        want=Err("regexp: Compile(`\\C`): error parsing regexp: invalid escape sequence: `\\C`"),
    ),
    R("regexFind", ")(", "a", want=Err("regexp: Compile(`)(`): error parsing regexp: unexpected ): `)(`")),
    R(
        "regexFind",
        "(?P=n)",
        "a",
        want=Err(
            "regexp: Compile(`(?P=n)`): error parsing regexp: invalid or unsupported Perl syntax: `(?P`"
        ),
    ),
    R(
        "regexFind",
        "\\p{Old_Italic}",
        "a",
        want=Err(
            "regexp: Compile(`\\p{Old_Italic}`): error parsing regexp: invalid character class range: `\\p{Old_Italic}`"
        ),
    ),
    R(
        "regexFind",
        "a\n(",
        "a",
        want=Err('regexp: Compile("a\\n("): error parsing regexp: missing closing ): `a\n(`'),
    ),
    R(
        "mustRegexFind",
        "\\p{Foo}",
        "x",
        want=Err("error parsing regexp: invalid character class range: `\\p{Foo}`"),
    ),
    R("mustRegexFind", "a", "bab", want="a"),
    R(
        "mustRegexFind",
        "[[:foo:]]",
        "x",
        want=Err("error parsing regexp: invalid character class range: `[:foo:]`"),
    ),
    R("regexReplaceAll", "a(x*)b", "-ab-axxb-", "${1}W", want="-W-xxW-"),
    R("regexReplaceAll", "a(x*)b", "-ab-axxb-", "$1W", want="---"),
    R("regexReplaceAll", "(?P<first>\\w+) (?P<last>\\w+)", "John Smith", "$last, $first", want="Smith, John"),
    R("regexReplaceAll", "x*", "abxd", "-", want="-a-b-d-"),
    R("regexReplaceAll", "a", "aaa", "$$", want="$$$"),
    R("regexReplaceAll", "a", "aaa", "$", want="$$$"),
    R("regexReplaceAll", "a", "aaa", "${", want="${${${"),
    R("regexReplaceAll", "(a)", "aaa", "$01", want=""),
    R("regexReplaceAll", "(a)", "aaa", "${1}1", want="a1a1a1"),
    R("regexReplaceAll", "(a)", "aaa", "$2x", want=""),
    R("regexReplaceAll", "(?m)^", "a\nb\n", ">", want=">a\n>b\n>"),
    R("regexReplaceAll", "(?m)$", "a\nb\n", "<", want="a<\nb<\n<"),
    R("regexReplaceAll", "", "héllo", "-", want="-h-é-l-l-o-"),
    R("regexReplaceAll", "a*", "baaac", "-", want="-b-c-"),
    R("regexReplaceAll", "a*?", "baaac", "-", want="-b-a-a-a-c-"),
    R("regexReplaceAll", "(a)|b", "ab", "[$1]", want="[a][]"),
    R("regexReplaceAll", "(?P<y>\\d{4})-(?P<m>\\d{2})", "2024-05", "${m}/${y}", want="05/2024"),
    R("regexReplaceAll", "(\\w+)", "ab cd", "$1_x", want=" "),
    R("regexReplaceAll", "(\\w+)", "ab cd", "${1}_x", want="ab_x cd_x"),
    R("regexReplaceAll", "(a)(b)?", "a", "[$2]", want="[]"),
    R("regexReplaceAll", "x", "x", "${x", want="${x"),
    R(
        "regexReplaceAll",
        "(?P<é>a)",
        "a",
        "$é",
        want=Err("regexp: Compile(`(?P<é>a)`): error parsing regexp: invalid named capture: `(?P<é>`"),
    ),
    R("regexReplaceAll", "(?<n>a)(?P<n>b)", "ab", "[$n]", want="[a]"),
    R("regexReplaceAll", "(a*)*", "b", "<$1>", want="<>b<>"),
    R("regexReplaceAll", "(a|b)*?c", "abc", "[$1]", want="[b]"),
    R(
        "regexReplaceAll",
        "(",
        "x",
        "y",
        want=Err("regexp: Compile(`(`): error parsing regexp: missing closing ): `(`"),
    ),
    R("regexReplaceAll", "a", "a", "${0}${00}$0x${ 1}", want="a${ 1}"),
    R("regexReplaceAll", "(?P<a_1>.)", "xy", "<${a_1}>", want="<x><y>"),
    R(
        "mustRegexReplaceAll",
        "(?P<>a)",
        "x",
        "",
        want=Err("error parsing regexp: invalid named capture: `(?P<>`"),
    ),
    R("mustRegexReplaceAll", "b", "abc", "[$0]", want="a[b]c"),
    R("regexReplaceAllLiteral", "a(x*)b", "-ab-axxb-", "${1}", want="-${1}-${1}-"),
    R("regexReplaceAllLiteral", "", "abc", "-", want="-a-b-c-"),
    R("regexReplaceAllLiteral", "a*", "baaac", "$", want="$b$c$"),
    R(
        "regexReplaceAllLiteral",
        "[",
        "a",
        "b",
        want=Err("regexp: Compile(`[`): error parsing regexp: missing closing ]: `[`"),
    ),
    R("mustRegexReplaceAllLiteral", "[", "a", "b", want=Err("error parsing regexp: missing closing ]: `[`")),
    R("mustRegexReplaceAllLiteral", "a", "aba", "$1", want="$1b$1"),
    R("regexSplit", "z+", "pizza", -1, want=StrSlice(["pi", "a"])),
    R("regexSplit", "z+", "pizza", 0, want=StrSlice([]), go="[]string|[]string(nil)"),
    R("regexSplit", "z+", "pizza", 1, want=StrSlice(["pizza"])),
    R("regexSplit", "", "abc", -1, want=StrSlice(["a", "b", "c"])),
    R("regexSplit", "a", "", -1, want=StrSlice([""])),
    R("regexSplit", "", "", -1, want=StrSlice([])),
    R("regexSplit", "x*", "axbc", -1, want=StrSlice(["a", "b", "c"])),
    R("regexSplit", "a", "aXa", -1, want=StrSlice(["", "X", ""])),
    R("regexSplit", "", "héllo", 3, want=StrSlice(["h", "é", "llo"])),
    R("regexSplit", ",", "a,b,c", 2, want=StrSlice(["a", "b,c"])),
    R("regexSplit", ",", "a,b,c,", -1, want=StrSlice(["a", "b", "c", ""])),
    R("regexSplit", ",", ",a", -1, want=StrSlice(["", "a"])),
    R("regexSplit", "a*", "baaac", -1, want=StrSlice(["b", "c"])),
    R(
        "regexSplit",
        "(",
        "a",
        1,
        want=Err("regexp: Compile(`(`): error parsing regexp: missing closing ): `(`"),
    ),
    R("mustRegexSplit", "\\z\\Z", "x", 1, want=Err("error parsing regexp: invalid escape sequence: `\\Z`")),
    R("mustRegexSplit", "\\s+", "a  b c", -1, want=StrSlice(["a", "b", "c"])),
    # Unicode scripts: Go's tables (Unicode 15.0; U+2EBF0 came in 15.1), folded under (?i).
    R("regexFind", "\\p{Greek}+", "abγδε", want="γδε"),
    R("regexFind", "\\p{greek}+", "abγδε", want="γδε"),
    R("regexFind", "\\p{Greek}+", "aµΩ", want="Ω"),
    R("regexFind", "(?i)\\p{Greek}+", "aµΩ", want="µΩ"),
    R("regexFind", "(?i)[^\\p{Greek}]+", "μµa", want="a"),
    R("regexFind", "\\P{Greek}+", "γab", want="ab"),
    R("regexFind", "[^\\p{Han}]+", "中文abc", want="abc"),
    R("regexFind", "\\p{Han}", "\U0002ebf0", want=""),
    R("regexFind", "\\p{Han}+", "中\U00031350", want="中\U00031350"),
    R("regexFind", "\\p{Latin}+", "Zürich", want="Zürich"),
    R("regexFind", "\\p{Common}+", "a1 -b", want="1 -"),
    R("regexFind", "\\p{Kawi}", "\U00011f00", want="\U00011f00"),
    # A byte of invalid UTF-8 (a surrogate escape here) matches as U+FFFD, one rune wide.
    R("regexFind", "\\x{FFFD}", "a\udcff", want="\udcff"),
    R("regexFind", "[^a]", "a\udcff", want="\udcff"),
    R("regexFind", ".", "\udcff", want="\udcff"),
    R("regexFind", "[\\x{D800}-\\x{DFFF}]", "\udcff", want=""),
    R("regexFindAll", "", "\udcff\udcfe", -1, want=StrSlice(["", "", ""])),
    R("regexReplaceAll", "\\pS", "a\udcffb", "-", want="a-b"),
    R("regexSplit", "", "é\udcff", -1, want=StrSlice(["é", "\udcff"])),
    # Large programs Go accepts (RE2 needs more than its default memory for them).
    R("regexFind", "\\pL{1000}", "a" * 999, want=""),
    R("regexFind", "|".join(["(?i)\\pL{1000}"] * 200), "1", want=""),
    # Expressions that backtrack exponentially: Go (and RE2) answer in linear time.
    *HOSTILE,
    R("regexQuoteMeta", "1.2+3*[x]{y}^$|()\\?", want="1\\.2\\+3\\*\\[x\\]\\{y\\}\\^\\$\\|\\(\\)\\\\\\?"),
    R("regexQuoteMeta", "héllo-wörld_#", want="héllo-wörld_#"),
    R("regexQuoteMeta", "", want=""),
]


@pytest.mark.parametrize("row", ROWS, ids=ids(ROWS))
def test_row(row):
    check_row(FUNCS, row)


LONG = 200_000
HOSTILE_LONG = [
    R("regexMatch", "(a+)+$", "a" * LONG + "b", want=False),
    R("mustRegexMatch", "(a|aa)+$", "a" * LONG + "b", want=False),
    R("regexFindAll", "(a*)*b", "a" * LONG, -1, want=StrSlice([])),
    R("regexFind", "(x+x+)+y", "x" * LONG, want=""),
    R("regexReplaceAll", "(.*a){20}$", "a" * LONG + "b", "-", want="a" * LONG + "b"),
    R("regexSplit", "(\\w+\\s?)+$", "word " * LONG + "!", -1, want=StrSlice(["word " * LONG + "!"])),
]


@pytest.mark.parametrize("row", HOSTILE_LONG, ids=ids(HOSTILE_LONG))
def test_hostile_pattern_on_long_text(row):
    """Python's backtracking would run for centuries on these; RE2, like Go, is linear."""
    check_row(FUNCS, row)


def test_too_large_for_re2():
    """A known difference: Go counts a class as one instruction, RE2 as its UTF-8 automaton, so
    an expression Go accepts can pass RE2's memory budget; chartist then answers Go's ErrLarge."""
    expr = "|".join(c + "\\pL{1000}" for c in "abcdef")
    with pytest.raises(FuncError) as info:
        FUNCS["mustRegexFind"].fn(expr, "x")
    assert str(info.value) == f"error parsing regexp: expression too large: `{expr}`"


@pytest.mark.helm
def test_rows_match_helm():
    assert helm_mismatches(ROWS) == []
