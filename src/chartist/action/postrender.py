"""Post-renderers: a plugin (Helm v4) or an executable (Helm 3) that rewrites the manifests.

Not implemented yet: Helm re-serialises documents through kyaml before and after the
post-renderer, and chartist has no kyaml-identical writer. Asking for one is a clear error.
"""

from __future__ import annotations

from chartist.errors import ChartistError

__all__ = ["PostRenderer", "PostRendererError"]


class PostRendererError(ChartistError):
    """A post-renderer could not be found or failed."""


class PostRenderer:
    """A post-renderer chosen by name or path."""

    def __init__(self, command: str, args: list[str]) -> None:
        self.command = command
        self.args = args

    @classmethod
    def find(cls, name: str, args: list[str], plugins_dir: str) -> PostRenderer:
        """Resolve NAME as a post-renderer plugin or an executable; raises PostRendererError."""
        raise PostRendererError(f"post-renderer {name!r}: post-renderers are not supported by chartist yet")

    def run_files(self, files: dict[str, str]) -> dict[str, str]:
        """Pass the rendered files through the post-renderer."""
        raise PostRendererError("post-renderers are not supported by chartist yet")
