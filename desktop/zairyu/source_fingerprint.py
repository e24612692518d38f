"""What identifies the installed code of a package folder without reading it: every module's name,
size and modification time.

Files derived from the rules (the rules cache, the route index of ``zairyu routes``) are trusted only
while the code that made them is unchanged. In an editable install the version number stays the
same while the code changes; an edit changes a module's size or its modification time (editors,
``git checkout`` and ``pip install`` all write new files), so this is enough, and it costs a stat
per module instead of reading them.
"""

from __future__ import annotations

import os


def source_fingerprint(folder: str) -> tuple[tuple[str, int, int], ...]:
    """(relative path, size, mtime_ns) of every ``.py`` file under ``folder``, sorted."""
    entries = []
    start = len(os.path.join(folder, ""))
    for where, _dirs, files in os.walk(folder):
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(where, name)
                try:
                    stat = os.stat(path)
                except OSError:  # a dangling link (an editor's lock file such as .#main.py) is no module
                    continue
                entries.append((path[start:], stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(entries))
