"""Go's value model, as text/template sees it, mapped onto Python values.

Every module of chartist that hands values to templates or takes values from them uses this
mapping; nothing else is allowed to stand for a Go value.

=================================  ============================  =========================
Go type (``%T``)                   Python value                  kind (reflect.Kind)
=================================  ============================  =========================
untyped nil / missing              ``None``                      ``invalid``
``bool``                           ``bool``                      ``bool``
``int``                            ``int`` (not bool)            ``int``
``int64``                          :class:`Int64` (int sub)      ``int64``
``uint64``                         :class:`Uint64` (int sub)     ``uint64``
``float64``                        ``float``                     ``float64``
``complex128``                     ``complex``                   ``complex128``
``string``                         ``str``                       ``string``
``[]uint8`` ([]byte)               ``bytes``                     ``slice``
``[]interface {}``                 ``list``                      ``slice``
``[]string``                       :class:`StrSlice`             ``slice``
``[]int``                          :class:`IntSlice`             ``slice``
``[][]interface {}``               :class:`Slices`               ``slice``
``[]map[string]interface {}``      :class:`MapSlice`             ``slice``
nil ``[]interface {}``             :class:`NilList`              ``slice``
nil ``[]string``                   :class:`NilStrSlice`          ``slice``
``map[string]interface {}``        ``dict`` (str keys)           ``map``
``map[string]string``              :class:`StrMap`               ``map``
nil ``map[string]interface {}``    :class:`NilDict`              ``map``
nil ``map[string]string``          :class:`NilStrMap`            ``map``
struct / named types               :class:`GoObject` subclass    ``struct`` (or its own)
function                           :class:`GoFunc`               ``func``
=================================  ============================  =========================

Facts that follow from Go and that callers rely on:

* Integer literals in templates are ``int``; Sprig arithmetic returns ``int64``; every number
  read from YAML or JSON values is ``float64`` (``float``), so ``1000000`` from values prints
  ``1e+06``. Python ``int`` arithmetic on :class:`Int64` returns plain ``int``: functions that
  return ``int64`` wrap their result in :class:`Int64` themselves.
* ``None`` stands for nil and for a missing map key alike; an action printing it writes
  ``<no value>`` while ``fmt`` (print, printf) writes ``<nil>``.
* Functions are called through :class:`GoFunc`, which carries the Go signature so that the
  executor converts and checks arguments as Go's ``reflect`` does, with Go's messages
  (``wrong type for value; expected string; got int``). A function reports a Go ``error``
  result by raising :class:`FuncError`; the executor turns it into
  ``error calling NAME: MESSAGE``.
* Go's other named map and slice types are :class:`GoObject` subclasses of ``dict`` or ``list``
  (:class:`StrMap`, :class:`IntSlice`, Helm's ``engine.files``...): ``go_type`` is their type,
  ``go_elem_iface`` says whether elements are ``interface {}`` and ``go_elem_zero`` is what a
  missing key yields. Typed nil slices and maps (:class:`NilList`, :class:`NilDict`...) act as
  empty ones but JSON and YAML write them as ``null``, as Go does.
* A :class:`GoObject` exposes exported fields (``go_fields``) and methods (decorated with
  :func:`method`) by their Go names, so ``.Files.Get "x"`` and ``.Chart.Name`` resolve as in Go.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

# Go type names used in signatures.
INTERFACE = "interface {}"
STRING = "string"
INT = "int"
INT64 = "int64"
FLOAT64 = "float64"
BOOL = "bool"
SLICE = "[]interface {}"
STRINGS = "[]string"
MAP = "map[string]interface {}"
BYTES = "[]uint8"


class Int64(int):
    """A Go ``int64`` (plain Python ``int`` is Go ``int``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Int64({int(self)})"


class Uint64(int):
    """A Go ``uint64`` (semver's Major/Minor/Patch)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Uint64({int(self)})"


class StrSlice(list[str]):
    """A Go ``[]string`` (plain ``list`` is ``[]interface {}``)."""

    __slots__ = ()


class NilList(list[Any]):
    """A nil ``[]interface {}``: empty like ``[]``, but JSON and YAML write it as ``null`` and
    ``%#v`` prints ``[]interface {}(nil)`` (Sprig's ``rest``/``initial`` of an empty list)."""

    __slots__ = ()


class NilStrSlice(StrSlice):
    """A nil ``[]string`` (``regexFindAll`` finding nothing): see :class:`NilList`."""

    __slots__ = ()


NIL_SLICES = (NilList, NilStrSlice)
"""The typed nil slices, for ``isinstance``."""


class FuncError(Exception):
    """Raised by a template function to return a Go ``error``; the text is Go's message."""


@dataclass(frozen=True, slots=True)
class GoFunc:
    """A function callable from templates, with its Go signature.

    ``params`` are Go type names of the parameters; with ``variadic`` the last one is the
    element type of the ``...T`` parameter. ``result`` is the Go type of the first result
    (used only for messages); ``error`` says the function also returns an ``error``, which the
    Python callable reports by raising :class:`FuncError`.
    """

    fn: Callable[..., Any]
    params: tuple[str, ...] = ()
    variadic: bool = False
    result: str = INTERFACE
    error: bool = False
    name: str = ""

    def __call__(self, *args: Any) -> Any:
        return self.fn(*args)


def gofunc(
    *params: str, variadic: bool = False, result: str = INTERFACE, error: bool = False
) -> Callable[[Callable[..., Any]], GoFunc]:
    """Decorate a Python function as a template function with the given Go signature."""

    def wrap(fn: Callable[..., Any]) -> GoFunc:
        return GoFunc(fn, tuple(params), variadic, result, error, fn.__name__)

    return wrap


class _Method:
    """Descriptor made by :func:`method`: yields a bound :class:`GoFunc` on instances."""

    __slots__ = ("error", "fn", "params", "result", "variadic")

    def __init__(
        self, fn: Callable[..., Any], params: tuple[str, ...], variadic: bool, result: str, error: bool
    ) -> None:
        self.fn, self.params, self.variadic, self.result, self.error = fn, params, variadic, result, error

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        fn = self.fn.__get__(obj, owner)
        return GoFunc(fn, self.params, self.variadic, self.result, self.error, self.fn.__name__)


def method(
    *params: str, variadic: bool = False, result: str = INTERFACE, error: bool = False
) -> Callable[[Callable[..., Any]], Any]:
    """Decorate a method of a :class:`GoObject` as a Go method callable from templates."""

    def wrap(fn: Callable[..., Any]) -> Any:
        return _Method(fn, tuple(params), variadic, result, error)

    return wrap


class GoObject:
    """A Go struct or named type seen by templates: exported fields and methods by Go name.

    Subclasses set ``go_type`` (what ``%T`` prints, e.g. ``*chart.Metadata``), ``go_kind``
    (``struct``, ``ptr``, ``map``, ``slice``) and ``go_fields`` (exported field names in
    declaration order, read with ``getattr``; ``%v`` prints them in this order).
    """

    go_type: ClassVar[str] = "struct {}"
    go_kind: ClassVar[str] = "struct"
    go_fields: ClassVar[tuple[str, ...]] = ()
    # For fmt only: every field Go prints (unexported included), as Go names or
    # (go_name, attribute) pairs; empty means go_fields.
    go_print_fields: ClassVar[tuple[str | tuple[str, str], ...]] = ()
    # For fmt only: methods declared on the pointer receiver (a Stringer only when addressable).
    go_ptr_methods: ClassVar[tuple[str, ...]] = ()
    # Map and slice kinds: whether the element type is interface {} (it decides Go's messages,
    # "can't evaluate field X in type interface {}" or "... in type string"), and for maps the
    # element's zero value, which a missing key yields under missingkey=zero and in ``index``.
    go_elem_iface: ClassVar[bool] = True
    go_elem_zero: ClassVar[Any] = None

    def go_method(self, name: str) -> GoFunc | None:
        """The bound method called NAME, or None if the type has no such method."""
        attr = getattr(type(self), name, None)
        if isinstance(attr, _Method):
            bound = attr.__get__(self, type(self))
            assert isinstance(bound, GoFunc)
            return bound
        return None

    def go_field(self, name: str) -> Any:
        """The value of exported field NAME; raises KeyError if the type has no such field."""
        if name in self.go_fields:
            return getattr(self, name)
        raise KeyError(name)


class StrMap(dict[str, str], GoObject):
    """A Go ``map[string]string`` (Sprig's ``split`` and ``splitn``)."""

    go_type: ClassVar[str] = "map[string]string"
    go_kind: ClassVar[str] = "map"
    go_elem_iface: ClassVar[bool] = False
    go_elem_zero: ClassVar[Any] = ""
    __hash__ = None  # type: ignore[assignment]


class IntSlice(list[int], GoObject):
    """A Go ``[]int`` (Sprig's ``until`` and ``untilStep``)."""

    go_type: ClassVar[str] = "[]int"
    go_kind: ClassVar[str] = "slice"
    go_elem_iface: ClassVar[bool] = False
    __hash__ = None  # type: ignore[assignment]


class Slices(list[list[Any]], GoObject):
    """A Go ``[][]interface {}`` (Sprig's ``chunk``): a slice of ``[]interface {}``."""

    go_type: ClassVar[str] = "[][]interface {}"
    go_kind: ClassVar[str] = "slice"
    go_elem_iface: ClassVar[bool] = False
    __hash__ = None  # type: ignore[assignment]


class MapSlice(list[dict[str, Any]], GoObject):
    """A Go ``[]map[string]interface {}`` (TOML's arrays of tables)."""

    go_type: ClassVar[str] = "[]map[string]interface {}"
    go_kind: ClassVar[str] = "slice"
    go_elem_iface: ClassVar[bool] = False
    __hash__ = None  # type: ignore[assignment]


class NilDict(dict[str, Any]):
    """A nil ``map[string]interface {}`` (``fromJson "null"``): empty like ``{}``, but JSON and
    YAML write it as ``null``, ``%#v`` prints ``map[string]interface {}(nil)`` and ``set``
    fails with Go's "assignment to entry in nil map"."""

    __slots__ = ()


class NilStrMap(StrMap):
    """A nil ``map[string]string`` (a chart's unset annotations): see :class:`NilDict`."""


NIL_MAPS = (NilDict, NilStrMap)
"""The typed nil maps, for ``isinstance``."""
NILS = (*NIL_SLICES, *NIL_MAPS)
"""Every typed nil map or slice."""


def type_name(v: Any) -> str:
    """What Go's ``%T`` prints for V."""
    if v is None:
        return "<nil>"
    if isinstance(v, GoObject):
        return v.go_type
    if isinstance(v, bool):
        return BOOL
    if isinstance(v, Int64):
        return INT64
    if isinstance(v, Uint64):
        return "uint64"
    if isinstance(v, int):
        return INT
    if isinstance(v, float):
        return FLOAT64
    if isinstance(v, complex):
        return "complex128"
    if isinstance(v, str):
        return STRING
    if isinstance(v, StrSlice):
        return STRINGS
    if isinstance(v, list | tuple):
        return SLICE
    if isinstance(v, Mapping):
        return MAP
    if isinstance(v, bytes | bytearray):
        return BYTES
    if isinstance(v, GoFunc) or callable(v):
        return "func(...interface {}) interface {}"
    return type(v).__name__


def kind(v: Any) -> str:
    """Go's ``reflect.Kind`` name of V (``invalid`` for nil)."""
    if v is None:
        return "invalid"
    if isinstance(v, GoObject):
        return v.go_kind
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, Int64):
        return "int64"
    if isinstance(v, Uint64):
        return "uint64"
    if isinstance(v, int):
        return "int"
    if isinstance(v, float):
        return "float64"
    if isinstance(v, complex):
        return "complex128"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list | tuple | bytes | bytearray):
        return "slice"
    if isinstance(v, Mapping):
        return "map"
    if isinstance(v, GoFunc) or callable(v):
        return "func"
    return "struct"


def truth(v: Any) -> bool:
    """Go template truth: false, 0, nil, and empty strings, slices and maps are false."""
    if v is None:
        return False
    if isinstance(v, GoObject):
        if v.go_kind in ("struct",):
            return True
        try:
            return len(v) > 0  # type: ignore[arg-type]
        except TypeError:
            return True
    if isinstance(v, bool | int | float):
        return bool(v)
    if isinstance(v, str | list | tuple | dict | bytes | Mapping):
        return len(v) > 0
    return True
