"""Post-renderers as Helm v4.2.3 runs them: a ``postrenderer/v1`` plugin fed all documents.

``--post-renderer NAME`` names a plugin of type ``postrenderer/v1`` in the plugins directory
(Helm 4 no longer accepts a path to an executable). Before the plugin runs, every document
of every rendered file goes through kyaml (:mod:`chartist.kyaml`): it is annotated with
``postrenderer.helm.sh/postrender-filename`` and re-serialised in go-yaml v3's style; the
plugin reads that stream on stdin and writes the result on stdout; the result is parsed
again, each document goes back to the file its annotation names (or to
``generated-by-postrender-N.yaml``) and is re-serialised once more. The three strategies of
Helm's ``renderResources`` are here: ``combined`` (hooks and manifests in one stream, Helm 4's
default and the only one its CLI uses), ``separate`` (one run each) and ``nohooks`` (hooks
are not post-rendered, as in Helm 3).

Helm 4 drops the plugin's stderr; chartist keeps it on the error and appends it to the
message, so a failing post-renderer says why.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from typing import Final

from chartist.errors import ChartistError

__all__ = [
    "FILENAME_ANNOTATION",
    "STRATEGY_COMBINED",
    "STRATEGY_NOHOOKS",
    "STRATEGY_SEPARATE",
    "PostRenderer",
    "PostRendererError",
    "annotate_and_merge",
    "split_and_deannotate",
]

FILENAME_ANNOTATION: Final = "postrenderer.helm.sh/postrender-filename"
STRATEGY_COMBINED: Final = "combined"
STRATEGY_SEPARATE: Final = "separate"
STRATEGY_NOHOOKS: Final = "nohooks"
_PLUGIN_TYPE: Final = "postrenderer/v1"
_GO_SPACE: Final = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


class PostRendererError(ChartistError):
    """A post-renderer could not be found or failed, or its output could not be used.

    ``stderr`` holds what the plugin wrote to stderr when it exited with an error.
    """

    def __init__(self, message: str, stderr: str = "") -> None:
        super().__init__(message)
        self.stderr = stderr


def _go_quote(s: str) -> str:
    from chartist.gotemplate.fmt import quote

    return quote(s)


def annotate_and_merge(files: Mapping[str, str]) -> str:
    """Helm's annotateAndMerge: the documents of FILES (sorted by name, partials and blank
    files skipped) as one kyaml stream, each annotated with its file name.

    Raises PostRendererError ``parsing NAME: MalformedYAMLError: ...``.
    """
    from chartist.kyaml import KyamlError, parse_all, set_annotation, string_all
    from chartist.release.manifest import split_manifests

    nodes = []
    for name in sorted(files):
        content = files[name]
        if posixpath.basename(name).startswith("_") or not content.strip(_GO_SPACE):
            continue
        for doc in split_manifests(content):
            try:
                parsed = parse_all(doc)
            except KyamlError as err:
                raise PostRendererError(f"parsing {name}: {err}") from None
            for node in parsed:
                try:
                    set_annotation(node, FILENAME_ANNOTATION, name)
                except KyamlError as err:
                    raise PostRendererError(f"annotating {name}: {err}") from None
                nodes.append(node)
    try:
        return string_all(nodes)
    except KyamlError as err:
        raise PostRendererError(f"writing merged docs: {err}") from None


def split_and_deannotate(text: str, fallback_prefix: str = "") -> dict[str, str]:
    """Helm's splitAndDeannotate: the post-rendered stream TEXT back into files.

    Documents without the filename annotation go to ``generated-by-postrender-N.yaml``
    (``generated-by-postrender-PREFIX-N.yaml`` with a prefix), N being the document's index.
    Raises PostRendererError ``error parsing YAML: MalformedYAMLError: ...``.
    """
    from chartist.kyaml import KyamlError, clear_annotation, get_annotation, parse_all, string_all

    try:
        nodes = parse_all(text)
    except KyamlError as err:
        raise PostRendererError(f"error parsing YAML: {err}") from None
    by_file: dict[str, list[object]] = {}
    for i, node in enumerate(nodes):
        name = get_annotation(node, FILENAME_ANNOTATION)
        if not name:
            prefix = f"{fallback_prefix}-" if fallback_prefix else ""
            name = f"generated-by-postrender-{prefix}{i}.yaml"
        try:
            clear_annotation(node, FILENAME_ANNOTATION)
        except KyamlError as err:
            raise PostRendererError(f"clearing filename annotation: {err}") from None
        by_file.setdefault(name, []).append(node)
    out: dict[str, str] = {}
    for name, docs in by_file.items():
        try:
            out[name] = string_all(docs)  # type: ignore[arg-type]
        except KyamlError as err:
            raise PostRendererError(f"re-writing {name}: {err}") from None
    return out


def _join_into(files: dict[str, str], add: Mapping[str, str]) -> None:
    for k, v in add.items():
        files[k] = f"{files[k]}\n---\n{v}" if k in files else v


class PostRenderer:
    """A ``postrenderer/v1`` plugin and the extra arguments from ``--post-renderer-args``.

    ``environ`` is the environment the plugin starts with (None: this process's).
    """

    def __init__(self, plugin: object, args: Sequence[str], environ: Mapping[str, str] | None = None) -> None:
        from chartist.plugin import Plugin

        assert isinstance(plugin, Plugin)
        self.plugin = plugin
        self.args = list(args)
        self.environ = environ

    @classmethod
    def find(
        cls, name: str, args: Sequence[str], plugins_dir: str, environ: Mapping[str, str] | None = None
    ) -> PostRenderer:
        """Resolve ``--post-renderer NAME`` as Helm's flag does: the ``postrenderer/v1`` plugin
        NAME in PLUGINS_DIR (a path list). Helm 4 accepts no executable path here.

        Raises PostRendererError with Helm's flag error, e.g. ``invalid argument "x" for
        "--post-renderer" flag: plugin: {Name:x Type:postrenderer/v1} not found``.
        """
        import os

        from chartist.plugin import PluginError, find_plugin

        dirs = [d for d in plugins_dir.split(os.pathsep)] if plugins_dir else []
        try:
            plugin = find_plugin(dirs, name, _PLUGIN_TYPE)
        except PluginError as err:
            raise PostRendererError(
                f'invalid argument {_go_quote(name)} for "--post-renderer" flag: {err}'
            ) from None
        return cls(plugin, args, environ)

    @property
    def name(self) -> str:
        return str(self.plugin.name)

    def run(self, manifests: str) -> str:
        """Helm's postRendererPlugin.Run: MANIFESTS through the plugin; its stdout.

        Raises PostRendererError ``failed to invoke post-renderer plugin "NAME": ...`` or
        ``post-renderer "NAME" produced empty output``.
        """
        from chartist.plugin import PluginError, PluginExecError, plugin_env, prepare_command, run_with_stdin

        plugin = self.plugin
        prefix = f"failed to invoke post-renderer plugin {_go_quote(plugin.name)}: "
        if plugin.runtime != "subprocess":
            raise PostRendererError(f"{prefix}the {plugin.runtime} runtime is not supported by chartist")
        env = plugin_env(plugin, self.environ)
        try:
            program, argv = prepare_command(plugin.platform_command, self.args, env)
        except PluginError as err:
            raise PostRendererError(f"{prefix}failed to prepare plugin command: {err}") from None
        try:
            out, _ = run_with_stdin(plugin, program, argv, env, manifests.encode("utf-8", "surrogateescape"))
        except PluginExecError as err:
            msg = f"{prefix}{err}"
            if err.stderr.strip():
                msg += "\n" + err.stderr.rstrip("\n")
            raise PostRendererError(msg, err.stderr) from None
        except PluginError as err:
            raise PostRendererError(f"{prefix}{err}") from None
        if not out.strip(b" \t\n\v\f\r\x85\xa0"):
            raise PostRendererError(f"post-renderer {_go_quote(plugin.name)} produced empty output")
        return out.decode("utf-8", "surrogateescape")

    def run_files(self, files: dict[str, str], strategy: str = STRATEGY_COMBINED) -> dict[str, str]:
        """The post-render step of Helm's renderResources: FILES (rendered, NOTES removed) to
        the files after post-rendering, by STRATEGY (``combined``, ``separate``, ``nohooks``).

        Raises PostRendererError with Helm's messages (``error while running post render on
        files: ...``); ``separate``/``nohooks`` may raise ManifestError while sorting.
        """
        if strategy in (STRATEGY_COMBINED, ""):
            try:
                merged = annotate_and_merge(files)
            except PostRendererError as err:
                raise PostRendererError(f"error merging manifests: {err}") from None
            try:
                rendered = self.run(merged)
            except PostRendererError as err:
                raise PostRendererError(
                    f"error while running post render on files: {err}", err.stderr
                ) from None
            try:
                return split_and_deannotate(rendered)
            except PostRendererError as err:
                raise PostRendererError(f"error while parsing post rendered output: {err}") from None
        if strategy not in (STRATEGY_SEPARATE, STRATEGY_NOHOOKS):
            raise PostRendererError(f"unknown post-render strategy: '{strategy}'")
        from chartist.release.manifest import sort_manifests

        hooks, manifests = sort_manifests(files)
        hook_files: dict[str, str] = {}
        for h in hooks:
            _join_into(hook_files, {h.path: h.manifest})
        manifest_files: dict[str, str] = {}
        for m in manifests:
            _join_into(manifest_files, {m.name: m.content})
        out: dict[str, str] = {}
        for group, group_files, post in (
            ("hooks", hook_files, strategy == STRATEGY_SEPARATE),
            ("manifests", manifest_files, True),
        ):
            if not group_files:
                continue
            if not post:
                _join_into(out, group_files)
                continue
            try:
                merged = annotate_and_merge(group_files)
            except PostRendererError as err:
                raise PostRendererError(f"error merging {group}: {err}") from None
            try:
                rendered = self.run(merged)
            except PostRendererError as err:
                raise PostRendererError(
                    f"error while running post render on {group}: {err}", err.stderr
                ) from None
            try:
                _join_into(out, split_and_deannotate(rendered, group))
            except PostRendererError as err:
                raise PostRendererError(
                    f"error while parsing post rendered output for {group}: {err}"
                ) from None
        return out
