"""Which font our PDFs embed, so Japanese prints the same on every computer.

Resolution order:

1. a font file the user chose in Settings (``preferred``; the CLI reads ``ZAIRYU_PDF_FONT``);
2. a system TrueType font with Japanese glyphs (IPAex, IPA, TrueType collections too);
3. a system CFF/OpenType font (Noto Sans CJK, Source Han Sans, Hiragino), subset to the
   characters actually drawn and converted to TrueType outlines with fontTools, because
   reportlab embeds only TrueType outlines; the result is cached in ``paths.cache_dir()``;
4. a clear error naming what to install.

We never fall back to reportlab's non-embedded CID fonts (HeiseiKakuGo-W5 and friends): a PDF
that relies on the reader having a Japanese font prints tofu on many printers and counter PCs.

Every character is checked against the chosen font before it is drawn. A character the font
lacks (IPAex has no "≥") is drawn from a fallback font that has it, or replaced by a plain
equivalent, never as an empty box.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from zairyu import paths
from zairyu.errors import ZairyuError
from zairyu.reports.font_setting import preferred_font

# The setting's stand-in until the GUI settings store passes ``preferred`` itself.
FONT_ENV = "ZAIRYU_PDF_FONT"
# Bump when the conversion changes, so stale cached fonts are not reused.
_CONVERTER_VERSION = "1"

Outline = Literal["truetype", "cff"]

# Families we know render Japanese well, best first. Anything else with Japanese glyphs comes after.
_PREFERRED_TRUETYPE = ("IPAexGothic", "IPAGothic", "IPAPGothic", "Meiryo", "Yu Gothic", "MS Gothic",
                       "TakaoGothic", "VL Gothic")
_PREFERRED_CFF = ("Noto Sans CJK JP", "Source Han Sans JP", "Source Han Sans", "Hiragino Sans",
                  "Hiragino Kaku Gothic ProN", "Hiragino Kaku Gothic Pro", "Noto Sans JP")
# Latin/symbol fonts that can supply a character the Japanese font lacks.
_FALLBACK_FAMILIES = ("DejaVu Sans", "Liberation Sans", "Arial", "Noto Sans")

# Equivalents for characters the main font lacks, tried before a fallback font. "≧"/"≦" are the
# JIS X 0208 forms of "≥"/"≤" (same meaning, the shape Japanese forms print), so every Japanese font
# has them and no second font has to be loaded for them; ">=" is the last resort.
PREFERRED_SUBSTITUTES: dict[str, str] = {"≥": "≧", "≤": "≦"}
_KNOWN_FALLBACK_FILES = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
                         Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
                         Path("/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf"))
# Plain equivalents for characters no available font has (the last resort before "?").
SUBSTITUTES: dict[str, str] = {
    "≥": ">=",
    "≤": "<=",
    "☐": "□",
    "☑": "■",
    "✔": "✓",
    "\u00a0": " ",
}

# Directories searched when fc-list is not available (Windows, macOS without fontconfig).
_FONT_DIRS_POSIX = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts",
                    "/Library/Fonts", "/System/Library/Fonts", "/System/Library/Fonts/Supplemental",
                    "~/Library/Fonts")


class FontNotFoundError(ZairyuError):
    """No font that can draw Japanese (or the chosen font file is unusable)."""


INSTALL_HINT = ("install a Japanese font: on Debian/Ubuntu `sudo apt install fonts-ipaexfont-gothic` "
                "(or fonts-noto-cjk), on Fedora `sudo dnf install google-noto-sans-cjk-fonts`, "
                "or choose a .ttf/.otf/.ttc font file in Settings")


@dataclass(frozen=True)
class FontFace:
    """One face in a font file (a .ttc collection holds several; ``index`` picks one)."""

    path: Path
    index: int
    family: str
    outline: Outline


# ---------------------------------------------------------------------------------------------
# Discovery


def _probe(path: Path, index: int) -> FontFace | None:
    """Open one face with fontTools and keep it if it can draw Japanese."""
    from fontTools.ttLib import TTFont as FTFont

    try:
        # Closed on leaving: a lazy font keeps its file open to read tables on demand.
        with FTFont(str(path), fontNumber=index, lazy=True) as font:
            os2 = font.get("OS/2", None)
            # The OS/2 code-page bit 17 (JIS/Japan) answers without parsing a 65,000-entry cmap; fonts
            # that do not fill it in are checked glyph by glyph. (Drawing checks every glyph anyway.)
            if os2 is None or os2.version < 1 or not (os2.ulCodePageRange1 & (1 << 17)):
                cmap = font.getBestCmap() or {}
                if not all(ord(ch) in cmap for ch in "あア漢字申請"):
                    return None
            outline: Outline = "truetype" if "glyf" in font else "cff"
            family = str(font["name"].getBestFamilyName() or path.stem)
            return FontFace(path, index, family, outline)
    except Exception:  # an unreadable or exotic font file is simply not a candidate
        return None


def _faces_in(path: Path) -> Iterator[FontFace]:
    count = 1
    if path.suffix.lower() in (".ttc", ".otc"):
        try:
            from fontTools.ttLib import TTCollection

            with TTCollection(str(path), lazy=True) as collection:
                count = len(collection.fonts)
        except Exception:
            return
    for index in range(count):
        face = _probe(path, index)
        if face is not None:
            yield face


def _fc_list() -> list[FontFace] | None:
    """Japanese-capable faces fontconfig knows, or None when fc-list is not installed."""
    exe = shutil.which("fc-list")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, ":lang=ja", "--format", "%{file}\t%{index}\t%{family[0]}\t%{fontformat}\n"],
                             capture_output=True, text=True, timeout=20, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    faces: list[FontFace] = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) != 4 or not parts[0]:
            continue
        file, index, family, fmt = parts
        outline: Outline = "truetype" if fmt == "TrueType" else "cff"
        if fmt not in ("TrueType", "CFF"):
            continue
        # Resolve symlinks (fonts-japanese-gothic.ttf -> ipaexg.ttf) so messages name the real file.
        faces.append(FontFace(Path(os.path.realpath(file)), int(index or 0), family, outline))
    return faces


def _font_dirs() -> list[Path]:
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", "C:/Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", "~")) / "Microsoft/Windows/Fonts"
        return [windir / "Fonts", local.expanduser()]
    return [Path(d).expanduser() for d in _FONT_DIRS_POSIX]


def _scan_dirs() -> list[FontFace]:
    faces: list[FontFace] = []
    for folder in _font_dirs():
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in (".ttf", ".otf", ".ttc", ".otc"):
                faces.extend(_faces_in(path))
    return faces


@cache
def system_faces() -> tuple[FontFace, ...]:
    """Every Japanese-capable face on this computer, duplicates (symlinks) removed."""
    faces = _fc_list()
    if faces is None:
        faces = _scan_dirs()
    seen: set[tuple[str, int]] = set()
    unique: list[FontFace] = []
    for face in faces:
        key = (os.path.realpath(face.path), face.index)
        if key not in seen and face.path.exists():
            seen.add(key)
            unique.append(face)
    return tuple(unique)


def _rank(face: FontFace, preferred: tuple[str, ...]) -> tuple[int, str, int]:
    family = face.family
    try:
        position = next(i for i, name in enumerate(preferred) if family.startswith(name))
    except StopIteration:
        position = len(preferred)
    # Mono and serif faces are valid but read worse in a table; regular weight before bold.
    penalty = ("Mono" in family) + ("Serif" in family or "Mincho" in family)
    weight = 1 if "bold" in face.path.name.lower() else 0
    return (position * 4 + penalty, str(weight), face.index)


def choose_face(faces: Iterable[FontFace]) -> FontFace | None:
    """The best face by the resolution order: TrueType first, then CFF."""
    faces = list(faces)
    truetype = sorted((f for f in faces if f.outline == "truetype"), key=lambda f: _rank(f, _PREFERRED_TRUETYPE))
    if truetype:
        return truetype[0]
    cff = sorted((f for f in faces if f.outline == "cff"), key=lambda f: _rank(f, _PREFERRED_CFF))
    return cff[0] if cff else None


def bold_sibling(face: FontFace) -> FontFace | None:
    """The bold face of the same family, when the family ships one (Noto Sans CJK does, IPAex not)."""
    name = face.path.name
    if "Regular" not in name:
        return None
    candidate = face.path.with_name(name.replace("Regular", "Bold"))
    if not candidate.exists():
        return None
    probed = _probe(candidate, face.index)
    return probed if probed is not None and probed.outline == face.outline else None


@cache
def _fallback_fonts() -> tuple[tuple[str, frozenset[int]], ...]:
    """Registered TrueType fonts (name, codepoints) that can supply missing symbols."""
    found: list[tuple[str, frozenset[int]]] = []
    candidates: list[Path] = [p for p in _KNOWN_FALLBACK_FILES if p.is_file()]
    exe = shutil.which("fc-list")
    if candidates:
        pass  # a known file is there: no need to ask fontconfig (each call is a process)
    elif exe is not None:
        for family in _FALLBACK_FAMILIES:
            try:
                out = subprocess.run([exe, f"{family}:style=Book", "file"], capture_output=True, text=True,
                                     timeout=20).stdout
                out += subprocess.run([exe, f"{family}:style=Regular", "file"], capture_output=True,
                                      text=True, timeout=20).stdout
            except (OSError, subprocess.SubprocessError):
                continue
            for line in out.splitlines():
                path = Path(line.split(":")[0].strip())
                if path.suffix.lower() == ".ttf":
                    candidates.append(path)
                    break
    else:
        for folder in _font_dirs():
            for name in ("DejaVuSans.ttf", "arial.ttf", "Arial.ttf", "LiberationSans-Regular.ttf"):
                candidates.extend(folder.rglob(name) if folder.is_dir() else [])
    for number, path in enumerate(candidates[:2]):
        name = f"ZairyuFallback{number}"
        try:
            font = TTFont(name, str(path))
        except Exception:
            continue
        pdfmetrics.registerFont(font)
        found.append((name, frozenset(font.face.charToGlyph)))
    return tuple(found)


# ---------------------------------------------------------------------------------------------
# CFF -> TrueType conversion


def _to_truetype(source: FontFace, characters: str, target: Path) -> None:
    """Subset ``source`` to ``characters`` and rewrite its cubic CFF outlines as quadratic glyf."""
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont as FTFont
    from fontTools.ttLib import newTable

    font = FTFont(str(source.path), fontNumber=source.index, lazy=True)
    # Layout and vertical tables are large (GSUB/GPOS alone take a second to parse in Noto CJK) and
    # unused: we draw one glyph per character, horizontally. Drop them before anything reads them.
    for tag in ("GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG", "JSTF", "MATH"):
        if tag in font:
            del font[tag]
    options = subset.Options()
    options.layout_features = []  # we draw one glyph per character; no shaping is needed
    options.desubroutinize = True
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted({ord(ch) for ch in characters}))
    subsetter.subset(font)

    # Adapted from fontTools' Snippets/otf2ttf.py (MIT).
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        # max_err in font units (1000/em): invisible at any print size.
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        width = hmtx[name][0]
        hmtx[name] = (width, getattr(glyph, "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.compile(font)
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_suffix(f".{os.getpid()}.tmp")
    font.save(str(temp))
    os.replace(temp, target)


def converted_font_path(source: FontFace, characters: str) -> Path:
    """The cached TrueType conversion of ``source`` for ``characters``, created when missing."""
    stat = source.path.stat()
    key = hashlib.sha256("\0".join([
        _CONVERTER_VERSION, str(source.path.resolve()), str(source.index), str(stat.st_size),
        str(int(stat.st_mtime)), "".join(sorted(set(characters))),
    ]).encode("utf-8")).hexdigest()[:24]
    target = paths.cache_dir() / "fonts" / f"{source.path.stem}-{source.index}-{key}.ttf"
    if not target.exists():
        _to_truetype(source, characters, target)
    return target


# ---------------------------------------------------------------------------------------------
# The resolved fonts a report draws with

# Always available, so page numbers, dates and table labels never miss a glyph.
# ASCII and Latin-1 (names like "José", "·", "×", "¥"), the punctuation our labels use, and the
# Japanese of the running header and footer ("ページ").
_BASE_CHARACTERS = ("".join(chr(c) for c in range(0x20, 0x7F)) + "".join(chr(c) for c in range(0xA1, 0x100))
                    + "–—‘’“”…•・、。「」（）／：　□■✓✗○●≧≦ページ")


@dataclass
class ReportFonts:
    """The font names registered with reportlab, and how to make any text drawable with them."""

    regular: str
    bold: str
    face: FontFace
    converted: bool
    codepoints: frozenset[int]
    # Loaded on the first character the main font lacks (registering a font costs ~0.1 s).
    _fallbacks: tuple[tuple[str, frozenset[int]], ...] | None = field(default=None, repr=False)
    # Characters drawn that a converted subset lacks: text the report did not list in advance.
    # render_with_fonts() draws again with them added (the source font may well have them).
    subset_misses: set[str] = field(default_factory=set, repr=False)

    @property
    def fallbacks(self) -> tuple[tuple[str, frozenset[int]], ...]:
        if self._fallbacks is None:
            self._fallbacks = _fallback_fonts()
        return self._fallbacks

    def runs(self, text: str) -> list[tuple[str, str]]:
        """Split ``text`` into (font name, run) pairs so every glyph exists in its font."""
        if self.codepoints.issuperset(map(ord, text)):
            return [(self.regular, text)] if text else []  # the usual case, without a loop per character
        result: list[tuple[str, str]] = []
        for ch in text:
            font, ch = self._font_for(ch)
            if result and result[-1][0] == font:
                result[-1] = (font, result[-1][1] + ch)
            else:
                result.append((font, ch))
        return result

    def _font_for(self, ch: str) -> tuple[str, str]:
        code = ord(ch)
        if code in self.codepoints or ch in "\n\t":
            return self.regular, ch
        if self.converted:
            self.subset_misses.add(ch)
        preferred = PREFERRED_SUBSTITUTES.get(ch)
        if preferred is not None and all(ord(c) in self.codepoints for c in preferred):
            return self.regular, preferred
        for name, codes in self.fallbacks:
            if code in codes:
                return name, ch
        substitute = SUBSTITUTES.get(ch)
        if substitute is not None and all(ord(c) in self.codepoints for c in substitute):
            return self.regular, substitute
        return self.regular, "?"

    def markup(self, text: str) -> str:
        """``text`` escaped for a reportlab Paragraph, with fallback fonts where needed."""
        parts = []
        for font, run in self.runs(text):
            escaped = escape(run).replace("\n", "<br/>")
            parts.append(escaped if font == self.regular else f'<font name="{font}">{escaped}</font>')
        return "".join(parts)

    def draw_string(self, canvas: Canvas, x: float, y: float, text: str, size: float,
                    *, font: str | None = None, anchor: Literal["left", "centre", "right"] = "left") -> None:
        """Draw one line on a canvas, switching fonts per character where the main font lacks one."""
        base = font or self.regular
        runs = [(base if name == self.regular else name, run) for name, run in self.runs(text)]
        width = sum(pdfmetrics.stringWidth(run, name, size) for name, run in runs)
        if anchor == "centre":
            x -= width / 2
        elif anchor == "right":
            x -= width
        for name, run in runs:
            canvas.setFont(name, size)
            canvas.drawString(x, y, run)
            x += pdfmetrics.stringWidth(run, name, size)


def _register(name: str, path: Path, index: int, *, face_suffix: str = "") -> TTFont:
    try:
        font = TTFont(name, str(path), subfontIndex=index)
    except Exception as exc:
        raise FontNotFoundError(f"font file {path}: cannot be embedded ({exc}); {INSTALL_HINT}") from None
    if face_suffix:
        # reportlab shares one font object per PostScript name: two subsets of the same font would
        # otherwise both draw with whichever was registered first.
        font.face.name = font.face.name + b"-" + face_suffix.encode("ascii")
    pdfmetrics.registerFont(font)
    return font


def _face_from_setting(preferred: Path) -> FontFace:
    path = preferred.expanduser()
    if not path.is_file():
        raise FontNotFoundError(f"font file {path}: not found; {INSTALL_HINT}")
    faces = list(_faces_in(path))
    if not faces:
        raise FontNotFoundError(f"font file {path}: has no Japanese glyphs or cannot be read; {INSTALL_HINT}")
    return choose_face(faces) or faces[0]


def resolve_fonts(text: str = "", preferred: Path | str | None = None) -> ReportFonts:
    """Fonts that can draw ``text`` (all the text a report will draw), embedded as subsets.

    ``preferred`` overrides everything; otherwise the Settings font (``font_setting``), then
    ``ZAIRYU_PDF_FONT``, then the system's fonts.
    """
    if preferred is None:
        preferred = preferred_font()
    if preferred is None and os.environ.get(FONT_ENV):
        preferred = os.environ[FONT_ENV]
    if preferred is not None:
        face = _face_from_setting(Path(preferred))
    else:
        chosen = choose_face(system_faces())
        if chosen is None:
            raise FontNotFoundError(f"no font with Japanese glyphs was found; {INSTALL_HINT}")
        face = chosen
    bold_face = bold_sibling(face)
    if face.outline == "truetype":
        regular = _cached_register(face)
        bold = _cached_register(bold_face) if bold_face else regular
        converted = False
    else:
        characters = _BASE_CHARACTERS + text
        regular = _cached_register(face, characters)
        bold = _cached_register(bold_face, characters) if bold_face else regular
        converted = True
    codepoints = frozenset(pdfmetrics.getFont(regular).face.charToGlyph)
    if converted:
        # The subset only holds what we asked for; characters outside it count as missing.
        codepoints = frozenset(c for c in codepoints if chr(c) in set(characters))
    # <b> in a Paragraph picks the bold face.
    addMapping(regular, 0, 0, regular)
    addMapping(regular, 1, 0, bold)
    addMapping(regular, 0, 1, regular)
    addMapping(regular, 1, 1, bold)
    return ReportFonts(regular, bold, face, converted, codepoints)


_registered: dict[tuple[str, int, str], str] = {}
# Names are never reused, even when _registered is emptied: reportlab silently keeps the font it
# already has under a name, so a reused name would draw with another subset ('?' for the rest).
_name_numbers = itertools.count()


def _cached_register(face: FontFace, characters: str | None = None) -> str:
    """Register a face once per process (and per character set for converted faces)."""
    digest = hashlib.sha1("".join(sorted(set(characters))).encode("utf-8")).hexdigest()[:10] if characters else ""
    key = (str(face.path), face.index, digest)
    name = _registered.get(key)
    if name is None:
        stem = "".join(c for c in f"{face.family}" if c.isalnum())[:24] or "Font"
        name = f"Zairyu{stem}{next(_name_numbers)}"
        if characters is None:
            _register(name, face.path, face.index)
        else:
            converted = converted_font_path(face, characters)
            _register(name, converted, 0, face_suffix=converted.stem.rsplit("-", 1)[-1][:8])
        _registered[key] = name
    return name


def render_with_fonts(text: str, draw: Callable[[ReportFonts], None], fonts: ReportFonts | None = None) -> None:
    """Call ``draw`` with fonts for ``text`` (everything the report expects to draw).

    A converted CFF font is subset to ``text``; if the drawing used a character ``text`` did not
    list, it is drawn once more with that character added, so a glyph the font has is never
    replaced by a stand-in. Fonts given by the caller are used as they are.
    """
    if fonts is not None:
        draw(fonts)
        return
    fonts = resolve_fonts(text)
    draw(fonts)
    if fonts.subset_misses:
        draw(resolve_fonts(text + "".join(sorted(fonts.subset_misses))))
