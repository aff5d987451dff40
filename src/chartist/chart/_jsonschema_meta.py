"""A fast "certainly valid" answer to the metaschema check of a values.schema.json.

Helm's validator checks every schema against its draft's metaschema before using it. Done by the
general validator (:mod:`._jsonschema_check`), a large schema under draft 2020-12 costs tens of
milliseconds per render: each subschema goes through the seven vocabulary schemas, building
error trees on the way. Yet the metaschemas only ask simple things of each keyword (a string, a
non-negative integer, a schema, an array of schemas...). :func:`certainly_valid` checks exactly
those, keyword by keyword, for drafts 7 and 2020-12, and answers True only when the document is
valid. Anything else (a violation, a keyword it leaves to the general validator, another draft)
answers False, and the caller runs the general validator, whose error text Helm prints: the
outcome never differs. The tables are tested against the metaschemas' own keyword lists.
"""

from __future__ import annotations

from typing import Any, Final

from chartist.chart._jsonschema import Num
from chartist.chart._schemafmt import FORMATS

__all__ = ["certainly_valid"]

# What a keyword's value must be, per the metaschema.
SCHEMA: Final = 0  # a schema: object or boolean
SCHEMA_MAP: Final = 1  # an object of schemas
SCHEMA_ARRAY: Final = 2  # a non-empty array of schemas
STRING: Final = 3
ANY: Final = 4
ARRAY: Final = 5  # an array of anything
BOOLEAN: Final = 6
NUMBER: Final = 7
POSITIVE: Final = 8  # a number > 0 (multipleOf)
NON_NEGATIVE_INT: Final = 9
TYPE: Final = 10  # a simple type or a non-empty array of unique simple types
STRING_ARRAY: Final = 11  # an array of unique strings
URI: Final = 12  # a string of format uri
URI_REFERENCE: Final = 13  # a string of format uri-reference
REGEX: Final = 14  # a string of format regex
PATTERN_PROPERTIES: Final = 15  # an object of schemas whose names are of format regex
ITEMS_7: Final = 16  # draft 7 items: a schema or a non-empty array of schemas
DEPENDENCIES: Final = 17  # an object of schemas or string arrays
STRING_ARRAY_MAP: Final = 18  # an object of string arrays (dependentRequired)
UNHANDLED: Final = 19  # constrained, left to the general validator

_COMMON: Final = {
    "$schema": URI,
    "$ref": URI_REFERENCE,
    "$comment": STRING,
    "title": STRING,
    "description": STRING,
    "default": ANY,
    "readOnly": BOOLEAN,
    "examples": ARRAY,
    "multipleOf": POSITIVE,
    "maximum": NUMBER,
    "exclusiveMaximum": NUMBER,
    "minimum": NUMBER,
    "exclusiveMinimum": NUMBER,
    "maxLength": NON_NEGATIVE_INT,
    "minLength": NON_NEGATIVE_INT,
    "pattern": REGEX,
    "maxItems": NON_NEGATIVE_INT,
    "minItems": NON_NEGATIVE_INT,
    "uniqueItems": BOOLEAN,
    "contains": SCHEMA,
    "maxProperties": NON_NEGATIVE_INT,
    "minProperties": NON_NEGATIVE_INT,
    "required": STRING_ARRAY,
    "additionalProperties": SCHEMA,
    "definitions": SCHEMA_MAP,
    "properties": SCHEMA_MAP,
    "patternProperties": PATTERN_PROPERTIES,
    "dependencies": DEPENDENCIES,
    "propertyNames": SCHEMA,
    "const": ANY,
    "enum": ARRAY,
    "type": TYPE,
    "format": STRING,
    "contentMediaType": STRING,
    "contentEncoding": STRING,
    "if": SCHEMA,
    "then": SCHEMA,
    "else": SCHEMA,
    "allOf": SCHEMA_ARRAY,
    "anyOf": SCHEMA_ARRAY,
    "oneOf": SCHEMA_ARRAY,
    "not": SCHEMA,
}

