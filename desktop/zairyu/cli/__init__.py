"""The command-line interface: thin commands over the same services as the desktop app."""
