"""The language-model engine: the guide as a system prompt, every reply checked,
precise feedback until a letter passes. Imports openai only when it is used."""

from .config import LLMConfig

__all__ = ["LLMConfig"]
