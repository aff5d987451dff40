"""Helm's rendering engine: one template set per chart tree, Helm's functions and objects."""

from __future__ import annotations

from chartist.engine.capabilities import Capabilities
from chartist.engine.engine import Engine, render_templates, sort_templates
from chartist.engine.errors import RenderError, TemplateExecError, TemplateParseError
from chartist.engine.files import Files

__all__ = [
    "Capabilities",
    "Engine",
    "Files",
    "RenderError",
    "TemplateExecError",
    "TemplateParseError",
    "render_templates",
    "sort_templates",
]
