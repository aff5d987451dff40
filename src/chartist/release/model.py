"""The release data model (Helm's ``release/v1``): hooks here; releases join them later."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["HOOK_EVENTS", "Hook"]

# Hook event names Helm recognises in ``helm.sh/hook`` ("test-success" is the old name of test).
HOOK_EVENTS: dict[str, str] = {
    "pre-install": "pre-install",
    "post-install": "post-install",
    "pre-delete": "pre-delete",
    "post-delete": "post-delete",
    "pre-upgrade": "pre-upgrade",
    "post-upgrade": "post-upgrade",
    "pre-rollback": "pre-rollback",
    "post-rollback": "post-rollback",
    "test": "test",
    "test-success": "test",
}


@dataclass
class Hook:
    """A manifest run at a lifecycle event instead of being installed with the release."""

    name: str
    kind: str
    path: str
    manifest: str
    events: list[str] = field(default_factory=list)
    weight: int = 0
    delete_policies: list[str] = field(default_factory=list)
    output_log_policies: list[str] = field(default_factory=list)
