"""parting: turn a blunt draft into a respectful letter that ends a customer relationship."""

from __future__ import annotations

from .checker import check

__all__ = ["check"]
