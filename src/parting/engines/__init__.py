"""Engines write the letter for a policy: the built-in composer, or a language model."""
