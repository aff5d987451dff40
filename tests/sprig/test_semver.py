"""Masterminds semver v3 as Helm v4 uses it: versions, constraints, errors.

Rows marked "as Helm v4.2.3 evaluates it" were produced by running ``semverCompare`` /
``semver`` through Helm (helm_python) and are written here literally; the other tables are
Masterminds' own documented test cases (constraints_test.go, version_test.go), which Helm
does not expose in templates (IncludePrerelease, Validate, StrictNewVersion).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chartist.errors import ChartistError
from chartist.semver import Constraints, SemverError, Version, parse_constraint, parse_version

# semverCompare CONSTRAINT VERSION as Helm v4.2.3 evaluates it (Masterminds' constraints_test.go cases plus more).
CHECK_ROWS = [
    ("=2.0.0", "1.2.3", False),
    ("=2.0.0", "2.0.0", True),
    ("=2.0", "1.2.3", False),
    ("=2.0", "2.0.0", True),
    ("=2.0", "2.0.1", True),
    ("4.1", "4.1.0", True),
    ("!=4.1.0", "4.1.0", False),
    ("!=4.1.0", "4.1.1", True),
    ("!=4.1", "4.1.0", False),
    ("!=4.1", "4.1.1", False),
    ("!=4.1", "5.1.0-alpha.1", False),
    ("!=4.1.0", "5.1.0-alpha.1", False),
    ("!=4.1-alpha", "4.1.0", True),
    ("!=4.1", "5.1.0", True),
    ("<11", "0.1.0", True),
    ("<11", "11.1.0", False),
    ("<1.1", "0.1.0", True),
    ("<1.1", "1.1.0", False),
    ("<1.1", "1.1.1", False),
    ("<=11", "1.2.3", True),
    ("<=11", "12.2.3", False),
    ("<=11", "11.2.3", True),
    ("<=1.1", "1.2.3", False),
    ("<=1.1", "0.1.0", True),
    ("<=1.1", "1.1.0", True),
    ("<=1.1", "1.1.1", True),
    (">1.1", "4.1.0", True),
    (">1.1", "1.1.0", False),
    (">0", "0", False),
    (">0", "1", True),
    (">0", "0.0.1-alpha", False),
    (">0.0", "0.0.1-alpha", False),
    (">0-0", "0.0.1-alpha", False),
    (">0.0-0", "0.0.1-alpha", False),
    (">0", "0.0.0-alpha", False),
    (">0-0", "0.0.0-alpha", False),
    (">0.0.0-0", "0.0.0-alpha", True),
    (">1.2.3-alpha.1", "1.2.3-alpha.2", True),
    (">1.2.3-alpha.1", "1.3.3-alpha.2", True),
    (">11", "11.1.0", False),
    (">11.1", "11.1.0", False),
    (">11.1", "11.1.1", False),
    (">11.1", "11.2.1", True),
    (">=11", "11.1.2", True),
    (">=11.1", "11.1.2", True),
    (">=11.1", "11.0.2", False),
    (">=1.1", "4.1.0", True),
    (">=1.1", "1.1.0", True),
    (">=1.1", "0.0.9", False),
    (">=0", "0.0.1-alpha", False),
    (">=0.0", "0.0.1-alpha", False),
    (">=0-0", "0.0.1-alpha", True),
    (">=0.0-0", "0.0.1-alpha", True),
    (">=0", "0.0.0-alpha", False),
    (">=0-0", "0.0.0-alpha", True),
    (">=0.0.0-0", "0.0.0-alpha", True),
    (">=0.0.0-0", "1.2.3", True),
    (">=0.0.0-0", "3.4.5-beta.1", True),
    ("<0", "0.0.0-alpha", False),
    ("<0-z", "0.0.0-alpha", True),
    (">=0", "0", True),
    ("=0", "1", False),
    ("*", "1", True),
    ("*", "4.5.6", True),
    ("*", "1.2.3-alpha.1", False),
    ("*-0", "1.2.3-alpha.1", True),
    ("2.*", "1", False),
    ("2.*", "3.4.5", False),
    ("2.*", "2.1.1", True),
    ("2.1.*", "2.1.1", True),
    ("2.1.*", "2.2.1", False),
    ("", "1", 'improper constraint: ""'),
    ("", "4.5.6", 'improper constraint: ""'),
    ("", "1.2.3-alpha.1", 'improper constraint: ""'),
    ("2", "1", False),
    ("2", "3.4.5", False),
    ("2", "2.1.1", True),
    ("2.1", "2.1.1", True),
    ("2.1", "2.2.1", False),
    ("~1.2.3", "1.2.4", True),
    ("~1.2.3", "1.3.4", False),
    ("~1.2", "1.2.4", True),
    ("~1.2", "1.3.4", False),
    ("~1", "1.2.4", True),
    ("~1", "2.3.4", False),
    ("~0.2.3", "0.2.5", True),
    ("~0.2.3", "0.3.5", False),
    ("~1.2.3-beta.2", "1.2.3-beta.4", True),
    ("~1.2.3-beta.2", "1.2.4-beta.2", True),
    ("~1.2.3-beta.2", "1.3.4-beta.2", False),
    ("^1.2.3", "1.8.9", True),
    ("^1.2.3", "2.8.9", False),
    ("^1.2.3", "1.2.1", False),
    ("^1.1.0", "2.1.0", False),
    ("^1.2.0", "2.2.1", False),
    ("^1.2.0", "1.2.1-alpha.1", False),
    ("^1.2.0-alpha.0", "1.2.1-alpha.1", True),
    ("^1.2.0-alpha.0", "1.2.1-alpha.0", True),
    ("^1.2.0-alpha.2", "1.2.0-alpha.1", False),
    ("^1.2", "1.8.9", True),
    ("^1.2", "2.8.9", False),
    ("^1", "1.8.9", True),
    ("^1", "2.8.9", False),
    ("^0.2.3", "0.2.5", True),
    ("^0.2.3", "0.5.6", False),
    ("^0.2", "0.2.5", True),
    ("^0.2", "0.5.6", False),
    ("^0.0.3", "0.0.3", True),
    ("^0.0.3", "0.0.4", False),
    ("^0.0", "0.0.3", True),
    ("^0.0", "0.1.4", False),
    ("^0.0", "1.0.4", False),
    ("^0", "0.2.3", True),
    ("^0", "1.1.4", False),
    ("^0.2.3-beta.2", "0.2.3-beta.4", True),
    ("^0.2.3-beta.2", "0.2.4-beta.2", True),
    ("^0.2.3-beta.2", "0.3.4-beta.2", False),
    ("^0.2.3-beta.2", "0.2.3-beta.2", True),
    ("*", "1.2.3", True),
    ("~0.0.0", "1.2.3", True),
    ("0.x.x", "1.2.3", False),
    ("0.0.x", "1.2.3", False),
    ("0.0.0", "1.2.3", False),
    ("^0.0.0", "1.2.3", False),
    ("= 2.0", "1.2.3", False),
    ("= 2.0", "2.0.0", True),
    ("4.1.x", "4.1.3", True),
    ("1.x", "1.4", True),
    ("!=4.1-alpha", "4.1.0-alpha", False),
    ("!=4.1-alpha", "4.1.1-alpha", False),
    ("!=4.x", "5.1.0", True),
    ("!=4.x", "4.1.0", False),
    ("!=4.1.x", "4.2.0", True),
    ("!=4.2.x", "4.2.3", False),
    ("<1.x", "1.1.1", False),
    ("<1.x", "0.1.1", True),
    ("<1.x", "2.0.0", False),
    ("<1.1.x", "1.2.1", False),
    ("<1.1.x", "1.1.500", False),
    ("<1.1.x", "1.0.500", True),
    ("<1.2.x", "1.1.1", True),
    (">=1.1", "4.1.0-beta", False),
    ("<=1.1", "0.1.0-alpha", False),
    ("<=1.1-a", "0.1.0-alpha", True),
    ("<=1.x", "1.1.0", True),
    ("<=2.x", "3.0.0", False),
    ("<=1.1.x", "1.2.500", False),
    ("<=4.5", "3.4.0", True),
    ("<=4.5", "3.7.0", True),
    ("<=4.5", "4.6.3", False),
    (">1.1, <2", "1.1.1", False),
    (">1.1, <2", "1.2.1", True),
    (">1.1, <3", "4.3.2", False),
    (">=1.1, <2, !=1.2.3", "1.2.3", False),
    (">1.1 <2", "1.1.1", False),
    (">1.1 <2", "1.2.1", True),
    (">1.1    <3", "4.3.2", False),
    (">=1.1    <2    !=1.2.3", "1.2.3", False),
    (">=1.1, <2, !=1.2.3 || > 3", "4.1.2", True),
    (">=1.1, <2, !=1.2.3 || > 3", "3.1.2", False),
    (">=1.1, <2, !=1.2.3 || >= 3", "3.0.0", True),
    (">=1.1, <2, !=1.2.3 || > 3", "3.0.0", False),
    (">=1.1, <2, !=1.2.3 || > 3", "1.2.3", False),
    (">=1.1 <2 !=1.2.3", "1.2.3", False),
    (">=1.1 <2 !=1.2.3 || > 3", "4.1.2", True),
    (">=1.1 <2 !=1.2.3 || > 3", "3.1.2", False),
    (">=1.1 <2 !=1.2.3 || >= 3", "3.0.0", True),
    (">=1.1 <2 !=1.2.3 || > 3", "3.0.0", False),
    (">=1.1 <2 !=1.2.3 || > 3", "1.2.3", False),
    ("> 1.1, <     2", "1.1.1", False),
    (">   1.1, <2", "1.2.1", True),
    (">1.1, <  3", "4.3.2", False),
    (">= 1.1, <     2, !=1.2.3", "1.2.3", False),
    ("> 1.1 < 2", "1.1.1", False),
    (">1.1 < 2", "1.2.1", True),
    ("> 1.1    <3", "4.3.2", False),
    (">=1.1    < 2    != 1.2.3", "1.2.3", False),
    (">= 1.1, <2, !=1.2.3 || > 3", "4.1.2", True),
    (">= 1.1, <2, != 1.2.3 || > 3", "3.1.2", False),
    (">= 1.1, <2, != 1.2.3 || >= 3", "3.0.0", True),
    (">= 1.1, <2, !=1.2.3 || > 3", "3.0.0", False),
    (">= 1.1, <2, !=1.2.3 || > 3", "1.2.3", False),
    (">= 1.1 <2 != 1.2.3", "1.2.3", False),
    (">= 1.1 <2 != 1.2.3 || > 3", "4.1.2", True),
    (">= 1.1 <2 != 1.2.3 || > 3", "3.1.2", False),
    (">= 1.1 <2 != 1.2.3 || >= 3", "3.0.0", True),
    (">= 1.1 < 2 !=1.2.3 || > 3", "3.0.0", False),
    (">=1.1 < 2 !=1.2.3 || > 3", "1.2.3", False),
    (">= 1.0.0  <= 2.0.0-beta", "1.0.1-beta", True),
    (">= 1.0.0  <= 2.0.0-beta", "1.0.1", True),
    (">= 1.0.0  <= 2.0.0-beta", "3.0.0", False),
    (">= 1.0.0  <= 2.0.0-beta || > 3", "1.0.1-beta", True),
    (">= 1.0.0  <= 2.0.0-beta || > 3", "3.0.1-beta", False),
    (">= 1.0.0  <= 2.0.0-beta != 1.0.1 || > 3", "1.0.1-beta", True),
    (">= 1.0.0  <= 2.0.0-beta != 1.0.1-beta || > 3", "1.0.1-beta", False),
    (">= 1.0.0-0  <= 2.0.0", "1.0.1-beta", True),
    ("1.1 - 2", "1.1.1", True),
    ("1.5.0 - 4.5", "3.7.0", True),
    ("1.1-3", "4.3.2", False),
    ("^1.1", "1.1.1", True),
    ("^1.1", "4.3.2", False),
    ("^1.x", "1.1.1", True),
    ("^2.x", "1.1.1", False),
    ("^1.x", "2.1.1", False),
    ("^1.x", "1.1.1-beta1", False),
    ("^1.1.2-alpha", "1.2.1-beta1", True),
    ("^1.2.x-alpha", "1.1.1-beta1", False),
    ("^0.0.1", "0.0.1", True),
    ("^0.0.1", "0.3.1", False),
    ("~*", "2.1.1", True),
    ("~1", "2.1.1", False),
    ("~1", "1.3.5", True),
    ("~1", "1.4", True),
    ("~1.x", "2.1.1", False),
    ("~1.x", "1.3.5", True),
    ("~1.x", "1.4", True),
    ("~1.1", "1.1.1", True),
    ("~1.1", "1.1.1-alpha", False),
    ("~1.1-alpha", "1.1.1-beta", True),
    ("~1.1.1-beta", "1.1.1-alpha", False),
    ("~1.1.1-beta", "1.1.1", True),
    ("~1.2.3", "1.2.5", True),
    ("~1.2.3", "1.2.2", False),
    ("~1.2.3", "1.3.2", False),
    ("~1.1", "1.2.3", False),
    ("~1.3", "2.4.5", False),
    ("1.0.0 - 2.0.0 <=2.0.0", "1.5.0", True),
    ("1.0.0 - 2.0.0, <=2.0.0", "1.5.0", True),
    (">1.1", "4.1.0-beta", False),
    ("<1.1", "0.1.0-alpha", False),
    ("*", "1.2.3-alpha", False),
    ("= 2.0", "2.0.1-beta", False),
    ("<2.x", "1.1.1", True),
    ("<1.x", "2.1.1", False),
    ("<=2.x", "3.1.0", False),
    ("^1.1", "1.1.1-alpha", False),
    ("^1.1.1-alpha", "1.1.1-beta", True),
    ("^1.1.1-beta", "1.1.1-alpha", False),
    ("^0.0.1", "0.1.3", False),
    ("~1", "1.3.5-beta", False),
    ("~1.x", "1.3.5-beta", False),
    ("~1.3.6-alpha", "1.3.5-beta", False),
    ("~1.3.5-alpha", "1.3.5-beta", True),
    ("~1.3.5-beta", "1.3.5-alpha", False),
    (">=1.19-0", "1.36.0", True),
    (">=1.19-0", "v1.36.0", True),
    (">=1.19.0-0", "1.36.0-gke.100", True),
    (">=1.19", "1.36.0-gke.100", False),
    ("<1.25-0", "v1.24.3+k3s1", True),
    (">= 1.21.0-0 < 1.30.0-0", "1.29.9-eks-1234", True),
    ("^1.2.3 || ^2", "2.5.0", True),
    ("~> 1.2", "1.2.9", True),
    ("=> 1.2", "1.3", True),
    ("=< 1.2", "1.2.1", True),
    ("1.2 - 1.4.5", "1.4.5", True),
    ("1.2 - 1.4.5", "1.4.6", False),
    ("1.2 - 1.4.5", "1.2.0", True),
    ("1.2-1.4.5", "1.2.0-1.4.5", True),
    ("1.2 - 1.4.5 || 2.x", "2.9.9", True),
    ("x", "0.0.0", True),
    ("X.X.X", "9.9.9", True),
    ("1.X", "1.9.9", True),
    ("*.*.*", "1.0.0", True),
    (">*", "0.0.1", True),
    (">*", "1.0.0", True),
    ("<*", "1.0.0", False),
    ("!=*", "1.0.0", True),
    ("<=*", "5.0.0", False),
    ("^*", "5.0.0", False),
    ("~*", "5.0.0-alpha", False),
    ("v1.2.3", "1.2.3", True),
    ("=v1.2.3+meta", "1.2.3", True),
    ("1.2.3+meta", "1.2.3+other", True),
    (">= 1.2, < 3.0.0 || >= 4.2.3", "2.9.0", True),
    (">= 1.2, < 3.0.0 || >= 4.2.3", "3.5.0", False),
    (">= 1.2, < 3.0.0 || >= 4.2.3", "4.2.3", True),
    ("  >= 1.2  ", "1.2.0", True),
    (">=1.2,<2", "1.5.0", True),
    (">=1.2 ,<2", "1.5.0", True),
    ("^0.0", "0.0.9", True),
    ("^0", "0.9.9", True),
    ("^0.0.x", "0.0.5", True),
    ("^0.x", "0.5.0", True),
    ("~0.x", "0.5.0", True),
    ("~0", "0.9.0", True),
    (">=1.0.0-alpha", "1.0.0-beta", True),
    (">=1.0.0-beta", "1.0.0-alpha", False),
    (">=1.0.0-BETA", "1.0.0-alpha", True),
    ("<1.0.0-0", "0.9.0-rc.1", True),
    (">1.0.0-0 <2.0.0", "1.5.0-rc.1", True),
    (">1.0.0-0 <2.0.0 || >3", "3.5.0-rc.1", False),
    (">0.0.0-0", "0.0.0-0", False),
    (">0.0.0-0", "0.0.1-0", True),
    (">0.0.0-0", "1.2.3", True),
    ("18446744073709551615", "18446744073709551615.0.0", True),
    ("1.2.3-alpha.10", "1.2.3-alpha.10", True),
    ("<1.2.3-alpha.10", "1.2.3-alpha.9", True),
    ("<1.2.3-alpha.10", "1.2.3-alpha.a", False),
    ("!=1.2.x-beta", "1.2.0-beta", False),
    ("!=1.2.x-beta", "1.2.0-alpha", True),
    ("!=1.2.x-beta", "1.2.5", True),
    ("=1.x-0", "1.5.0-rc.1", True),
]

# Constraints Helm rejects, with its message (str of SemverError).
CONSTRAINT_ERROR_ROWS = [
    ("foo", 'improper constraint: "foo"'),
    # Masterminds v3.5's size limits (bytes); the whitespace run would also make a
    # backtracking engine take hours before "improper constraint".
    (" " * 512 + "1", "constraint string is too long (max 512 bytes)"),
    ("é" * 256 + "1", "constraint string is too long (max 512 bytes)"),
    ("é" * 170 + "1", 'improper constraint: "' + "é" * 170 + '1"'),
    (">=1" + " " * 500 + "!", 'improper constraint: ">=1' + " " * 500 + '!"'),
    ("||".join(map(str, range(33))), "too many constraint groups (max 32)"),
    ("1.0.0-" + "a" * 300, "constraint parser error"),
    ("", 'improper constraint: ""'),
    (" ", 'improper constraint: " "'),
    ("1.2.3.4", 'improper constraint: "1.2.3.4"'),
    ("12.3.34~ 1.2.3", 'improper constraint: "12.3.34~ 1.2.3"'),
    ("BAR >= 1.2.3", 'improper constraint: "BAR >= 1.2.3"'),
    (">= bar", 'improper constraint: ">= bar"'),
    ("v1.2.3-beta.01", "constraint parser error"),
    ("1|2", "constraint parser error"),
    (">=1.2.3-01", "constraint parser error"),
    ("1.2.3 ||", 'improper constraint: ""'),
    ("|| 1.2.3", 'improper constraint: ""'),
    (">> 1.2", 'improper constraint: ">> 1.2"'),
    ("1.2 -1.3", 'improper constraint: "1.2 -1.3"'),
    ("1.2- 1.3", 'improper constraint: "1.2- 1.3"'),
    ("1.2 &&1.3", 'improper constraint: "1.2 &&1.3"'),
    ("1.2.3,", 'improper constraint: "1.2.3,"'),
    (",1.2.3", 'improper constraint: ",1.2.3"'),
    ('a"b\\c\n', 'improper constraint: "a\\"b\\\\c\\n"'),
    ("ü1.2", 'improper constraint: "ü1.2"'),
    (">=1.2\x0b", 'improper constraint: ">=1.2\\v"'),
    ("~>~1.2", 'improper constraint: "~>~1.2"'),
    ("1x", "constraint parser error"),
    ("1.2.x3", "constraint parser error"),
    (">=18446744073709551616", "constraint parser error"),
]

# Constraints that look odd but Helm accepts: (constraint, version, result).
CONSTRAINT_ODD_OK_ROWS = [
    ("1.2.3 , 1.5", "1.2.3", False),
    (">= 1.2\t<2", "1.2.3", True),
    ("^01.2.3", "1.2.3", True),
]

# semver VERSION: String|Original|Major|Minor|Patch|Prerelease|Metadata, or the error message.
VERSION_ROWS = [
    ("1.2.3", ("1.2.3", 1, 2, 3, "", "")),
    ("1.0.0-" + "a" * 250, ("1.0.0-" + "a" * 250, 1, 0, 0, "a" * 250, "")),
    ("1.0.0-" + "a" * 251, "version string is too long (max 256 bytes)"),
    ("1.0.0-" + "é" * 126, "version string is too long (max 256 bytes)"),
    ("1.0.0-" + "é" * 125, "invalid semantic version"),
    ("1" + "-a.a" * 3000 + "!", "version string is too long (max 256 bytes)"),
    ("1.2.3-alpha.01", "version segment starts with 0"),
    ("1.2.3+test.01", ("1.2.3+test.01", 1, 2, 3, "", "test.01")),
    ("1.2.3-alpha.-1", ("1.2.3-alpha.-1", 1, 2, 3, "alpha.-1", "")),
    ("v1.2.3", ("1.2.3", 1, 2, 3, "", "")),
    ("1.0", ("1.0.0", 1, 0, 0, "", "")),
    ("v1.0", ("1.0.0", 1, 0, 0, "", "")),
    ("1", ("1.0.0", 1, 0, 0, "", "")),
    ("v1", ("1.0.0", 1, 0, 0, "", "")),
    ("1.2", ("1.2.0", 1, 2, 0, "", "")),
    ("1.2.beta", "invalid semantic version"),
    ("v1.2.beta", "invalid semantic version"),
    ("foo", "invalid semantic version"),
    ("1.2-5", ("1.2.0-5", 1, 2, 0, "5", "")),
    ("v1.2-5", ("1.2.0-5", 1, 2, 0, "5", "")),
    ("1.2-beta.5", ("1.2.0-beta.5", 1, 2, 0, "beta.5", "")),
    ("v1.2-beta.5", ("1.2.0-beta.5", 1, 2, 0, "beta.5", "")),
    ("\n1.2", "invalid semantic version"),
    ("\nv1.2", "invalid semantic version"),
    ("1.2.0-x.Y.0+metadata", ("1.2.0-x.Y.0+metadata", 1, 2, 0, "x.Y.0", "metadata")),
    ("v1.2.0-x.Y.0+metadata", ("1.2.0-x.Y.0+metadata", 1, 2, 0, "x.Y.0", "metadata")),
    (
        "1.2.0-x.Y.0+metadata-width-hypen",
        ("1.2.0-x.Y.0+metadata-width-hypen", 1, 2, 0, "x.Y.0", "metadata-width-hypen"),
    ),
    (
        "v1.2.0-x.Y.0+metadata-width-hypen",
        ("1.2.0-x.Y.0+metadata-width-hypen", 1, 2, 0, "x.Y.0", "metadata-width-hypen"),
    ),
    ("1.2.3-rc1-with-hypen", ("1.2.3-rc1-with-hypen", 1, 2, 3, "rc1-with-hypen", "")),
    ("1.2.3-0abc123", ("1.2.3-0abc123", 1, 2, 3, "0abc123", "")),
    ("1.2.3-beta.01", "version segment starts with 0"),
    ("v1.2.3-rc1-with-hypen", ("1.2.3-rc1-with-hypen", 1, 2, 3, "rc1-with-hypen", "")),
    ("1.2.3.4", "invalid semantic version"),
    ("v1.2.3.4", "invalid semantic version"),
    ("1.2.2147483648", ("1.2.2147483648", 1, 2, 2147483648, "", "")),
    ("1.2147483648.3", ("1.2147483648.3", 1, 2147483648, 3, "", "")),
    ("2147483648.3.0", ("2147483648.3.0", 2147483648, 3, 0, "", "")),
    (
        "20221209-update-renovatejson-v4",
        ("20221209.0.0-update-renovatejson-v4", 20221209, 0, 0, "update-renovatejson-v4", ""),
    ),
    ("1.1.2+.123", "invalid semantic version"),
    ("1.0.0-alpha_beta", "invalid semantic version"),
    ("1.0.0-alpha..", "invalid semantic version"),
    ("1.0.0-alpha..1", "invalid semantic version"),
    ("01.1.1", ("1.1.1", 1, 1, 1, "", "")),
    ("1.01.1", ("1.1.1", 1, 1, 1, "", "")),
    ("1.1.01", ("1.1.1", 1, 1, 1, "", "")),
    ("9.8.7+meta+meta", "invalid semantic version"),
    ("1.2.31----RC-SNAPSHOT.12.09.1--.12+788", "version segment starts with 0"),
    ("1.2.3-0123", "version segment starts with 0"),
    ("1.2.3-0123.0123", "version segment starts with 0"),
    ("+invalid", "invalid semantic version"),
    ("-invalid", "invalid semantic version"),
    ("-invalid.01", "invalid semantic version"),
    ("alpha+beta", "invalid semantic version"),
    ("1.2.3-alpha_beta+foo", "invalid semantic version"),
    ("12.3.4.1234", "invalid semantic version"),
    ("12.23.4.1234", "invalid semantic version"),
    ("12.3.34.1234", "invalid semantic version"),
    ("1.2.3-dev.1", ("1.2.3-dev.1", 1, 2, 3, "dev.1", "")),
    ("1.2.3+meta", ("1.2.3+meta", 1, 2, 3, "", "meta")),
    ("1.2.3-dev.1+meta", ("1.2.3-dev.1+meta", 1, 2, 3, "dev.1", "meta")),
    ("1.2.3-dev.1+meta.01", ("1.2.3-dev.1+meta.01", 1, 2, 3, "dev.1", "meta.01")),
    ("1.2.3-dev..1", "invalid semantic version"),
    ("1.2.3-dev.01", "version segment starts with 0"),
    ("1.2.3-de-v.1", ("1.2.3-de-v.1", 1, 2, 3, "de-v.1", "")),
    ("1.02.3", ("1.2.3", 1, 2, 3, "", "")),
    ("01.2.3", ("1.2.3", 1, 2, 3, "", "")),
    ("1.2.03", ("1.2.3", 1, 2, 3, "", "")),
    ("1.2.3-023658", "version segment starts with 0"),
    ("v1.2", ("1.2.0", 1, 2, 0, "", "")),
    ("01.02.03", ("1.2.3", 1, 2, 3, "", "")),
    ("1.2.3-beta+x.y", ("1.2.3-beta+x.y", 1, 2, 3, "beta", "x.y")),
    ("1.2.3+x..y", "invalid semantic version"),
    ("1.2.3-", "invalid semantic version"),
    ("1.2.3+", "invalid semantic version"),
    ("V1.2.3", "invalid semantic version"),
    ("vv1", "invalid semantic version"),
    ("1.2.3 ", "invalid semantic version"),
    (" 1.2.3", "invalid semantic version"),
    ("1.2.3\n", "invalid semantic version"),
    ("18446744073709551615.0.0", ("18446744073709551615.0.0", 18446744073709551615, 0, 0, "", "")),
    (
        "18446744073709551616.0.0",
        'error parsing version segment: strconv.ParseUint: parsing "18446744073709551616": value out of range',
    ),
    (
        "1.18446744073709551616",
        'error parsing version segment: strconv.ParseUint: parsing "18446744073709551616": value out of range',
    ),
    ("0.0.0", ("0.0.0", 0, 0, 0, "", "")),
    ("00", ("0.0.0", 0, 0, 0, "", "")),
    ("1.2.3-00", "version segment starts with 0"),
    ("1.2.3-0", ("1.2.3-0", 1, 2, 3, "0", "")),
    (
        "1.2.3-99999999999999999999999",
        ("1.2.3-99999999999999999999999", 1, 2, 3, "99999999999999999999999", ""),
    ),
    ("1.2.3-0a.b-c", ("1.2.3-0a.b-c", 1, 2, 3, "0a.b-c", "")),
    ("1.2.3-a.b+c.d-e", ("1.2.3-a.b+c.d-e", 1, 2, 3, "a.b", "c.d-e")),
    ("１.2.3", "invalid semantic version"),
    ("1.2.3-ü", "invalid semantic version"),
]

# (semver A).Compare (semver B)
COMPARE_ROWS = [
    ("1.2.3", "1.5.1", -1),
    ("2.2.3", "1.5.1", 1),
    ("2.2.3", "2.2.2", 1),
    ("3.2-beta", "3.2-beta", 0),
    ("1.3", "1.1.4", 1),
    ("4.2", "4.2-beta", 1),
    ("4.2-beta", "4.2", -1),
    ("4.2-alpha", "4.2-beta", -1),
    ("4.2-alpha", "4.2-alpha", 0),
    ("4.2-beta.2", "4.2-beta.1", 1),
    ("4.2-beta2", "4.2-beta1", 1),
    ("4.2-beta", "4.2-beta.2", -1),
    ("4.2-beta", "4.2-beta.foo", -1),
    ("4.2-beta.2", "4.2-beta", 1),
    ("4.2-beta.foo", "4.2-beta", 1),
    ("1.2+bar", "1.2+baz", 0),
    ("1.0.0-beta.4", "1.0.0-beta.-2", -1),
    ("1.0.0-beta.-2", "1.0.0-beta.-3", -1),
    ("1.0.0-beta.-3", "1.0.0-beta.5", 1),
    ("1.2.3-alpha.10", "1.2.3-alpha.9", 1),
    ("1.2.3-alpha", "1.2.3-alpha.0", -1),
    ("1.2.3-A", "1.2.3-a", -1),
    ("1.2.3-1", "1.2.3-a", -1),
    ("1.2.3-99999999999999999999", "1.2.3-1", 1),
    ("1.2.3-99999999999999999999", "1.2.3-a", -1),
    ("v1.2.3", "1.2.3+x", 0),
    ("1.0.0-rc.1", "1.0.0", -1),
]

# Masterminds TestConstraintsCheckIncludePrerelease (IncludePrerelease = true).
INCLUDE_PRERELEASE_ROWS = [
    (">=1.1", "4.1.0-beta", True),
    (">1.1", "4.1.0-beta", True),
    ("<=1.1", "0.1.0-alpha", True),
    ("<1.1", "0.1.0-alpha", True),
    ("^1.x", "1.1.1-beta1", True),
    ("~1.1", "1.1.1-alpha", True),
    ("*", "1.2.3-alpha", True),
    ("= 2.0", "2.0.1-beta", True),
    ("*", "1.2.3", True),
    ("~0.0.0", "1.2.3", True),
    ("0.x.x", "1.2.3", False),
    ("0.0.x", "1.2.3", False),
    ("0.0.0", "1.2.3", False),
    ("*", "1.2.3", True),
    ("^0.0.0", "1.2.3", False),
    ("= 2.0", "1.2.3", False),
    ("= 2.0", "2.0.0", True),
    ("4.1", "4.1.0", True),
    ("4.1.x", "4.1.3", True),
    ("1.x", "1.4", True),
    ("!=4.1", "4.1.0", False),
    ("!=4.1-alpha", "4.1.0-alpha", False),
    ("!=4.1-alpha", "4.1.1-alpha", False),
    ("!=4.1-alpha", "4.1.0", True),
    ("!=4.1", "5.1.0", True),
    ("!=4.x", "5.1.0", True),
    ("!=4.x", "4.1.0", False),
    ("!=4.1.x", "4.2.0", True),
    ("!=4.2.x", "4.2.3", False),
    (">1.1", "4.1.0", True),
    (">1.1", "1.1.0", False),
    ("<1.1", "0.1.0", True),
    ("<1.1", "1.1.0", False),
    ("<1.1", "1.1.1", False),
    ("<1.x", "1.1.1", False),
    ("<1.x", "0.1.1", True),
    ("<1.x", "2.0.0", False),
    ("<1.1.x", "1.2.1", False),
    ("<1.1.x", "1.1.500", False),
    ("<1.1.x", "1.0.500", True),
    ("<1.2.x", "1.1.1", True),
    (">=1.1", "4.1.0", True),
    (">=1.1", "1.1.0", True),
    (">=1.1", "0.0.9", False),
    ("<=1.1", "0.1.0", True),
    ("<=1.1-a", "0.1.0-alpha", True),
    ("<=1.1", "1.1.0", True),
    ("<=1.x", "1.1.0", True),
    ("<=2.x", "3.0.0", False),
    ("<=1.1", "1.1.1", True),
    ("<=1.1.x", "1.2.500", False),
    ("<=4.5", "3.4.0", True),
    ("<=4.5", "3.7.0", True),
    ("<=4.5", "4.6.3", False),
    (">1.1, <2", "1.1.1", False),
    (">1.1, <2", "1.2.1", True),
    (">1.1, <3", "4.3.2", False),
    (">=1.1, <2, !=1.2.3", "1.2.3", False),
    (">1.1 <2", "1.1.1", False),
    (">1.1 <2", "1.2.1", True),
    (">1.1    <3", "4.3.2", False),
    (">=1.1    <2    !=1.2.3", "1.2.3", False),
    (">=1.1, <2, !=1.2.3 || > 3", "4.1.2", True),
    (">=1.1, <2, !=1.2.3 || > 3", "3.1.2", False),
    (">=1.1, <2, !=1.2.3 || >= 3", "3.0.0", True),
    (">=1.1, <2, !=1.2.3 || > 3", "3.0.0", False),
    (">=1.1, <2, !=1.2.3 || > 3", "1.2.3", False),
    (">=1.1 <2 !=1.2.3", "1.2.3", False),
    (">=1.1 <2 !=1.2.3 || > 3", "4.1.2", True),
    (">=1.1 <2 !=1.2.3 || > 3", "3.1.2", False),
    (">=1.1 <2 !=1.2.3 || >= 3", "3.0.0", True),
    (">=1.1 <2 !=1.2.3 || > 3", "3.0.0", False),
    (">=1.1 <2 !=1.2.3 || > 3", "1.2.3", False),
    ("> 1.1, <     2", "1.1.1", False),
    (">   1.1, <2", "1.2.1", True),
    (">1.1, <  3", "4.3.2", False),
    (">= 1.1, <     2, !=1.2.3", "1.2.3", False),
    ("> 1.1 < 2", "1.1.1", False),
    (">1.1 < 2", "1.2.1", True),
    ("> 1.1    <3", "4.3.2", False),
    (">=1.1    < 2    != 1.2.3", "1.2.3", False),
    (">= 1.1, <2, !=1.2.3 || > 3", "4.1.2", True),
    (">= 1.1, <2, != 1.2.3 || > 3", "3.1.2", False),
    (">= 1.1, <2, != 1.2.3 || >= 3", "3.0.0", True),
    (">= 1.1, <2, !=1.2.3 || > 3", "3.0.0", False),
    (">= 1.1, <2, !=1.2.3 || > 3", "1.2.3", False),
    (">= 1.1 <2 != 1.2.3", "1.2.3", False),
    (">= 1.1 <2 != 1.2.3 || > 3", "4.1.2", True),
    (">= 1.1 <2 != 1.2.3 || > 3", "3.1.2", False),
    (">= 1.1 <2 != 1.2.3 || >= 3", "3.0.0", True),
    (">= 1.1 < 2 !=1.2.3 || > 3", "3.0.0", False),
    (">=1.1 < 2 !=1.2.3 || > 3", "1.2.3", False),
    (">= 1.0.0  <= 2.0.0-beta", "1.0.1-beta", True),
    (">= 1.0.0  <= 2.0.0-beta", "1.0.1", True),
    (">= 1.0.0  <= 2.0.0-beta", "3.0.0", False),
    (">= 1.0.0  <= 2.0.0-beta || > 3", "1.0.1-beta", True),
    (">= 1.0.0  <= 2.0.0-beta || > 3", "3.0.1-beta", False),
    (">= 1.0.0  <= 2.0.0-beta != 1.0.1 || > 3", "1.0.1-beta", True),
    (">= 1.0.0  <= 2.0.0-beta != 1.0.1-beta || > 3", "1.0.1-beta", False),
    (">= 1.0.0-0  <= 2.0.0", "1.0.1-beta", True),
    ("1.1 - 2", "1.1.1", True),
    ("1.5.0 - 4.5", "3.7.0", True),
    ("1.1-3", "4.3.2", False),
    ("^1.1", "1.1.1", True),
    ("^1.1", "4.3.2", False),
    ("^1.x", "1.1.1", True),
    ("^2.x", "1.1.1", False),
    ("^1.x", "2.1.1", False),
    ("^1.1.2-alpha", "1.2.1-beta1", True),
    ("^1.2.x-alpha", "1.1.1-beta1", False),
    ("^0.0.1", "0.0.1", True),
    ("^0.0.1", "0.3.1", False),
    ("~*", "2.1.1", True),
    ("~1", "2.1.1", False),
    ("~1", "1.3.5", True),
    ("~1", "1.4", True),
    ("~1.x", "2.1.1", False),
    ("~1.x", "1.3.5", True),
    ("~1.x", "1.4", True),
    ("~1.1", "1.1.1", True),
    ("~1.1-alpha", "1.1.1-beta", True),
    ("~1.1.1-beta", "1.1.1-alpha", False),
    ("~1.1.1-beta", "1.1.1", True),
    ("~1.2.3", "1.2.5", True),
    ("~1.2.3", "1.2.2", False),
    ("~1.2.3", "1.3.2", False),
    ("~1.1", "1.2.3", False),
    ("~1.3", "2.4.5", False),
    ("1.0.0 - 2.0.0 <=2.0.0", "1.5.0", True),
    ("1.0.0 - 2.0.0, <=2.0.0", "1.5.0", True),
]

# Masterminds TestConstraintsValidate: the first reason Validate gives.
VALIDATE_MSG_ROWS = [
    ("2.x", "1.2.3", '"1.2.3" is less than "2.x"'),
    ("2", "1.2.3", '"1.2.3" is less than "2"'),
    ("= 2.0", "1.2.3", '"1.2.3" is less than "2.0"'),
    ("!=4.1", "4.1.0", '"4.1.0" is equal to "4.1"'),
    ("!=4.x", "4.1.0", '"4.1.0" is equal to "4.x"'),
    ("!=4.2.x", "4.2.3", '"4.2.3" is equal to "4.2.x"'),
    (">1.1", "1.1.0", '"1.1.0" is less than or equal to "1.1"'),
    ("<1.1", "1.1.0", '"1.1.0" is greater than or equal to "1.1"'),
    ("<1.1", "1.1.1", '"1.1.1" is greater than or equal to "1.1"'),
    ("<1.x", "2.1.1", '"2.1.1" is greater than or equal to "1.x"'),
    ("<1.1.x", "1.2.1", '"1.2.1" is greater than or equal to "1.1.x"'),
    (">=1.1", "0.0.9", '"0.0.9" is less than "1.1"'),
    ("<=2.x", "3.1.0", '"3.1.0" is greater than "2.x"'),
    ("<=1.1", "1.2.1", '"1.2.1" is greater than "1.1"'),
    ("<=1.1.x", "1.2.500", '"1.2.500" is greater than "1.1.x"'),
    (">1.1, <3", "4.3.2", '"4.3.2" is greater than or equal to "3"'),
    (">=1.1, <2, !=1.2.3", "1.2.3", '"1.2.3" is equal to "1.2.3"'),
    (">=1.1, <2, !=1.2.3 || > 3", "3.0.0", '"3.0.0" is greater than or equal to "2"'),
    (">=1.1, <2, !=1.2.3 || > 3", "1.2.3", '"1.2.3" is equal to "1.2.3"'),
    ("1.1 - 3", "4.3.2", '"4.3.2" is greater than "3"'),
    ("^1.1", "4.3.2", '"4.3.2" does not have same major version as "1.1"'),
    ("^1.12.7", "1.6.6", '"1.6.6" is less than "1.12.7"'),
    ("^2.x", "1.1.1", '"1.1.1" is less than "2.x"'),
    ("^1.x", "2.1.1", '"2.1.1" does not have same major version as "1.x"'),
    (
        "^0.2",
        "0.3.0",
        '"0.3.0" does not have same minor version as "0.2". Expected minor versions to match when constraint major version is 0',
    ),
    ("^0.2", "0.1.1", '"0.1.1" is less than "0.2"'),
    ("^0.0.3", "0.1.1", '"0.1.1" does not have same minor version as "0.0.3"'),
    (
        "^0.0.3",
        "0.0.4",
        '"0.0.4" does not equal "0.0.3". Expect version and constraint to equal when major and minor versions are 0',
    ),
    ("^0.0.3", "0.0.2", '"0.0.2" is less than "0.0.3"'),
    ("~1", "2.1.2", '"2.1.2" does not have same major version as "1"'),
    ("~1.x", "2.1.1", '"2.1.1" does not have same major version as "1.x"'),
    ("~1.2.3", "1.2.2", '"1.2.2" is less than "1.2.3"'),
    ("~1.2.3", "1.3.2", '"1.3.2" does not have same major and minor version as "1.2.3"'),
    ("~1.1", "1.2.3", '"1.2.3" does not have same major and minor version as "1.1"'),
    ("~1.3", "2.4.5", '"2.4.5" does not have same major version as "1.3"'),
    (
        "> 1.2.3",
        "1.2.3-beta.1",
        '"1.2.3-beta.1" is a prerelease version and the constraint is only looking for release versions',
    ),
]

# Masterminds TestConstraintsValidateIncludePrerelease: the first reason with IncludePrerelease.
VALIDATE_INCLUDE_PRE_MSG_ROWS = [
    ("> 1.2.3", "1.2.3-beta.1", '"1.2.3-beta.1" is less than or equal to "1.2.3"'),
    ("< 1.2.3", "1.2.4-beta.1", '"1.2.4-beta.1" is greater than or equal to "1.2.3"'),
    (">= 1.2.3", "1.2.3-beta.1", '"1.2.3-beta.1" is less than "1.2.3"'),
    ("<= 1.2.3", "1.2.4-beta.1", '"1.2.4-beta.1" is greater than "1.2.3"'),
    ("2.x", "1.2.3", '"1.2.3" is less than "2.x"'),
    ("2", "1.2.3", '"1.2.3" is less than "2"'),
    ("= 2.0", "1.2.3", '"1.2.3" is less than "2.0"'),
    ("!=4.1", "4.1.0", '"4.1.0" is equal to "4.1"'),
    ("!=4.x", "4.1.0", '"4.1.0" is equal to "4.x"'),
    ("!=4.2.x", "4.2.3", '"4.2.3" is equal to "4.2.x"'),
    (">1.1", "1.1.0", '"1.1.0" is less than or equal to "1.1"'),
    ("<1.1", "1.1.0", '"1.1.0" is greater than or equal to "1.1"'),
    ("<1.1", "1.1.1", '"1.1.1" is greater than or equal to "1.1"'),
    ("<1.x", "2.1.1", '"2.1.1" is greater than or equal to "1.x"'),
    ("<1.1.x", "1.2.1", '"1.2.1" is greater than or equal to "1.1.x"'),
    (">=1.1", "0.0.9", '"0.0.9" is less than "1.1"'),
    ("<=2.x", "3.1.0", '"3.1.0" is greater than "2.x"'),
    ("<=1.1", "1.2.1", '"1.2.1" is greater than "1.1"'),
    ("<=1.1.x", "1.2.500", '"1.2.500" is greater than "1.1.x"'),
    (">1.1, <3", "4.3.2", '"4.3.2" is greater than or equal to "3"'),
    (">=1.1, <2, !=1.2.3", "1.2.3", '"1.2.3" is equal to "1.2.3"'),
    (">=1.1, <2, !=1.2.3 || > 3", "3.0.0", '"3.0.0" is greater than or equal to "2"'),
    (">=1.1, <2, !=1.2.3 || > 3", "1.2.3", '"1.2.3" is equal to "1.2.3"'),
    ("1.1 - 3", "4.3.2", '"4.3.2" is greater than "3"'),
    ("^1.1", "4.3.2", '"4.3.2" does not have same major version as "1.1"'),
    ("^1.12.7", "1.6.6", '"1.6.6" is less than "1.12.7"'),
    ("^2.x", "1.1.1", '"1.1.1" is less than "2.x"'),
    ("^1.x", "2.1.1", '"2.1.1" does not have same major version as "1.x"'),
    (
        "^0.2",
        "0.3.0",
        '"0.3.0" does not have same minor version as "0.2". Expected minor versions to match when constraint major version is 0',
    ),
    ("^0.2", "0.1.1", '"0.1.1" is less than "0.2"'),
    ("^0.0.3", "0.1.1", '"0.1.1" does not have same minor version as "0.0.3"'),
    (
        "^0.0.3",
        "0.0.4",
        '"0.0.4" does not equal "0.0.3". Expect version and constraint to equal when major and minor versions are 0',
    ),
    ("^0.0.3", "0.0.2", '"0.0.2" is less than "0.0.3"'),
    ("~1", "2.1.2", '"2.1.2" does not have same major version as "1"'),
    ("~1.x", "2.1.1", '"2.1.1" does not have same major version as "1.x"'),
    ("~1.2.3", "1.2.2", '"1.2.2" is less than "1.2.3"'),
    ("~1.2.3", "1.3.2", '"1.3.2" does not have same major and minor version as "1.2.3"'),
    ("~1.1", "1.2.3", '"1.2.3" does not have same major and minor version as "1.1"'),
    ("~1.3", "2.4.5", '"2.4.5" does not have same major version as "1.3"'),
]


def _ids(rows):
    return [" ".join(str(x) for x in r[:2]) for r in rows]


@pytest.mark.parametrize(("constraint", "version", "want"), CHECK_ROWS, ids=_ids(CHECK_ROWS))
def test_check(constraint, version, want):
    if isinstance(want, str):
        with pytest.raises(SemverError) as err:
            parse_constraint(constraint)
        assert str(err.value) == want
    else:
        assert parse_constraint(constraint).check(parse_version(version)) is want


@pytest.mark.parametrize(
    ("constraint", "want"), CONSTRAINT_ERROR_ROWS, ids=[repr(r[0]) for r in CONSTRAINT_ERROR_ROWS]
)
def test_constraint_errors(constraint, want):
    with pytest.raises(SemverError) as err:
        parse_constraint(constraint)
    assert str(err.value) == want
    assert isinstance(err.value, ChartistError)


@pytest.mark.parametrize(
    ("constraint", "version", "want"), CONSTRAINT_ODD_OK_ROWS, ids=_ids(CONSTRAINT_ODD_OK_ROWS)
)
def test_constraint_odd_but_valid(constraint, version, want):
    assert parse_constraint(constraint).check(version) is want


@pytest.mark.parametrize(("text", "want"), VERSION_ROWS, ids=[repr(r[0]) for r in VERSION_ROWS])
def test_parse_version(text, want):
    if isinstance(want, str):
        with pytest.raises(SemverError) as err:
            parse_version(text)
        assert str(err.value) == want
        return
    v = parse_version(text)
    assert (str(v), v.major, v.minor, v.patch, v.prerelease, v.metadata) == want
    assert v.original == text


@pytest.mark.parametrize(("a", "b", "want"), COMPARE_ROWS, ids=_ids(COMPARE_ROWS))
def test_compare(a, b, want):
    va, vb = parse_version(a), parse_version(b)
    assert va.compare(vb) == want
    assert vb.compare(va) == -want
    assert (va < vb, va == vb, va > vb) == (want < 0, want == 0, want > 0)
    assert (va <= vb, va >= vb) == (want <= 0, want >= 0)


@pytest.mark.parametrize(
    ("constraint", "version", "want"), INCLUDE_PRERELEASE_ROWS, ids=_ids(INCLUDE_PRERELEASE_ROWS)
)
def test_include_prerelease(constraint, version, want):
    c = parse_constraint(constraint).with_prerelease()
    assert c.check(version) is want
    ok, reasons = c.validate(version)
    assert ok is want
    assert bool(reasons) is not want


@pytest.mark.parametrize(("constraint", "version", "want"), VALIDATE_MSG_ROWS, ids=_ids(VALIDATE_MSG_ROWS))
def test_validate_message(constraint, version, want):
    ok, reasons = parse_constraint(constraint).validate(parse_version(version, strict=True))
    assert not ok
    assert reasons[0] == want


@pytest.mark.parametrize(
    ("constraint", "version", "want"), VALIDATE_INCLUDE_PRE_MSG_ROWS, ids=_ids(VALIDATE_INCLUDE_PRE_MSG_ROWS)
)
def test_validate_message_include_prerelease(constraint, version, want):
    ok, reasons = parse_constraint(constraint).with_prerelease().validate(parse_version(version, strict=True))
    assert not ok
    assert reasons[0] == want


def test_validate_collects_every_reason():
    c = parse_constraint("!= 1.2.5, ^2, <= 1.1.x")
    assert c.validate("1.2.3") == (False, ['"1.2.3" is less than "2"', '"1.2.3" is greater than "1.1.x"'])
    assert parse_constraint(">1 || <0.5").validate("1.0.0") == (
        False,
        ['"1.0.0" is less than or equal to "1"', '"1.0.0" is greater than or equal to "0.5"'],
    )
    assert parse_constraint(">=1").validate("2.0.0") == (True, [])


def test_validate_prerelease_reason_once():
    ok, reasons = parse_constraint(">1, <3 || >=5").validate("2.0.0-rc.1")
    assert not ok
    assert reasons == [
        '"2.0.0-rc.1" is a prerelease version and the constraint is only looking for release versions'
    ]


# Masterminds TestStrictNewVersion (error or not), with the message StrictNewVersion returns.
STRICT_ROWS = [
    ("1.2.3", None),
    ("1.2.3-alpha.01", "version segment starts with 0"),
    ("1.2.3+test.01", None),
    ("1.2.3-alpha.-1", None),
    ("v1.2.3", "invalid characters in version"),
    ("1.0", "invalid semantic version"),
    ("v1.0", "invalid semantic version"),
    ("1", "invalid semantic version"),
    ("1.2.beta", "invalid characters in version"),
    ("foo", "invalid semantic version"),
    ("1.2-5", "invalid semantic version"),
    ("\n1.2", "invalid semantic version"),
    ("1.2.0-x.Y.0+metadata", None),
    ("v1.2.0-x.Y.0+metadata", "invalid characters in version"),
    ("1.2.0-x.Y.0+metadata-width-hypen", None),
    ("1.2.3-rc1-with-hypen", None),
    ("1.2.3-0abc123", None),
    ("1.2.3-beta.01", "version segment starts with 0"),
    ("1.2.3.4", "invalid characters in version"),
    ("1.2.2147483648", None),
    ("20221209-update-renovatejson-v4", "invalid semantic version"),
    ("1.1.2+.123", "invalid metadata string"),
    ("1.0.0-alpha_beta", "invalid prerelease string"),
    ("1.0.0-alpha..", "invalid prerelease string"),
    ("01.1.1", "version segment starts with 0"),
    ("1.01.1", "version segment starts with 0"),
    ("1.1.01", "version segment starts with 0"),
    ("9.8.7+meta+meta", "invalid metadata string"),
    ("1.2.3-0123", "version segment starts with 0"),
    ("+invalid", "invalid semantic version"),
    ("alpha+beta", "invalid semantic version"),
    ("", "version string empty"),
    ("1..3", 'strconv.ParseUint: parsing "": invalid syntax'),
    ("18446744073709551616.0.0", 'strconv.ParseUint: parsing "18446744073709551616": value out of range'),
]


@pytest.mark.parametrize(("text", "want"), STRICT_ROWS, ids=[repr(r[0]) for r in STRICT_ROWS])
def test_parse_strict(text, want):
    if want is None:
        assert str(parse_version(text, strict=True)) == text
    else:
        with pytest.raises(SemverError) as err:
            parse_version(text, strict=True)
        assert str(err.value) == want


# Masterminds TestConstraintString and TestRewriteRange (as String() prints the result).
STRING_ROWS = [
    ("*", "*"),
    (">=1.2.3", ">=1.2.3"),
    (">= 1.2.3", ">=1.2.3"),
    ("2.x,   >=1.2.3 || >4.5.6, < 5.7", "2.x >=1.2.3 || >4.5.6 <5.7"),
    (
        "2.x,   >=1.2.3 || >4.5.6, < 5.7 || >40.50.60, < 50.70",
        "2.x >=1.2.3 || >4.5.6 <5.7 || >40.50.60 <50.70",
    ),
    ("1.2", "1.2"),
    ("2 - 3", ">=2 <=3"),
    ("2 - 3, 4.0.0 - 5.1", ">=2 <=3 >=4.0.0 <=5.1"),
    ("1.0.0 - 2.0.0 <=2.0.0", ">=1.0.0 <=2.0.0 <=2.0.0"),
    ("3 - 4 || => 3.0, < 4", ">=3 <=4 || =>3.0 <4"),
    ("~> v1.2.x-beta+meta", "~>v1.2.x-beta+meta"),
]


@pytest.mark.parametrize(("text", "want"), STRING_ROWS, ids=[r[0] for r in STRING_ROWS])
def test_constraints_string(text, want):
    c = parse_constraint(text)
    assert str(c) == want
    assert str(parse_constraint(str(c))) == want


# Masterminds TestInc / TestSetPrerelease / TestSetMetadata: (version, how, String, Original).
INC_ROWS = [
    ("1.2.3", "patch", "1.2.4", "1.2.4"),
    ("v1.2.4", "patch", "1.2.5", "v1.2.5"),
    ("1.2.3", "minor", "1.3.0", "1.3.0"),
    ("v1.2.4", "minor", "1.3.0", "v1.3.0"),
    ("1.2.3", "major", "2.0.0", "2.0.0"),
    ("v1.2.4", "major", "2.0.0", "v2.0.0"),
    ("1.2.3+meta", "patch", "1.2.4", "1.2.4"),
    ("1.2.3-beta+meta", "patch", "1.2.3", "1.2.3"),
    ("v1.2.4-beta+meta", "patch", "1.2.4", "v1.2.4"),
    ("1.2.3-beta+meta", "minor", "1.3.0", "1.3.0"),
    ("v1.2.4-beta+meta", "minor", "1.3.0", "v1.3.0"),
    ("1.2.3-beta+meta", "major", "2.0.0", "2.0.0"),
    ("v1.2.4-beta+meta", "major", "2.0.0", "v2.0.0"),
]


@pytest.mark.parametrize(
    ("text", "how", "string", "original"), INC_ROWS, ids=[f"{r[0]}-{r[1]}" for r in INC_ROWS]
)
def test_inc(text, how, string, original):
    v = getattr(parse_version(text), f"inc_{how}")()
    assert (str(v), v.original) == (string, original)


def test_inc_overflow():
    top = (1 << 64) - 1
    for how, v in (
        ("patch", Version(1, 2, top)),
        ("minor", Version(1, top, 0)),
        ("major", Version(top, 0, 0)),
    ):
        with pytest.raises(SemverError, match=f"{how} version increment would overflow uint64"):
            getattr(v, f"inc_{how}")()


def test_set_prerelease_and_metadata():
    v = parse_version("v1.2.4")
    assert (str(v.set_prerelease("beta")), v.set_prerelease("beta").original) == ("1.2.4-beta", "v1.2.4-beta")
    assert (str(v.set_metadata("meta")), v.set_metadata("meta").original) == ("1.2.4+meta", "v1.2.4+meta")
    with pytest.raises(SemverError, match="invalid prerelease string"):
        v.set_prerelease("**")
    with pytest.raises(SemverError, match="invalid metadata string"):
        v.set_metadata("**")
    with pytest.raises(SemverError, match="version segment starts with 0"):
        v.set_prerelease("alpha.01")


def test_version_value_semantics():
    assert Version(1, 2, 3, "alpha.1", "foo.bar").original == "1.2.3-alpha.1+foo.bar"
    assert parse_version("3.2-beta+foo") == parse_version("3.2-beta+bar")
    assert hash(parse_version("v1.2")) == hash(parse_version("1.2.0+x"))
    assert sorted(parse_version(s) for s in ("1.2.3", "1.0", "1.3", "2", "0.4.2", "1.2.3-rc.1")) == [
        parse_version(s) for s in ("0.4.2", "1.0.0", "1.2.3-rc.1", "1.2.3", "1.3.0", "2.0.0")
    ]
    assert repr(parse_version("v1.2")) == "Version('1.2.0')"
    with pytest.raises(AttributeError):
        parse_version("1.2.3").major = 2  # type: ignore[misc]


def test_check_accepts_text():
    c = parse_constraint(">=1.19-0")
    assert isinstance(c, Constraints)
    assert c.check("v1.36.0")
    with pytest.raises(SemverError, match="invalid semantic version"):
        c.check("nope")


# --- properties ---------------------------------------------------------------------------

_num = st.integers(min_value=0, max_value=(1 << 64) - 1)
_ident = st.from_regex(r"\A(0|[1-9][0-9]{0,5}|[0-9]*[A-Za-z-][0-9A-Za-z-]{0,6})\Z")
_pre = st.lists(_ident, min_size=1, max_size=4).map(".".join)
_meta = st.lists(st.from_regex(r"\A[0-9A-Za-z-]{1,6}\Z"), min_size=1, max_size=3).map(".".join)
_versions = st.builds(Version, _num, _num, _num, st.one_of(st.just(""), _pre), st.one_of(st.just(""), _meta))


@given(_versions)
def test_string_round_trips_strict_and_loose(v):
    s = str(v)
    for parsed in (parse_version(s, strict=True), parse_version(s), parse_version("v" + s)):
        assert (parsed.major, parsed.minor, parsed.patch, parsed.prerelease, parsed.metadata) == (
            v.major,
            v.minor,
            v.patch,
            v.prerelease,
            v.metadata,
        )
        assert str(parsed) == s


@given(_versions, _versions, _versions)
def test_order_is_total_and_consistent(a, b, c):
    assert a.compare(b) == -b.compare(a)
    assert (a == b) == (a.compare(b) == 0)
    if a == b:
        assert hash(a) == hash(b)
    if a <= b and b <= c:
        assert a <= c


@given(_versions)
def test_exact_constraint_and_prerelease_rule(v):
    assert parse_constraint(f"={v}").check(v)
    assert parse_constraint(f">={v.major}.{v.minor}.{v.patch}-0").check(v)
    # A range without a prerelease never admits a prerelease.
    assert parse_constraint("*").check(v) is (v.prerelease == "")


@given(st.text(max_size=30))
def test_parsers_raise_only_semver_errors(text):
    for parse in (parse_version, lambda s: parse_version(s, strict=True), parse_constraint):
        try:
            parse(text)
        except SemverError:
            pass
