"""The one exception type the CLI turns into a one-line error and exit code 2."""


class MuqabalaError(Exception):
    """A user-facing problem: bad input, a missing model, a corrupt index."""
