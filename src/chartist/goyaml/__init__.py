"""YAML and JSON exactly as Helm v4 reads and writes them.

Which library does what, and why:

* Parsing YAML: PyYAML's C parser and composer (libyaml, from which go-yaml v2 was ported),
  see :mod:`.loader`; typing scalars, merge keys, alias expansion and the JSON round trip Helm
  applies (sigs.k8s.io/yaml) are hand-written in :mod:`.resolve` and :mod:`.decode`.
* Writing YAML (``toYaml``, ``toYamlPretty``): hand-written in :mod:`.emitter` (with
  :mod:`.roundtrip`, :mod:`.keyorder`, :mod:`.scalars`) and :mod:`.pretty`, because no library
  emits go-yaml's bytes.
* JSON: the stdlib's C scanner for parsing with Go's checks and messages (:mod:`.jsonload`), and
  a hand-written encoder with Go's escaping around the stdlib's C string quoting
  (:mod:`.jsondump`). Numbers are formatted by :mod:`chartist.gotemplate.strconv`.
"""

from __future__ import annotations

from chartist.goyaml.emitter import dump
from chartist.goyaml.errors import YAMLError
from chartist.goyaml.jsondump import dump_json
from chartist.goyaml.jsonload import load_json
from chartist.goyaml.loader import (
    load,
    load_all,
    load_list,
    load_map,
    load_values,
    merge_maps,
    read_values,
    split_documents,
)
from chartist.goyaml.pretty import dump_pretty

__all__ = [
    "YAMLError",
    "dump",
    "dump_json",
    "dump_pretty",
    "load",
    "load_all",
    "load_json",
    "load_list",
    "load_map",
    "load_values",
    "merge_maps",
    "read_values",
    "split_documents",
]
