"""The pages of the main window, one per module, each a ``pages.base.Page``."""
