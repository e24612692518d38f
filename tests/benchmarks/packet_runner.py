"""One packet build in its own process, so the benchmark can read that process's peak memory.

``python packet_runner.py floor|zairyu MANIFEST.json OUT.pdf`` prints the seconds spent after
start-up (imports excluded) on stdout.

``floor`` is the reference: the same inputs merged directly with pikepdf + img2pdf and nothing
else (no cover, no stamps, no bookmarks). ``zairyu`` is the real export.
"""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path


def floor(manifest: dict, output: Path) -> float:
    import img2pdf
    import pikepdf

    start = time.perf_counter()
    out = pikepdf.new()
    opened = []
    for document in manifest["documents"]:
        for file in document["files"]:
            path = Path(file)
            if path.suffix.lower() == ".pdf":
                source = pikepdf.open(path)
            else:
                source = pikepdf.open(io.BytesIO(img2pdf.convert(str(path))))
            opened.append(source)
            out.pages.extend(source.pages)
    out.save(output)
    return time.perf_counter() - start


def zairyu(manifest: dict, output: Path) -> float:
    from zairyu.reports.packet import PacketCover, build_packet
    from zairyu.reports.sources import PacketDocument, PacketFile

    cover = PacketCover(route_en="Highly Skilled Professional (i)(b)", route_ja="高度専門職1号ロ",
                        procedure_en="Change of status of residence", procedure_ja="在留資格変更許可申請",
                        applicant="Benchmark Applicant")
    documents = [PacketDocument(d["title_en"], d["title_ja"], tuple(PacketFile(Path(f), Path(f).name)
                                                                      for f in d["files"]))
                 for d in manifest["documents"]]
    start = time.perf_counter()
    build_packet(cover, documents, output)
    return time.perf_counter() - start


if __name__ == "__main__":
    mode, manifest_path, output = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    seconds = {"floor": floor, "zairyu": zairyu}[mode](manifest, output)
    print(f"{seconds:.4f}")
