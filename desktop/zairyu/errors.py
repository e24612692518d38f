"""Errors that carry a message meant for the user.

Every layer raises these for bad input; the CLI prints the message on one line and exits 2,
the GUI shows it in a dialog. The message names the field or file and what is wrong.
"""


class ZairyuError(Exception):
    """Base class: an error whose message is fit to show a user as it is."""


class UserInputError(ZairyuError):
    """The user gave input that cannot be used (a bad argument, file or field)."""


class DataFileError(ZairyuError):
    """A rules file in checklists/ is malformed. Names the file and the key."""

    def __init__(self, file: str, key: str, problem: str) -> None:
        self.file = file
        self.key = key
        self.problem = problem
        super().__init__(f"{file}: {key}: {problem}")
