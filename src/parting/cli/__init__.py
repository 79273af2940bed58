"""The command line: a thin layer over the library API. ``main`` turns every failure
into one line on stderr and a documented exit code."""

from __future__ import annotations

import sys

from typer import Abort

from ..errors import EXIT_USAGE, PartingError

try:  # typer >= 0.29 ships its own copy of click
    from typer._click.exceptions import ClickException, UsageError
except ImportError:  # pragma: no cover - older typer, on click
    from click.exceptions import ClickException, UsageError  # type: ignore[no-redef]


def _fail(message: str, code: int) -> None:
    first = " ".join(message.strip().split("\n")[0].split())
    sys.stderr.write(f"parting: error: {first}\n")
    sys.exit(code)


def main(argv: list[str] | None = None) -> None:
    from .app import app

    if not (sys.argv[1:] if argv is None else argv):
        argv = ["--help"]
    try:
        code = app(args=argv, prog_name="parting", standalone_mode=False)
    except UsageError as exc:
        hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
        _fail(exc.format_message() + hint, EXIT_USAGE)
    except PartingError as exc:
        _fail(exc.message, exc.exit_code)
    except ClickException as exc:
        _fail(exc.format_message(), EXIT_USAGE)
    except (Abort, KeyboardInterrupt):
        _fail("interrupted", 130)
    except BrokenPipeError:
        sys.exit(0)
    sys.exit(code if isinstance(code, int) else 0)
