"""Shared CLI plumbing: the consoles, one-line errors with exit code 2, JSON output."""
from __future__ import annotations

import functools
import json
import os
import sys

import typer
from rich.console import Console

from ..errors import MuqabalaError

console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = 2) -> None:
    err_console.print(f"[bold red]error:[/] {message}", markup=True, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    err_console.print(f"[yellow]warning:[/] {message}", highlight=False, soft_wrap=True)


def guarded(func):
    """Turn MuqabalaError (and Ctrl-C) into a one-line message and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except MuqabalaError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except typer.Exit:
            raise
        except Exception as exc:  # noqa: BLE001 - never a traceback for the user
            if os.environ.get("MUQABALA_DEBUG"):
                raise
            first = str(exc).splitlines()[0] if str(exc) else ""
            fail(f"internal error: {type(exc).__name__}: {first} (set MUQABALA_DEBUG=1 for the traceback)")

    return wrapper


def print_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str) + "\n")


def check_format(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise MuqabalaError(f"--format must be one of {', '.join(allowed)} (got '{value}')")
    return value
