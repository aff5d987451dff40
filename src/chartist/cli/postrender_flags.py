"""``--post-renderer`` and ``--post-renderer-args``, shared by template, install and upgrade.

As in Helm v4.2.3 the flag names a post-renderer plugin (type ``postrenderer/v1``) and is
resolved while the command line is read, before the chart or values are loaded.
"""

from __future__ import annotations

import argparse
from typing import Any

from chartist.cli.environment import Settings
from chartist.errors import ChartistError

__all__ = ["add_post_renderer_flags", "post_renderer"]


class PostRendererFlagError(ChartistError):
    """The post-renderer flags are malformed."""


def add_post_renderer_flags(p: argparse.ArgumentParser) -> None:
    """Add Helm's post-renderer flags to a command."""
    p.add_argument(
        "--post-renderer",
        action="append",
        default=[],
        help="the name of a postrenderer type plugin to be used for post rendering. If it exists, the plugin will be used",
    )
    p.add_argument(
        "--post-renderer-args",
        action="append",
        default=[],
        help="an argument to the post-renderer (can specify multiple)",
    )


def post_renderer(args: argparse.Namespace, settings: Settings) -> Any:
    """The post-renderer the flags name, or None; raises a ChartistError with Helm's text."""
    names: list[str] = args.post_renderer
    if not names:
        return None
    if len(names) > 1:
        raise PostRendererFlagError(
            f'invalid argument "{names[1]}" for "--post-renderer" flag: '
            "cannot specify --post-renderer flag more than once"
        )
    from chartist.action.postrender import PostRenderer

    return PostRenderer.find(names[0], args.post_renderer_args, settings.plugins_directory)
