"""kyaml's document round trip (``kio.ParseAll`` / ``kio.StringAll``) as Helm's post-rendering uses it.

Helm v4 passes every rendered document through sigs.k8s.io/kustomize/kyaml before and after a
post-renderer, so the documents come back in go-yaml v3's formatting. This package reads
documents into yaml.v3-style nodes (:mod:`.parser`, :mod:`.comments`), edits their
annotations and writes them back as yaml.v3 does (:mod:`.emitter`, :mod:`.writer`, :mod:`.kio`).
"""

from __future__ import annotations

from chartist.kyaml.kio import (
    annotation_map,
    clear_annotation,
    get_annotation,
    parse_all,
    set_annotation,
    string_all,
)
from chartist.kyaml.node import KyamlError, Node

__all__ = [
    "KyamlError",
    "Node",
    "annotation_map",
    "clear_annotation",
    "get_annotation",
    "parse_all",
    "set_annotation",
    "string_all",
]
