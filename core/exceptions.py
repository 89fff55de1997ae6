"""Errors that services raise and entry points translate for the person (forms, messages, 4xx)."""


class ApplicationError(Exception):
    """A rule of the domain refused the request. `message` is shown to the person (Spanish)."""

    def __init__(self, message: str, *, code: str = "invalid", field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field
