"""parting: turn a blunt draft into a respectful letter that ends a customer
relationship, and check letters against the guide.

    >>> import parting
    >>> parting.check(letter).ok
    >>> parting.analyze(draft).reason
    >>> parting.rewrite(draft).letter

The names load on first use, so `import parting` stays cheap for the CLI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import analyze, check, rewrite
    from .models import Brief, Policy, Report, RewriteResult, Violation

__all__ = ["check", "analyze", "rewrite", "Report", "Violation", "Brief", "Policy", "RewriteResult"]

_HOME = {"check": "api", "analyze": "api", "rewrite": "api", "arewrite": "api",
         "Report": "models", "Violation": "models", "Brief": "models", "Policy": "models",
         "RewriteResult": "models", "Attempt": "models", "Usage": "models", "Evidence": "models"}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        from importlib import import_module

        return getattr(import_module(f".{_HOME[name]}", __name__), name)
    raise AttributeError(f"module 'parting' has no attribute {name!r}")
