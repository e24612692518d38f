"""One online-set build in its own process, so the benchmark can read that process's peak memory.

``python online_set_runner.py floor|zairyu MANIFEST.json OUT_DIR`` prints the seconds spent after
start-up (imports excluded) on stdout.

``floor`` is the reference: each document's files merged directly with pikepdf + img2pdf, every
photo first resized with Pillow to 200 dpi on an A4 page (the least the online system asks for)
and nothing else: no size limit to meet, no checks, no fsync, one core. ``zairyu`` is the real export,
which has to bring the set under 25 MB.
"""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

FLOOR_DPI = 200
# The area a photo fills on an A4 page (10 mm margins, 14 mm at the foot), landscape and portrait,
# in inches: the same pixels as Zairyu's, so the two do the same work per photo.
LANDSCAPE_BOX = (277 / 25.4, 186 / 25.4)
PORTRAIT_BOX = (190 / 25.4, 273 / 25.4)


def _photo_at_200_dpi(path: Path) -> bytes:
    from PIL import Image

    with Image.open(path) as image:
        turned = image.getexif().get(0x0112, 1) >= 5  # shown with width and height swapped
        upright = (image.height, image.width) if turned else image.size
        box = LANDSCAPE_BOX if upright[0] > upright[1] else PORTRAIT_BOX
        scale = FLOOR_DPI * min(box[0] / upright[0], box[1] / upright[1])
        target = (round(image.width * scale), round(image.height * scale))
        image.draft("RGB", target)  # decode at 1/2 size directly, as any careful resizer would
        exif = image.info.get("exif", b"")
        resized = image.convert("RGB").resize(target, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    resized.save(buffer, "JPEG", quality=85, exif=exif)  # keep the orientation for img2pdf
    return buffer.getvalue()


def floor(manifest: dict, output: Path) -> float:
    import img2pdf
    import pikepdf

    start = time.perf_counter()
    output.mkdir(exist_ok=True)  # a later round writes over the same files
    layout = img2pdf.get_layout_fun((img2pdf.mm_to_pt(210), img2pdf.mm_to_pt(297)), auto_orient=True)
    for number, document in enumerate(manifest["documents"], start=1):
        out = pikepdf.new()
        opened = []
        for file in document["files"]:
            path = Path(file)
            if path.suffix.lower() == ".pdf":
                source = pikepdf.open(path)
            else:
                source = pikepdf.open(io.BytesIO(img2pdf.convert(_photo_at_200_dpi(path), layout_fun=layout)))
            opened.append(source)
            out.pages.extend(source.pages)
        out.save(output / f"{number:02d}.pdf")
        for source in opened:
            source.close()
    return time.perf_counter() - start


def zairyu(manifest: dict, output: Path) -> float:
    from zairyu.reports.online_set import build_online_set
    from zairyu.reports.sources import PacketDocument, PacketFile

    documents = [PacketDocument(d["title_en"], d["title_ja"],
                                tuple(PacketFile(Path(f), Path(f).name) for f in d["files"]), code=d["code"])
                 for d in manifest["documents"]]
    start = time.perf_counter()
    build_online_set(documents, output)
    return time.perf_counter() - start


if __name__ == "__main__":
    mode, manifest_path, output = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    seconds = {"floor": floor, "zairyu": zairyu}[mode](manifest, output)
    print(f"{seconds:.4f}")