TABLES: Final[dict[int, dict[str, int]]] = {
    7: {**_COMMON, "$id": URI_REFERENCE, "additionalItems": SCHEMA, "items": ITEMS_7},
    2020: {
        **_COMMON,
        "$id": UNHANDLED,  # also a pattern
        "$anchor": UNHANDLED,
        "$dynamicRef": UNHANDLED,
        "$dynamicAnchor": UNHANDLED,
        "$vocabulary": UNHANDLED,
        "$recursiveAnchor": UNHANDLED,
        "$recursiveRef": UNHANDLED,
        "$defs": SCHEMA_MAP,
        "prefixItems": SCHEMA_ARRAY,
        "items": SCHEMA,
        "dependentSchemas": SCHEMA_MAP,
        "unevaluatedItems": SCHEMA,
        "unevaluatedProperties": SCHEMA,
        "deprecated": BOOLEAN,
        "writeOnly": BOOLEAN,
        "maxContains": NON_NEGATIVE_INT,
        "minContains": NON_NEGATIVE_INT,
        "dependentRequired": STRING_ARRAY_MAP,
        "contentSchema": SCHEMA,
    },
}
"""Per draft, every keyword its metaschema constrains and how."""

_SIMPLE_TYPES: Final = frozenset(("array", "boolean", "integer", "null", "number", "object", "string"))
_uri = FORMATS["uri"]
_uri_reference = FORMATS["uri-reference"]
_regex = FORMATS["regex"]


def _string_array(v: Any) -> bool:
    return type(v) is list and all(type(x) is str for x in v) and len(set(v)) == len(v)


def certainly_valid(doc: Any, draft: int) -> bool:
    """True when DOC is valid against the metaschema of DRAFT; False when it may not be."""
    table = TABLES.get(draft)
    if table is None:
        return False
    get = table.get
    stack = [doc]
    push = stack.append
    while stack:
        s = stack.pop()
        if type(s) is not dict:
            if s is True or s is False:
                continue
            return False
        for k, v in s.items():
            kind = get(k)
            if kind is None or kind == ANY:
                continue
            t = type(v)
            if kind == SCHEMA:
                push(v)
            elif kind == STRING:
                if t is not str:
                    return False
            elif kind == SCHEMA_MAP:
                if t is not dict:
                    return False
                stack.extend(v.values())
            elif kind == TYPE:
                if t is str:
                    if v not in _SIMPLE_TYPES:
                        return False
                elif not (
                    t is list
                    and v
                    and all(type(x) is str and x in _SIMPLE_TYPES for x in v)
                    and len(set(v)) == len(v)
                ):
                    return False
            elif kind == ARRAY:
                if t is not list:
                    return False
            elif kind == BOOLEAN:
                if t is not bool:
                    return False
            elif kind == NON_NEGATIVE_INT:
                if t is not Num or v.frac.denominator != 1 or v.frac < 0:
                    return False
            elif kind == NUMBER:
                if t is not Num:
                    return False
            elif kind == POSITIVE:
                if t is not Num or v.frac <= 0:
                    return False
            elif kind == SCHEMA_ARRAY:
                if t is not list or not v:
                    return False
                stack.extend(v)
            elif kind == STRING_ARRAY:
                if not _string_array(v):
                    return False
            elif kind == URI:
                if t is not str or _uri(v) is not None:
                    return False
            elif kind == URI_REFERENCE:
                if t is not str or _uri_reference(v) is not None:
                    return False
            elif kind == REGEX:
                if t is not str or _regex(v) is not None:
                    return False
            elif kind == PATTERN_PROPERTIES:
                if t is not dict or any(_regex(p) is not None for p in v):
                    return False
                stack.extend(v.values())
            elif kind == ITEMS_7:
                if t is list:
                    if not v:
                        return False
                    stack.extend(v)
                else:
                    push(v)
            elif kind == DEPENDENCIES:
                if t is not dict:
                    return False
                for d in v.values():
                    if type(d) is list:
                        if not _string_array(d):
                            return False
                    else:
                        push(d)
            elif kind == STRING_ARRAY_MAP:
                if t is not dict or not all(_string_array(d) for d in v.values()):
                    return False
            else:
                return False
    return True
