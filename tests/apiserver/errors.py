"""Failure ``Status`` bodies shaped like the real server's (see ``shared/kube/examples``)."""

from __future__ import annotations

from typing import Any

from .registry import Resource


class StatusError(Exception):
    """A failure the handler answers with ``code`` and a ``Status`` body."""

    def __init__(
        self,
        code: int,
        reason: str,
        message: str,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.reason = reason
        self.message = message
        self.details = details
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": "Status",
            "apiVersion": "v1",
            "metadata": {},
            "status": "Failure",
            "message": self.message,
            "reason": self.reason,
        }
        if self.details is not None:
            out["details"] = self.details
        out["code"] = self.code
        return out


def qualified(res: Resource) -> str:
    """``configmaps`` or ``deployments.apps``."""
    return f"{res.resource}.{res.group}" if res.group else res.resource


def _details(res: Resource, name: str, kind: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if name:
        out["name"] = name
    if res.group:
        out["group"] = res.group
    out["kind"] = kind or res.resource
    return out


def not_found(res: Resource, name: str) -> StatusError:
    return StatusError(404, "NotFound", f'{qualified(res)} "{name}" not found', _details(res, name))


def already_exists(res: Resource, name: str) -> StatusError:
    return StatusError(409, "AlreadyExists", f'{qualified(res)} "{name}" already exists', _details(res, name))


def conflict(res: Resource, name: str, why: str = "") -> StatusError:
    why = why or "the object has been modified; please apply your changes to the latest version and try again"
    return StatusError(
        409,
        "Conflict",
        f'Operation cannot be fulfilled on {qualified(res)} "{name}": {why}',
        _details(res, name),
    )


def invalid(res: Resource, name: str, causes: list[tuple[str, str]]) -> StatusError:
    kind = f"{res.kind}.{res.group}" if res.group else res.kind
    text = ", ".join(f"{field}: {msg}" for field, msg in causes)
    details = _details(res, name, kind=res.kind)
    details["causes"] = [
        {
            "reason": "FieldValueInvalid"
            if msg.startswith("Invalid")
            else "FieldValueRequired"
            if msg.startswith("Required")
            else "FieldValueTooLong",
            "message": msg,
            "field": field,
        }
        for field, msg in causes
    ]
    return StatusError(422, "Invalid", f'{kind} "{name}" is invalid: {text}', details)


def bad_request(message: str) -> StatusError:
    return StatusError(400, "BadRequest", message)


def forbidden(
    user: str, verb: str, res_name: str, group: str, namespace: str, name: str = "", subresource: str = ""
) -> StatusError:
    resource = f"{res_name}/{subresource}" if subresource else res_name
    subject = f"{res_name}.{group}" if group else res_name
    subject = f'{subject} "{name}"' if name else subject
    scope = f'in the namespace "{namespace}"' if namespace else "at the cluster scope"
    message = f'{subject} is forbidden: User "{user}" cannot {verb} resource "{resource}" in API group "{group}" {scope}'
    details: dict[str, Any] = {}
    if name:
        details["name"] = name
    if group:
        details["group"] = group
    details["kind"] = res_name
    return StatusError(403, "Forbidden", message, details)


def unauthorized() -> StatusError:
    return StatusError(401, "Unauthorized", "Unauthorized")


def method_not_allowed() -> StatusError:
    return StatusError(
        405, "MethodNotAllowed", "the server does not allow this method on the requested resource", {}
    )


def unsupported_media(content_type: str, accepted: str) -> StatusError:
    return StatusError(
        415,
        "UnsupportedMediaType",
        f"the body of the request was in an unknown format - accepted media types include: {accepted}",
        {},
    )


def expired(message: str) -> StatusError:
    return StatusError(410, "Expired", message)
