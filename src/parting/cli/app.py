"""The typer application: one command per pipeline entry point."""

from __future__ import annotations

import typer

from . import analyze_cmd, batch_cmd, check_cmd, eval_cmd, rewrite_cmd

app = typer.Typer(
    name="parting",
    help="Turn a blunt draft into a respectful letter that ends a customer relationship, "
    "and check letters against the guide.\n\nExit codes: 0 fine, 1 the letter breaks a rule, "
    "2 usage or input error, 3 the language model could not be used.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _command(fn, name: str):  # type: ignore[no-untyped-def]
    """Register FN; its int return value becomes the exit code."""

    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise typer.Exit(fn(*args, **kwargs))

    import functools

    functools.update_wrapper(wrapper, fn)
    app.command(name)(wrapper)


_command(rewrite_cmd.run, "rewrite")
_command(check_cmd.run, "check")
_command(analyze_cmd.run, "analyze")
_command(batch_cmd.run, "batch")
_command(eval_cmd.run, "eval")


@app.callback()
def _root() -> None:
    """parting: letters that end a customer relationship well."""
