"""One measured run in its own process: ``python caps_runner.py MODE FILE...`` prints JSON with the
seconds after start-up, the peak resident memory (VmHWM, this process only) and what was accepted.

Modes: ``check`` (Zairyu's attach check of each file, the same check the packet export runs),
``floor-pdf`` (pikepdf opening a PDF and decoding every stream whole: the unbounded way),
``floor-image`` (Pillow decoding each image), ``packet`` (the packet of the files) and
``floor-packet`` (pikepdf merging the same files, nothing else).
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path


def _peak_kib() -> int:
    match = re.search(r"VmHWM:\s+(\d+)", Path("/proc/self/status").read_text())
    assert match is not None
    return int(match.group(1))


def main(mode: str, files: list[Path]) -> dict[str, object]:
    accepted = 0
    if mode == "check":
        from zairyu.store.vault import check_content

        start = time.perf_counter()
        for path in files:
            check_content(path, path.name)  # raises AttachmentRefused on a refusal
            accepted += 1
    elif mode == "floor-pdf":
        import pikepdf

        start = time.perf_counter()
        for path in files:
            with pikepdf.open(path) as pdf:
                for obj in pdf.objects:
                    if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") != pikepdf.Name.Image:
                        obj.read_bytes()
            accepted += 1
    elif mode == "floor-image":
        from PIL import Image

        start = time.perf_counter()
        for path in files:
            with Image.open(path) as image:
                image.load()
            accepted += 1
    elif mode == "packet":
        from zairyu.reports.packet import PacketCover, PacketDocument, PacketFile, build_packet

        start = time.perf_counter()
        cover = PacketCover("Engineer", "技術・人文知識・国際業務", "Change", "在留資格変更許可申請")
        docs = [PacketDocument(f"Document {i}", f"書類{i}", (PacketFile(p, p.name),)) for i, p in enumerate(files)]
        result = build_packet(cover, docs, Path(sys.argv[-1]).with_name("packet-out.pdf"))
        accepted = result.pages[0]
    else:  # floor-packet
        import pikepdf

        start = time.perf_counter()
        out = pikepdf.new()
        opened = [pikepdf.open(p) for p in files]
        for source in opened:
            out.pages.extend(source.pages)
        out.save(Path(sys.argv[-1]).with_name("floor-out.pdf"))
        accepted = len(out.pages)
    return {"seconds": time.perf_counter() - start, "peak_kib": _peak_kib(), "accepted": accepted}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], [Path(p) for p in sys.argv[2:]])))
