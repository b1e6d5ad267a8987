"""One error type for everything a user can get wrong.

The message is Chinese because it is shown to judges and assistants; it names the
file, field or line at fault. The CLI prints it on one line and exits non-zero.
"""


class YaosuError(Exception):
    """A problem caused by input, shown to the end user as `message`."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message
