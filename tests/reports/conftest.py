"""Real input files for the report tests: PDFs (plain, rotated, owner-locked, user-locked, broken),
JPEG photos (with EXIF orientation) and PNGs, all generated small so the suite stays fast."""

from __future__ import annotations

import random
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from zairyu.reports.packet import PacketCover
from zairyu.reports.sources import PacketDocument, PacketFile

IPAEX = Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def _input_font() -> str:
    """Inputs embed their font too, so "every font embedded" is a fair check of the packet."""
    if "InputFont" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("InputFont", str(IPAEX)))
    return "InputFont"


def make_pdf(path: Path, pages: int, *, label: str = "page", rotate: int = 0, size: tuple[float, float] = A4) -> Path:
    canvas = Canvas(str(path), pagesize=size, initialFontName=_input_font())
    for number in range(1, pages + 1):
        canvas.setFont(_input_font(), 28)
        canvas.drawString(60, size[1] - 120, f"{label} {number}")
        canvas.rect(40, 40, size[0] - 80, size[1] - 80)
        canvas.showPage()
    canvas.save()
    if rotate:
        with pikepdf.open(path, allow_overwriting_input=True) as pdf:
            for page in pdf.pages:
                page.obj.Rotate = rotate
            pdf.save(path)
    return path


def make_photo(path: Path, size: tuple[int, int] = (640, 480), *, orientation: int = 1, seed: int = 1,
               quality: int = 85) -> Path:
    """A JPEG with an arrow pointing 'up' in the stored pixels and the given EXIF orientation."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, (rng.randrange(120, 255), rng.randrange(120, 255), rng.randrange(120, 255)))
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.polygon([(w // 2, h // 10), (w // 3, h // 2), (2 * w // 3, h // 2)], fill=(200, 20, 20))
    draw.rectangle([w // 2 - w // 20, h // 2, w // 2 + w // 20, 9 * h // 10], fill=(200, 20, 20))
    exif = Image.Exif()
    exif[0x0112] = orientation
    image.save(path, "JPEG", quality=quality, exif=exif.tobytes())
    return path


def make_noise_photo(path: Path, size: tuple[int, int], *, seed: int = 1, quality: int = 90) -> Path:
    """A photo that does not compress well (noise over a gradient), so its size is realistic."""
    rng = random.Random(seed)
    noise = Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))
    gradient = Image.linear_gradient("L").resize(size).convert("RGB")
    Image.blend(gradient, noise, 0.5).save(path, "JPEG", quality=quality)
    return path


def make_png(path: Path, size: tuple[int, int] = (500, 300), *, alpha: bool = True) -> Path:
    image = Image.new("RGBA" if alpha else "RGB", size, (0, 0, 0, 0) if alpha else (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle([20, 20, size[0] - 20, size[1] - 20], outline=(10, 60, 160), width=8)
    image.save(path, "PNG")
    return path


def owner_locked(path: Path, source: Path) -> Path:
    """Protected by an owner password only: opens without a password, but prints/copies are barred."""
    with pikepdf.open(source) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(owner="owner-secret", user="",
                                                     allow=pikepdf.Permissions(print_highres=False,
                                                                               extract=False, modify_other=False)))
    return path


def user_locked(path: Path, source: Path) -> Path:
    with pikepdf.open(source) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(owner="owner-secret", user="open-sesame"))
    return path


def broken_pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\n" + bytes(range(256)) * 8)
    return path


def page_count(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def pdffonts(path: Path) -> list[dict[str, str]]:
    """pdffonts as rows: name, type, emb (yes/no)."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type [type...] encoding emb sub uni id gen: emb is 5th from the end
        rows.append({"name": parts[0], "type": " ".join(parts[1:-6]), "emb": parts[-5]})
    return rows


def render(path: Path, page: int = 1, dpi: int = 60, crop: tuple[int, int, int, int] | None = None) -> Image.Image:
    """One page rendered by poppler's pdftoppm, optionally a crop box (x, y, w, h) in pixels."""
    args = ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile"]
    if crop is not None:
        x, y, w, h = crop
        args += ["-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h)]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "page"
        subprocess.run([*args, str(path), str(root)], capture_output=True, check=True)
        with Image.open(root.with_suffix(".png")) as image:
            return image.convert("RGB")


def ink(image: Image.Image) -> int:
    """How many pixels are not near-white (0 = blank)."""
    return sum(image.convert("L").histogram()[:200])


@pytest.fixture
def cover() -> PacketCover:
    return PacketCover(route_en="Highly Skilled Professional (i)(b)", route_ja="高度専門職1号ロ",
                       procedure_en="Change of status of residence", procedure_ja="在留資格変更許可申請",
                       applicant="Maria Example", title="Family 2026")


@pytest.fixture
def files(tmp_path: Path) -> Callable[[str], Path]:
    """files("passport.pdf") etc. create named inputs in tmp_path on demand."""
    made: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name in made:
            return made[name]
        path = tmp_path / name
        if name == "passport.pdf":
            make_pdf(path, 2, label="Passport")
        elif name == "contract.pdf":
            make_pdf(path, 3, label="Contract")
        elif name == "rotated.pdf":
            make_pdf(path, 1, label="Rotated", rotate=90, size=landscape(A4))
        elif name == "payslip-locked.pdf":
            owner_locked(path, make_pdf(tmp_path / "payslip-src.pdf", 2, label="Payslip"))
        elif name == "secret.pdf":
            user_locked(path, make_pdf(tmp_path / "secret-src.pdf", 1, label="Secret"))
        elif name == "broken.pdf":
            broken_pdf(path)
        elif name == "photo.jpg":
            make_photo(path)
        elif name == "photo-rot6.jpg":
            make_photo(path, orientation=6, seed=2)
        elif name == "screenshot.png":
            make_png(path)
        else:
            raise KeyError(name)
        made[name] = path
        return path

    return get


def doc(title_en: str, title_ja: str, *paths: Path, code: str = "") -> PacketDocument:
    return PacketDocument(title_en, title_ja, tuple(PacketFile(p, p.name) for p in paths), code=code)
