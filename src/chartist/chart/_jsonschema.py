"""JSON Schema documents as santhosh-tekuri/jsonschema v6 compiles them (Helm v4's validator).

Helm v4 validates values with that Go library and prints its error tree. Python's
``jsonschema`` package neither reproduces that tree nor its messages, nor the Go library's
draft rules (``1.0`` is an integer in every draft, formats are asserted before 2019-09), so
the library is re-implemented here: this module compiles a document (drafts 4, 6, 7,
2019-09, 2020-12, the latter when ``$schema`` is absent; ``$id``/``id`` resources, anchors,
``$ref``/``$dynamicRef``/``$recursiveRef`` resolved up front, regular expressions checked)
and :mod:`._jsonschema_check` validates values against it. Metaschemas come from
``jsonschema_specifications``.

References are resolved inside the schema document only. ``urn:`` references that cannot be
resolved become the permissive ``true`` schema (as in Helm); any other external reference
(``file://``, ``http(s)://``) is refused with :class:`RefError`, so validation never reads
files or reaches the network.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin

from chartist.gotemplate.strconv import quote as go_quote
from chartist.sprig.goregexp import RegexpError, compile_go

if TYPE_CHECKING:
    from chartist.chart._jsonschema_check import VError

SCHEMA_URL = "file:///values.schema.json"
_DRAFTS = {
    "json-schema.org/schema": 2020,
    "json-schema.org/draft/2020-12/schema": 2020,
    "json-schema.org/draft/2019-09/schema": 2019,
    "json-schema.org/draft-07/schema": 7,
    "json-schema.org/draft-06/schema": 6,
    "json-schema.org/draft-04/schema": 4,
}


class RefError(Exception):
    """A reference that cannot or must not be resolved; str() is the message."""


class Num:
    """A number from a JSON document, kept as written (Go's json.Number)."""

    __slots__ = ("frac", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.frac = Fraction(text)

    def __repr__(self) -> str:
        return self.text


@dataclass
class Resource:
    """A schema resource: its base URL (no fragment), root node, draft and anchors."""

    url: str
    root: Any
    draft: int
    anchors: dict[str, Any] = field(default_factory=dict)
    dyn_anchors: dict[str, Any] = field(default_factory=dict)


def draft_of(schema_url: str) -> int | None:
    """The draft a ``$schema`` URL names, or None when it is not a known metaschema."""
    url, _, frag = schema_url.partition("#")
    if frag:
        return None
    for prefix in ("http://", "https://"):
        if url.startswith(prefix):
            url = url[len(prefix) :]
            break
    return _DRAFTS.get(url)


_SUB_MAPS = {
    "properties": 4,
    "patternProperties": 4,
    "definitions": 4,
    "$defs": 2019,
    "dependentSchemas": 2019,
}
_SUB_ONE = {
    "additionalProperties": 4,
    "additionalItems": 4,
    "not": 4,
    "contains": 6,
    "propertyNames": 6,
    "if": 7,
    "then": 7,
    "else": 7,
    "unevaluatedProperties": 2019,
    "unevaluatedItems": 2019,
    "contentSchema": 2019,
}
_SUB_ARRAYS = {"allOf": 4, "anyOf": 4, "oneOf": 4, "prefixItems": 2020}


class Schema:
    """A compiled schema document: resources, anchors and every reference resolved.

    LOADER(url) returns a JSON document for an external URL or raises RefError; by default
    only the bundled metaschemas load. Raises RefError for unresolvable references.
    """

    def __init__(
        self,
        doc: Any,
        url: str = SCHEMA_URL,
        loader: Callable[[str], Any] | None = None,
        *,
        assert_formats: bool = False,
    ) -> None:
        self._loader = loader or load_metaschema
        self.url = url
        self.assert_formats = assert_formats
        self._resources: dict[str, Resource] = {}
        self._info: dict[int, Resource] = {}
        self._refs: dict[tuple[int, str], Any] = {}
        self.root = doc
        self._add_document(doc, url, 2020)

    # --- compilation ----------------------------------------------------------------------

    def _add_document(self, doc: Any, url: str, default_draft: int) -> Resource:
        pending: list[tuple[Any, Resource]] = []
        res = self._walk(doc, url.partition("#")[0], None, default_draft, pending)
        for node, owner in pending:
            for kw in ("$ref", "$dynamicRef", "$recursiveRef"):
                ref = node.get(kw)
                if isinstance(ref, str) and (kw == "$ref" or owner.draft >= 2019):
                    self._refs[(id(node), kw)] = self._resolve(owner, ref)
        return res

    def _walk(
        self, node: Any, base: str, parent: Resource | None, draft: int, pending: list[tuple[Any, Resource]]
    ) -> Resource:
        res = parent
        if isinstance(node, dict):
            sch = node.get("$schema")
            if isinstance(sch, str) and (parent is None or _id_of(node, draft)):
                found = draft_of(sch)
                if found is None:
                    raise RefError(
                        f"failing loading {go_quote(sch.partition('#')[0])}: unknown metaschema; "
                        "chartist does not fetch metaschemas"
                    )
                draft = found
            ident = _id_of(node, draft)
            if ident is not None and not (draft < 2019 and ident.startswith("#")):
                base = _join(base, ident).partition("#")[0]
                res = None
            if res is None:
                res = Resource(base, node, draft)
                self._resources.setdefault(base, res)
            if draft < 2019 and ident and "#" in ident:
                frag = ident.partition("#")[2]
                if frag:
                    res.anchors[unquote(frag)] = node
            if draft >= 2019:
                if isinstance(node.get("$anchor"), str):
                    res.anchors[node["$anchor"]] = node
                if draft >= 2020 and isinstance(node.get("$dynamicAnchor"), str):
                    res.anchors[node["$dynamicAnchor"]] = node
                    res.dyn_anchors[node["$dynamicAnchor"]] = node
            self._info[id(node)] = res
            pending.append((node, res))
            _check_patterns(node, base)
            if draft < 2019 and isinstance(node.get("$ref"), str):
                return res
            for kw, since in _SUB_MAPS.items():
                m = node.get(kw)
                if since <= draft and isinstance(m, dict):
                    for sub in m.values():
                        self._walk(sub, base, res, draft, pending)
            for kw, since in _SUB_ONE.items():
                if since <= draft and kw in node:
                    self._walk(node[kw], base, res, draft, pending)
            for kw, since in _SUB_ARRAYS.items():
                arr = node.get(kw)
                if since <= draft and isinstance(arr, list):
                    for sub in arr:
                        self._walk(sub, base, res, draft, pending)
            items = node.get("items")
            if isinstance(items, list):
                for sub in items:
                    self._walk(sub, base, res, draft, pending)
            elif items is not None:
                self._walk(items, base, res, draft, pending)
            deps = node.get("dependencies")
            if isinstance(deps, dict):
                for sub in deps.values():
                    if not isinstance(sub, list):
                        self._walk(sub, base, res, draft, pending)
        elif res is None:
            res = Resource(base, node, draft)
            self._resources.setdefault(base, res)
        assert res is not None
        return res

    def _resolve(self, owner: Resource, ref: str) -> Any:
        """The schema node REF (relative to OWNER's base) points at; RefError if none."""
        target = _join(owner.url, ref)
        url, _, frag = target.partition("#")
        res = self._resources.get(url)
        if res is None:
            if url.startswith("urn:"):
                return True  # Helm resolves unknown URNs to the permissive schema
            doc = self._loader(url)
            res = self._add_document(doc, url, owner.draft)
        frag = unquote(frag)
        if frag == "" or frag.startswith("/"):
            node: Any = res.root
            for tok in frag.split("/")[1:]:
                tok = tok.replace("~1", "/").replace("~0", "~")
                if isinstance(node, dict) and tok in node:
                    node = node[tok]
                elif isinstance(node, list) and tok.isdigit() and int(tok) < len(node):
                    node = node[int(tok)]
                else:
                    raise RefError(f"json-pointer in {go_quote(target)} not found")
            if isinstance(node, dict) and id(node) not in self._info:
                pending: list[tuple[Any, Resource]] = []
                self._walk(node, res.url, res, res.draft, pending)
                for n, o in pending:
                    for kw in ("$ref", "$dynamicRef", "$recursiveRef"):
                        r = n.get(kw)
                        if (
                            isinstance(r, str)
                            and (kw == "$ref" or o.draft >= 2019)
                            and (id(n), kw) not in self._refs
                        ):
                            self._refs[(id(n), kw)] = self._resolve(o, r)
            return node
        if frag in res.anchors:
            return res.anchors[frag]
        raise RefError(f"anchor {go_quote(frag)} not found in {go_quote(url)}")

    def info(self, node: Any) -> Resource:
        return self._info[id(node)]

    def ref(self, node: dict[str, Any], kw: str) -> Any:
        return self._refs[(id(node), kw)]

    def validate(self, value: Any) -> VError | None:
        """The library's error tree for VALUE, rooted at a ``schema`` error, or None."""
        from chartist.chart._jsonschema_check import validate

        return validate(self, value)


def _check_patterns(node: dict[str, Any], base: str) -> None:
    """Compile the node's regular expressions now, as the Go library does (InvalidRegexError)."""
    pat = node.get("pattern")
    pats = [pat] if isinstance(pat, str) else []
    if isinstance(node.get("patternProperties"), dict):
        pats.extend(node["patternProperties"])
    for p in pats:
        try:
            compile_go(p)
        except RegexpError as err:
            raise RefError(f"invalid regex {go_quote(p)}: {err}") from None


def _id_of(node: dict[str, Any], draft: int) -> str | None:
    v = node.get("id" if draft == 4 else "$id")
    return v if isinstance(v, str) else None


def _join(base: str, ref: str) -> str:
    if ref.startswith("#"):
        return base.partition("#")[0] + ref
    if ":" in ref.split("/", 1)[0]:
        return ref
    return urljoin(base, ref)


_META_URLS = {
    "http://json-schema.org/draft-04/schema",
    "http://json-schema.org/draft-06/schema",
    "http://json-schema.org/draft-07/schema",
}


# Where jsonschema_specifications keeps each metaschema: read directly, its REGISTRY costs an
# import of the referencing package (tens of milliseconds) that the CLI would pay on every run.
_SPEC_FILES = {
    "json-schema.org/draft-03/schema": "draft3/metaschema.json",
    "json-schema.org/draft-04/schema": "draft4/metaschema.json",
    "json-schema.org/draft-06/schema": "draft6/metaschema.json",
    "json-schema.org/draft-07/schema": "draft7/metaschema.json",
    "json-schema.org/draft/2019-09/schema": "draft201909/metaschema.json",
    "json-schema.org/draft/2020-12/schema": "draft202012/metaschema.json",
}
_SPEC_VOCABULARIES = {"json-schema.org/draft/2019-09/meta/": "draft201909", "json-schema.org/draft/2020-12/meta/": "draft202012"}  # fmt: skip


def _spec_file(u: str) -> bytes | None:
    """The bundled file of metaschema URL U (no fragment), None when there is none."""
    from importlib.util import find_spec

    rest = u.partition("://")[2]
    rel = _SPEC_FILES.get(rest)
    if rel is None:
        for prefix, folder in _SPEC_VOCABULARIES.items():
            name = rest[len(prefix) :]
            if rest.startswith(prefix) and name.replace("-", "").isalpha():
                rel = f"{folder}/vocabularies/{name}"
    spec = find_spec("jsonschema_specifications") if rel is not None else None
    if spec is None or not spec.submodule_search_locations:
        return None
    try:
        with open(f"{spec.submodule_search_locations[0]}/schemas/{rel}", "rb") as f:
            return f.read()
    except OSError:
        return None


def load_metaschema(url: str) -> Any:
    """A bundled metaschema (or 2019-09/2020-12 vocabulary schema); RefError for anything else."""
    u = url.rstrip("#")
    if u.startswith("https://json-schema.org/") or u in _META_URLS or u.startswith("http://json-schema.org/"):
        data = _spec_file(u)
        if data is not None:
            from chartist.chart.schema import parse_json

            return parse_json(data)
        try:
            import json

            from jsonschema_specifications import REGISTRY  # type: ignore[import-untyped]

            for cand in (u, u + "#", u.replace("http://", "https://"), u.replace("https://", "http://")):
                try:
                    contents = REGISTRY.contents(cand)
                except Exception:
                    continue
                from chartist.chart.schema import parse_json

                return parse_json(json.dumps(contents).encode())
        except ImportError:
            pass
    raise RefError(
        f"failing loading {go_quote(url)}: chartist does not read files or fetch URLs "
        "referenced by values.schema.json"
    )
